#!/usr/bin/env bash
# An upgrade rehearsal on local files, no AWS, no network: migrate the bundled old single-file config.yaml
# (examples/legacy/config.yaml) to config-custom.yaml and its models to create requests, validate it,
# show the merged config and the names LISA derives from it, plan the upgrade from v5.4.0 to v6.6.0, and
# back the config up and restore it into a second directory, and run the pre-flight checks that need
# only local files (migrate check --offline). Everything lands in
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
# No AWS and no network: no credentials, no instance metadata, and a passphrase only for this rehearsal.
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CONTAINER_CREDENTIALS_FULL_URI \
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI LISA_API_URL LISA_API_TOKEN
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export LISA_BACKUP_PASSPHRASE="rehearsal passphrase, not for real backups"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*" >&2; "$@"; }
step "$lisa" migrate config --dry-run --input "$work/config.yaml" >/dev/null
step "$lisa" migrate config --models-out "$work/models.yaml"
step "$lisa" config validate
step "$lisa" config show
step "$lisa" config names
deployment=$("$lisa" config get deploymentName 2>/dev/null || echo prod)
step "$lisa" migrate plan --from 5.4.0 --to 6.6.0
# A backup/restore round trip between two local config directories: the config section only, under a
# rehearsal passphrase, restored over a stub config-custom.yaml (restore needs one to name the deployment)
# and compared byte for byte.
step "$lisa" backup create --only config --file "$work/rehearsal.lisabak"
step "$lisa" backup verify "$work/rehearsal.lisabak"
mkdir -p "$work/restored"
printf 'deploymentName: %s\n' "$deployment" > "$work/restored/config-custom.yaml"
step "$lisa" backup restore "$work/rehearsal.lisabak" --only config --config-dir "$work/restored" --overwrite
step cmp "$work/config-custom.yaml" "$work/restored/config-custom.yaml"
# Offline, the checks that need AWS or the API warn (exit 3); the backup just taken passes.
status=0
step "$lisa" migrate check --offline --to 6.6.0 || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
printf '\nRehearsal done: %s/config-custom.yaml is ready to copy into your LISA checkout.\n' "$work" >&2
