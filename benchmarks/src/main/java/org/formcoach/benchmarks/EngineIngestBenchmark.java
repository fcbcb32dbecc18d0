package org.formcoach.benchmarks;

import java.util.concurrent.TimeUnit;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.DeviceRegistry;
import org.formcoach.bridge.live.EngineLoop;
import org.formcoach.bridge.live.Ingest;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.SampleQueue;
import org.formcoach.bridge.live.SampleTap;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a live session's engine adds to the coach for each sample a transport hands it while
 * the engine is idle (the usual case: each sample is coached on the transport's thread):
 * the engine lock tried and released, the queue found empty, the device's clock checks and
 * the taps, then {@code Coach.accept}. {@code coachAlone} is the same samples straight into
 * a {@link Coach}, in the same run, for the difference. One operation = one sample.
 *
 * <p>The engine's own thread is not started: it would take the lock now and then, and the
 * samples offered meanwhile would queue (as they should) and keep queueing while this
 * thread offers them flat out, far faster than any device sends them. That path is the
 * queue hand-off, measured in {@code WireDecodeBenchmark.queueHandOff}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineIngestBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineIngestBenchmark {
    @Param({"hinge", "plank"})
    public String exercise;

    private static final LiveListener QUIET = new LiveListener() {
        @Override
        public void coachEvent(String device, CoachEvent event) {
        }

        @Override
        public void bridgeEvent(BridgeEvent event) {
        }
    };

    private LoopedTrace trace;
    private final Sample sample = new Sample();
    private int index;
    private int lap;
    private long sequence;
    private EngineLoop engine;
    private Ingest ingest;
    private DeviceInfo device;
    private Coach coach;

    @Setup(Level.Trial)
    public void setUp() {
        Exercise ex = Exercise.parse(exercise);
        trace = LoopedTrace.of(ExerciseTraces.clean(ex));
        DeviceRegistry registry = new DeviceRegistry(16);
        SampleQueue queue = new SampleQueue(1 << 16);
        engine = new EngineLoop(registry, queue, ex, CoachSettings.defaults(), 100, 0.25, QUIET, SampleTap.NONE,
                false, true);
        ingest = new Ingest(registry, queue, engine);
        device = registry.register("bench-1", "benchmark", AlertRoute.NONE);
        coach = new Coach(ex, CoachSettings.defaults(), 100, event -> { });
    }

    private Sample next() {
        Sample s = sample;
        trace.fill(index, lap, s);
        if (++index == trace.count()) {
            index = 0;
            lap++;
        }
        return s;
    }

    /** A transport's call for one sample, with the engine idle: coached on this thread. */
    @Benchmark
    public void ingestInline() {
        ingest.sample(device, next(), sequence++);
    }

    /** The coach alone, for the difference. */
    @Benchmark
    public int coachAlone() {
        coach.accept(next());
        return coach.reps();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (engine.coachedInline() != sequence) {
            throw new IllegalStateException(engine.coachedInline() + " of " + sequence + " samples coached inline");
        }
    }
}
