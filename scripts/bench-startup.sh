#!/usr/bin/env bash
# Median start-up time of a release build: `lisa --help` and `lisa --version`, 50 runs each after
# warm-up, timed from Python (hyperfine is not installed here). Target: --help under 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build -c release --product lisa --static-swift-stdlib >&2
bin="$(swift build -c release --show-bin-path)/lisa"
python3 - "$bin" <<'PY'
import statistics, subprocess, sys, time
binary = sys.argv[1]
for args in (["--help"], ["--version"], ["config", "--help"]):
    for _ in range(5):
        subprocess.run([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        subprocess.run([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    print(f"lisa {' '.join(args):<16} median {statistics.median(times):6.1f} ms   min {min(times):6.1f} ms   max {max(times):6.1f} ms")
PY
