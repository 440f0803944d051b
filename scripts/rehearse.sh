#!/usr/bin/env bash
# An upgrade rehearsal on local files, no AWS, no network: migrate the bundled old single-file config.yaml
# (examples/legacy/config.yaml) to config-custom.yaml and its models to create requests, validate it,
# show the merged config and the names LISA derives from it, plan the upgrade from v5.4.0 to v6.6.0, and
# run the pre-flight checks that need only local files (migrate check --offline). Everything lands in
# .rehearsal/ (git-ignored); nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product lisa >&2
lisa="$(swift build --show-bin-path)/lisa"

work=.rehearsal
rm -rf "$work"
mkdir -p "$work/state"
cp examples/legacy/config.yaml "$work/config.yaml"
export LISA_STATE_DIR="$PWD/$work/state" LISA_CONFIG_DIR="$PWD/$work"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*" >&2; "$@"; }
step "$lisa" migrate config --dry-run --input "$work/config.yaml" >/dev/null
step "$lisa" migrate config --models-out "$work/models.yaml"
step "$lisa" config validate
step "$lisa" config show
step "$lisa" config names
step "$lisa" migrate plan --from 5.4.0 --to 6.6.0
# Offline, the checks that need AWS or the API warn, and with no backup taken yet the backup check
# fails (exit 7): the rehearsal shows the verdicts and goes on.
status=0
step "$lisa" migrate check --offline --to 6.6.0 || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || [ "$status" -eq 7 ] || exit "$status"
printf '\nRehearsal done: %s/config-custom.yaml is ready to copy into your LISA checkout.\n' "$work" >&2
