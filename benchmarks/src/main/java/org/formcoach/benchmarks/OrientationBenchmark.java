package org.formcoach.benchmarks;

import java.util.concurrent.TimeUnit;

import org.formcoach.engine.orientation.OrientationFilter;
import org.formcoach.engine.orientation.OrientationSettings;
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
 * One orientation filter update, with and without magnetometer, on the Fusion example
 * recording's readings (cycled), with the advanced settings (rejection on). The C
 * reference on this kind of machine: 46 ns without magnetometer, 69 ns with.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OrientationBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrientationBenchmark {
    private float[] readings;
    private int count;
    private int index;
    private OrientationFilter withMag;
    private OrientationFilter withoutMag;

    @Setup
    public void setUp() {
        readings = FusionRecording.load();
        count = readings.length / FusionRecording.STRIDE;
        withMag = new OrientationFilter(new OrientationSettings(0.5, 2000, 10, 10, 5, 100, true));
        withoutMag = new OrientationFilter(new OrientationSettings(0.5, 2000, 10, 10, 5, 100, false));
    }

    private int next() {
        int i = index;
        index = i + 1 == count ? 0 : i + 1;
        return i * FusionRecording.STRIDE;
    }

    @Benchmark
    public float updateWithoutMagnetometer() {
        int o = next();
        float[] r = readings;
        withoutMag.update(r[o], r[o + 1], r[o + 2], r[o + 3], r[o + 4], r[o + 5], 0f, 0f, 0f, 0.01f);
        return withoutMag.qw();
    }

    @Benchmark
    public float updateWithMagnetometer() {
        int o = next();
        float[] r = readings;
        withMag.update(r[o], r[o + 1], r[o + 2], r[o + 3], r[o + 4], r[o + 5], r[o + 6], r[o + 7], r[o + 8], 0.01f);
        return withMag.qw();
    }
}
