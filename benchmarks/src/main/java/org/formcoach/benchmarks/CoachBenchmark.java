package org.formcoach.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole per-sample coaching path — orientation, calibration, posture, the exercise's
 * detector and the alert policy — for each exercise, one sensor, on a looping trace of
 * clean reps (so the path runs through every phase but emits no alerts: events allocate
 * by design, samples must not).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CoachBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoachBenchmark {
    @Param({"hinge", "squat", "plank", "bird-dog"})
    public String exercise;

    private double[] packed;
    private int count;
    private double duration;
    private int index;
    private int lap;
    private Coach coach;
    private final Sample sample = new Sample();
    private long events;

    @Setup(Level.Trial)
    public void setUp() {
        Exercise ex = Exercise.parse(exercise);
        List<Sample> samples = ExerciseTraces.clean(ex);
        count = samples.size();
        duration = samples.get(count - 1).timeS + 0.01;
        packed = new double[count * 7];
        for (int i = 0; i < count; i++) {
            Sample s = samples.get(i);
            int o = i * 7;
            packed[o] = s.timeS;
            packed[o + 1] = s.ax;
            packed[o + 2] = s.ay;
            packed[o + 3] = s.az;
            packed[o + 4] = s.gx;
            packed[o + 5] = s.gy;
            packed[o + 6] = s.gz;
        }
        CoachListener counting = event -> events++;
        coach = new Coach(ex, CoachSettings.defaults(), 100, counting);
    }

    /** One sample through the coach; the trace loops with its time carried on. */
    @Benchmark
    public int acceptOneSample() {
        int i = index;
        int o = i * 7;
        double[] p = packed;
        Sample s = sample;
        s.timeS = p[o] + lap * duration;
        s.sensor = 0;
        s.ax = p[o + 1];
        s.ay = p[o + 2];
        s.az = p[o + 3];
        s.gx = p[o + 4];
        s.gy = p[o + 5];
        s.gz = p[o + 6];
        s.hasMag = false;
        coach.accept(s);
        if (++i == count) {
            i = 0;
            lap++;
        }
        index = i;
        return coach.reps();
    }
}
