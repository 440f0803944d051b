#!/usr/bin/env bash
# Installs lisa: a release build with the Swift standard library linked in statically, its man
# pages and its shell completions, under PREFIX (default /usr/local), staged under DESTDIR.
#   scripts/install.sh [--uninstall]        PREFIX=/opt/lisa DESTDIR=/tmp/pkg scripts/install.sh
# Files: bin/lisa, share/man/man1/lisa*.1, share/bash-completion/completions/lisa,
#        share/zsh/site-functions/_lisa, share/fish/vendor_completions.d/lisa.fish
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
root="${DESTDIR:-}${prefix}"

targets() {
  echo "$root/bin/lisa"
  for page in man/*.1; do echo "$root/share/man/man1/$(basename "$page")"; done
  echo "$root/share/bash-completion/completions/lisa"
  echo "$root/share/zsh/site-functions/_lisa"
  echo "$root/share/fish/vendor_completions.d/lisa.fish"
}

if [ "${1:-}" = "--uninstall" ]; then
  targets | while read -r file; do
    if [ -e "$file" ]; then rm -f "$file" && echo "removed $file" >&2; fi
  done
  exit 0
fi

scripts/bootstrap.sh
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
if [ -n "$commit" ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit-modified"; fi
# The commit reaches `lisa --version` through the LisaProcess C target.
swift build -c release --product lisa --static-swift-stdlib -Xcc "-DLISA_GIT_COMMIT=\"$commit\"" >&2
bin="$(swift build -c release --show-bin-path)/lisa"

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
# Stripped: the symbols double the size (185 MB to 89 MB) and nothing at run time reads them.
install -s -m 0755 "$bin" "$root/bin/lisa"
install -m 0644 man/*.1 "$root/share/man/man1/"
install -m 0644 completions/lisa.bash "$root/share/bash-completion/completions/lisa"
install -m 0644 completions/_lisa "$root/share/zsh/site-functions/_lisa"
install -m 0644 completions/lisa.fish "$root/share/fish/vendor_completions.d/lisa.fish"
echo "installed $("$root/bin/lisa" --version) to $root" >&2
