#!/usr/bin/env bash
# Benchmark of `lisa backup create|verify|restore` of the token section against moto_server: wall time,
# own CPU, moto's CPU, peak RSS (flat from 10,000 to 100,000 tokens) and the file's size.
#   scripts/bench-backup.sh [COUNT ...]      default 10000 100000
#   LISA_BENCH_BINARY=path/to/lisa skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
. scripts/bench/lisa-binary.sh
.venv/bin/python scripts/bench/backup_bench.py "$bin" "$@"
