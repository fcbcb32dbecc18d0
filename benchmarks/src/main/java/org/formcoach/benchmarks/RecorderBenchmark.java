package org.formcoach.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.formcoach.cli.record.RecordingInfo;
import org.formcoach.cli.record.SessionRecorder;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording costs the engine thread: one {@link SessionRecorder#recordSample} call,
 * with the real writer thread compressing to a {@code .csv.gz} file on the other core.
 * Offered far faster than any sensor sends, the ring is mostly full, so this is the cost
 * of the call whether the sample is taken or dropped; it must not block or allocate.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RecorderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecorderBenchmark {
    private Path dir;
    private SessionRecorder recorder;
    private final Sample sample = new Sample();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("formcoach-recorder-bench");
        recorder = SessionRecorder.start(dir.resolve("bench.csv.gz"), RecordingInfo.of(Exercise.HINGE, "bench", 100),
                failure -> System.err.println(failure.getMessage()));
        sample.set(0, Placement.SACRUM, 0.01, -0.02, 0.99, 0.5, -0.25, 1.125);
    }

    @Benchmark
    public void recordSample() {
        sample.timeS += 0.01;
        recorder.recordSample(sample);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        recorder.close();
        System.out.printf("%n  written %d samples, dropped %d (the ring was full)%n", recorder.samplesWritten(),
                recorder.droppedSamples());
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
