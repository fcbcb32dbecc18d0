#!/usr/bin/env bash
# CI smoke check: the per-sample paths must not allocate. Runs the JMH benchmarks of the
# whole per-sample path (decode → coach, every exercise, binary and text), of the
# decoders (binary, text, JSON), the queue hand-off and the engine coaching a sample on the transport's
# thread, and of the live view's tap, short
# (-f 1 -wi 1 -w 1s -i 2 -r 1s) with -prof gc, then
# fails when any allocates more than 1 B per sample (gc.alloc.rate.norm; the rare events
# of a clean set account for well under 0.5 B/op, one object per sample would be >= 16).
# About a minute. Needs benchmarks/target/benchmarks.jar (mvn package or verify).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
json=benchmarks/target/alloc-smoke.json
log=benchmarks/target/alloc-smoke.log
if ! java -jar "$jar" 'SamplePathBenchmark|WireDecodeBenchmark\.(binaryFrames|textLines|jsonOneSample|jsonBatch|queueHandOff)|EngineIngestBenchmark\.ingestInline|LiveViewBenchmark' \
    -f 1 -wi 1 -w 1s -i 2 -r 1s -prof gc -rf json -rff "$json" >"$log" 2>&1; then
  tail -50 "$log"
  echo "alloc-smoke: the benchmarks failed (log: $log)" >&2
  exit 1
fi
java -cp "$jar" org.formcoach.benchmarks.AllocationCheck "$json" --max-bytes 1
