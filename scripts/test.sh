#!/usr/bin/env bash
# The whole test suite: installs its prerequisites (Debian packages, .venv with moto), builds,
# runs every test, and checks that completions/ and man/ match a fresh generation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
# Style: the repository's .swift-format, checked (never rewritten) before anything is built.
swift format lint --strict --recursive Sources Tests Package.swift
swift build --build-tests
set +e
swift test --skip-build 2>&1 | tee .test-output.log | grep --line-buffered -E "✘|error:|Test run|Executed [0-9]+ tests"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "tests failed; full log in .test-output.log" >&2
  exit "$status"
fi
scripts/generate-docs.sh --check
