package org.formcoach.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.sensor.SensorErrorModel;
import org.formcoach.simulator.sensor.SensorPreset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link SensorErrorModel#apply} per output sample: the simulator runs it for
 * every sample of every sensor, so it bounds how fast traces can be synthesised.
 * {@code java -jar benchmarks/target/benchmarks.jar SensorErrorModelBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SensorErrorModelBenchmark {
    @Param({"IDEAL", "MPU6050", "ICM20948", "BMI270", "BNO055", "LSM6DSO"})
    public SensorPreset preset;

    private SensorErrorModel model;
    private final Sample sample = new Sample();
    private double t;

    @Setup
    public void setUp() {
        model = new SensorErrorModel(preset, 100, new SplittableRandom(1));
    }

    @Benchmark
    public double apply() {
        t += 0.01;
        sample.set(t, Placement.SACRUM, 0.1, -0.2, 0.97, 12.0, -3.0, 0.5).setMag(20, -5, -40);
        model.apply(sample);
        return sample.gx + sample.az + sample.mx;
    }
}
