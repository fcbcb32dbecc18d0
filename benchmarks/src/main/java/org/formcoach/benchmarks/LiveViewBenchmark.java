package org.formcoach.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.bridge.live.DeviceRegistry;
import org.formcoach.bridge.session.SampleChecks;
import org.formcoach.cli.live.LiveBoard;
import org.formcoach.cli.live.LiveStatus;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.Scenario;
import org.formcoach.simulator.TraceGenerator;
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
 * What the live view and the dashboard cost: {@code afterCoach} is the engine thread's
 * per-sample work for them (copying a calibrated plank coach's state — posture, phase,
 * reps, hold, every fault rule — into the device's snapshot under its sequence lock);
 * {@code read} is a view's copy of it (10 times a second in the terminal, 25 on the
 * dashboard). Neither may allocate.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LiveViewBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveViewBenchmark {
    private final LiveBoard board = new LiveBoard();
    private final LiveStatus status = new LiveStatus();
    private CoachedDevice device;
    private Sample sample;

    @Setup
    public void setUp() {
        List<Sample> plank = TraceGenerator.generate(Scenario.builder().exercise("plank").hold(30)
                .faults("none").seed(3).build()).samples();
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), 100, CoachListener.NONE);
        int holding = 0;
        for (int i = 0; i < plank.size() && holding == 0; i++) {
            coach.accept(plank.get(i));
            if (coach.phase().equals("hold")) {
                holding = i;
            }
        }
        if (holding == 0) {
            throw new IllegalStateException("the plank never settled into a hold");
        }
        device = new CoachedDevice(new DeviceRegistry(1).register("bench", "bench", AlertRoute.NONE), coach,
                new SampleChecks(100));
        sample = plank.get(holding);
        board.afterCoach(device, sample);
    }

    @Benchmark
    public void afterCoach() {
        board.afterCoach(device, sample);
    }

    @Benchmark
    public boolean read() {
        return board.read(0, status);
    }
}
