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

    private LoopedTrace trace;
    private int count;
    private int index;
    private int lap;
    private Coach coach;
    private final Sample sample = new Sample();
    private long events;

    @Setup(Level.Trial)
    public void setUp() {
        Exercise ex = Exercise.parse(exercise);
        List<Sample> samples = ExerciseTraces.clean(ex);
        trace = LoopedTrace.of(samples);
        count = trace.count();
        CoachListener counting = event -> events++;
        coach = new Coach(ex, CoachSettings.defaults(), 100, counting);
    }

    /** One sample through the coach; the trace loops with its time carried on. */
    @Benchmark
    public int acceptOneSample() {
        int i = index;
        Sample s = sample;
        trace.fill(i, lap, s);
        coach.accept(s);
        if (++i == count) {
            i = 0;
            lap++;
        }
        index = i;
        return coach.reps();
    }
}
