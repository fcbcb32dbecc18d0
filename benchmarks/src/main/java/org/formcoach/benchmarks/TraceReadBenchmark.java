package org.formcoach.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.formcoach.engine.trace.TraceWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a 10-minute, 100 Hz, one-sensor trace (60,000 rows) from memory: what the
 * reader costs in a replay, with the file system out of the picture.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TraceReadBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceReadBenchmark {
    static final int ROWS = 60_000;

    private byte[] trace;
    private final Sample sample = new Sample();

    @Setup
    public void setUp() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringWriter text = new StringWriter(ROWS * 64);
        try (TraceWriter w = TraceWriter.to(text, TraceWriter.options().rateHz(100).placement("sacrum"))) {
            Sample s = new Sample();
            for (int i = 0; i < ROWS; i++) {
                s.set(i * 0.01, Placement.SACRUM, 0.05 * r.nextGaussian(), 0.05 * r.nextGaussian(),
                        1 + 0.05 * r.nextGaussian(), 20 * r.nextGaussian(), 20 * r.nextGaussian(),
                        20 * r.nextGaussian());
                w.write(s);
            }
        }
        trace = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One whole trace; the score is milliseconds per 10-minute trace. */
    @Benchmark
    public long readTenMinuteTrace() throws IOException {
        long n = 0;
        try (TraceReader reader = TraceReader.open(new ByteArrayInputStream(trace), "bench")) {
            while (reader.next(sample)) {
                n++;
            }
        }
        return n;
    }
}
