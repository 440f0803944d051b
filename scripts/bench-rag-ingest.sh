#!/usr/bin/env bash
# Benchmark of `lisa rag ingest`: files of 100 KB uploaded through the fake /repository API's presigned POSTs
# into moto_server's S3 on loopback; prints wall time, files/s and peak RSS for each count.
#   scripts/bench-rag-ingest.sh [COUNT ...]     default: 1000
#   LISA_BENCH_BINARY=.build/debug/lisa scripts/bench-rag-ingest.sh 250 1000    (skip the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
. scripts/bench/lisa-binary.sh
if [ $# -eq 0 ]; then set -- 1000; fi
.venv/bin/python scripts/bench/rag_ingest_bench.py "$bin" "$@"
