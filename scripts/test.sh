#!/usr/bin/env bash
# The whole test suite: installs its prerequisites (Debian packages, .venv with moto), builds,
# runs every test, and checks that completions/ and man/ match a fresh generation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
# The real LiteLLM proxy that `lisa status` is tested against installs while Swift builds.
scripts/bootstrap.sh --litellm > .venv-litellm.log 2>&1 &
litellm_install=$!
trap 'kill "$litellm_install" 2>/dev/null || true' EXIT
# Style: the repository's .swift-format, checked (never rewritten) before anything is built.
swift format lint --strict --recursive Sources Tests Package.swift
swift build --build-tests
if ! wait "$litellm_install"; then
  cat .venv-litellm.log >&2
  echo "could not install the LiteLLM proxy the status tests need (scripts/bootstrap.sh --litellm)" >&2
  exit 1
fi
export LISA_TEST_LITELLM="$PWD/.venv-litellm/bin/litellm"
set +e
swift test --skip-build 2>&1 | tee .test-output.log | grep --line-buffered -E "✘|error:|Test run|Executed [0-9]+ tests"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "tests failed; full log in .test-output.log" >&2
  exit "$status"
fi
scripts/generate-docs.sh --check
