#!/usr/bin/env bash
# Benchmark of `lisa keys migrate` against a plain boto3 script (scripts/bench/boto3_migrate.py), both
# against the same moto_server source table, directly and through scripts/bench/latency_proxy.py:
# wall time, own CPU, moto's CPU and peak RSS, lisa in KMS and in passphrase mode, each also with --exclusive
# (modes kms-exclusive, passphrase-exclusive).
#   scripts/bench-keys-migrate.sh [COUNT ...] [--rtt-ms 0,30,100] [--modes kms,passphrase,kms-exclusive,...]   counts first; default 10000 100000
#   LISA_BENCH_BINARY=path/to/lisa skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
. scripts/bench/lisa-binary.sh
.venv/bin/python scripts/bench/keys_migrate_bench.py "$bin" "$@"
