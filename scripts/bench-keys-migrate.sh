#!/usr/bin/env bash
# Benchmark of `lisa keys migrate` against a plain boto3 script (scripts/bench/boto3_migrate.py):
# wall time and peak RSS at 10,000 and 100,000 tokens through moto_server on loopback.
#   scripts/bench-keys-migrate.sh [COUNT ...]     default: 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
swift build -c release --product lisa --static-swift-stdlib >&2
bin="$(swift build -c release --show-bin-path)/lisa"
if [ $# -eq 0 ]; then set -- 10000 100000; fi
.venv/bin/python scripts/bench/keys_migrate_bench.py "$bin" "$@"
