#!/usr/bin/env bash
# Start-up time of a release build against a static Foundation "hello" built the same way (-O, static Swift
# stdlib), measured in one run so machine load hits both alike. Target (issue 10): `lisa --help` within 3× of
# hello. Uses hyperfine when installed (apt-get install hyperfine), else a Python loop of 50 runs each.
# LISA_BENCH_BINARY=path/to/lisa skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
. scripts/bench/lisa-binary.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'import Foundation\nprint("hello \\(ProcessInfo.processInfo.processIdentifier)")\n' > "$work/hello.swift"
swiftc -O -static-stdlib "$work/hello.swift" -o "$work/hello" >&2
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 50 "$work/hello" "$bin --help" "$bin --version" "$bin config --help"
  exit 0
fi
python3 - "$work/hello" "$bin" <<'PY'
import statistics, subprocess, sys, time
hello, binary = sys.argv[1], sys.argv[2]
for command in ([hello], [binary, "--help"], [binary, "--version"], [binary, "config", "--help"]):
    for _ in range(5):
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    name = " ".join(["lisa"] + command[1:] if command[0] == binary else ["hello"])
    print(f"{name:<18} median {statistics.median(times):6.1f} ms   min {min(times):6.1f} ms   max {max(times):6.1f} ms")
PY
