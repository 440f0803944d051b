#!/usr/bin/env bash
# Installs what lisa needs, idempotently, and prints nothing when all is already there.
#   scripts/bootstrap.sh          Debian packages the build needs
#   scripts/bootstrap.sh --test   also the test tools: zsh and fish (completion checks) and a Python
#                                 venv in .venv with moto_server and boto3 (never the system Python)
#   scripts/bootstrap.sh --litellm  a real LiteLLM proxy in its own venv, .venv-litellm (about 750 MB from
#                                 PyPI; scripts/test.sh installs it while Swift builds)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsqlite3-dev libssl-dev libyaml-dev)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--litellm" ]; then packages+=(zsh fish python3-venv); fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "bootstrap: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A venv with these requirements, rebuilt only when the requirements file changes.
prepare_venv() {
  local venv=$1 requirements=$2
  local stamp="$venv/.requirements.sha256" want
  want=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "bootstrap: preparing $venv with $(tr '\n' ' ' < "$requirements")" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
  fi
}

if [ "${1:-}" = "--test" ]; then prepare_venv .venv scripts/test-requirements.txt; fi
if [ "${1:-}" = "--litellm" ]; then prepare_venv .venv-litellm scripts/litellm-requirements.txt; fi
