#!/usr/bin/env bash
# End-to-end latency, device → broker/pty → engine → alert → device, against an echo
# baseline measured in the same run (org.formcoach.benchmarks.e2e.EndToEndLatency).
# Needs mosquitto and socat; build first: mvn -q -B package -DskipTests
#
#   benchmarks/run-e2e.sh              # every case once (about 13 minutes)
#   REPEAT=2 benchmarks/run-e2e.sh     # every case twice
#   QUICK=1 benchmarks/run-e2e.sh      # 10 s measured per case instead of 20-40
#
# Prints each case's rows as it goes, then one table of all of them and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "missing $jar: mvn -q -B package -DskipTests" >&2; exit 1; }
repeat=${REPEAT:-1}
short=20; long=40; overload=10
if [ -n "${QUICK:-}" ]; then short=10; long=10; overload=5; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT

run() {
  echo "== $* (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -Xmx2g -cp "$jar" org.formcoach.benchmarks.e2e.EndToEndLatency "$@" | tee -a "$out" >&2
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)," \
  "$( ("$(command -v mosquitto || echo /usr/sbin/mosquitto)" -h 2>&1 || true) | head -1), $(date -u +%Y-%m-%d)"
for i in $(seq "$repeat"); do
  run --transport mqtt --devices 1 --duration "$long"
  # The goal's case: three rounds of echo and engine taking turns, pooled (see --rounds).
  run --transport mqtt --devices 100 --duration "$short" --rounds 3
  # 1000 devices: one message per sample is 100,000 messages/s through Paho on 2 cores; then
  # the same devices sending batches of 10 samples (10,000 messages/s, as recommended).
  run --transport mqtt --devices 1000 --duration "$overload" --warmup 10
  run --transport mqtt --devices 1000 --batch 10 --duration "$short"
  run --transport serial --duration "$long"
done

echo
echo "| transport | devices × Hz | connections | batch | mode | answered / expected (lost) | p50 ms | p99 ms | p99.9 ms | max ms | cores: engine or echo / devices / broker |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
grep '^| [ms]' "$out" | grep -v '^| transport' || true
echo
grep '^RATIO' "$out" | sed 's/^RATIO //' || true
