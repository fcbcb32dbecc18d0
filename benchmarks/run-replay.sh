#!/usr/bin/env bash
# Replay wall time: a 10-minute, 100 Hz hinge trace (110 reps, synthetic, with faults)
# through `formcoach replay`, JVM start included. Uses hyperfine when it is installed
# (10 runs after 2 warm-ups), /usr/bin/time otherwise (5 runs).
#
#   benchmarks/run-replay.sh            # after: mvn -q -B package -DskipTests
#
# Prints the trace's length and the wall time; the goal is under 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
trace=${TRACE:-/tmp/formcoach-replay-10min.csv.gz}
./formcoach simulate --exercise hinge --reps 110 --seed 5 -o "$trace" >/dev/null
rows=$(gzip -dc "$trace" | grep -vc '^#' || true)
last=$(gzip -dc "$trace" | tail -1 | cut -d, -f1)
echo "trace: $trace, $((rows - 1)) samples, last at ${last} s (device time)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
cmd="./formcoach replay $trace --exercise hinge"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs 10 --output=null "$cmd"
else
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" $cmd >/dev/null
  done
fi
