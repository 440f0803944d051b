#!/usr/bin/env bash
# Writes completions/ (bash, zsh, fish) and man/ (one page per command) from the built binary.
#   scripts/generate-docs.sh          regenerate in place (commit the result)
#   scripts/generate-docs.sh --check  fail if the committed files differ from a fresh generation
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product lisa >&2
swift build --product generate-manual >&2
bin="$(swift build --show-bin-path)"
# Pinned so the pages only change when the commands do.
date=2026-11-23

out=.
if [ "${1:-}" = "--check" ]; then out="$(mktemp -d)"; fi
mkdir -p "$out/completions" "$out/man"
"$bin/lisa" --generate-completion-script bash > "$out/completions/lisa.bash"
"$bin/lisa" --generate-completion-script zsh > "$out/completions/_lisa"
"$bin/lisa" --generate-completion-script fish > "$out/completions/lisa.fish"
rm -f "$out"/man/*.1
"$bin/generate-manual" "$bin/lisa" --multi-page --date "$date" --authors "lisa developers" -o "$out/man" >&2

bash -n "$out/completions/lisa.bash"
if command -v zsh >/dev/null; then zsh -n "$out/completions/_lisa"; fi
if command -v fish >/dev/null; then fish -n "$out/completions/lisa.fish"; fi

if [ "${1:-}" = "--check" ]; then
  if ! diff -ru completions "$out/completions" || ! diff -ru man "$out/man"; then
    echo "completions/ or man/ differ from the commands: run scripts/generate-docs.sh and commit the result" >&2
    exit 1
  fi
  echo "completions/ and man/ are up to date" >&2
fi
