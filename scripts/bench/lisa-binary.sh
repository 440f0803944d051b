# Sourced by the bench-*.sh scripts: sets $bin to the lisa binary to measure, the static release build
# unless LISA_BENCH_BINARY names one.
if [ -n "${LISA_BENCH_BINARY:-}" ]; then
  bin="$LISA_BENCH_BINARY"
else
  swift build -c release --product lisa --static-swift-stdlib >&2
  bin="$(swift build -c release --show-bin-path)/lisa"
fi
