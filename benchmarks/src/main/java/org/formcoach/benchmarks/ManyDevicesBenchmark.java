package org.formcoach.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
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
 * Many wearers on one engine thread: samples of N sensors at 100 Hz interleaved, as the
 * bridge's engine loop sees them — one at a time, or in runs of a device's batch — each to
 * its own {@link Coach}. The score is the time per
 * sample on one core (its inverse is the samples per second one core sustains); the
 * state of 10,000 coaches no longer fits in the caches, which is what this measures.
 * Every coach is calibrated and somewhere in the set before measuring (the set-up plays
 * each from the start of the trace to its own point). Memory per device is printed once at
 * set-up (heap growth for N coaches after GC).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ManyDevicesBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ManyDevicesBenchmark {
    @Param({"1", "100", "10000"})
    public int devices;

    /**
     * Consecutive samples of one device before the next device's turn: 1 when every sample
     * travels alone; 10 when devices send batches (an MQTT message of 10 samples, docs/protocols.md
     * §3.2), which the bridge decodes and queues together, as a serial read of several lines does.
     */
    @Param({"1", "10"})
    public int run;

    /** Stand still 3 s, then the first hinge: calibrated by 6 s of the trace. */
    private static final int CALIBRATION_SAMPLES = 600;

    private LoopedTrace trace;
    private int count;
    private Coach[] coaches;
    /** Each device plays the same trace from its own starting offset, so the phases differ. */
    private int[] cursor;
    private int[] lap;
    private int next;
    private int inRun;
    private final Sample sample = new Sample();

    @Setup(Level.Trial)
    public void setUp() {
        BodyMotion motion = BodyMotion.at(100).mounting(BodyMotion.randomMounting(3)).noise(0.1, 0.002, 1).stand(3);
        for (int i = 0; i < 10; i++) {
            motion.move(2.2, 65, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
        }
        List<Sample> samples = motion.samples(Placement.SACRUM);
        trace = LoopedTrace.of(samples);
        count = trace.count();
        System.gc();
        long before = usedHeap();
        coaches = new Coach[devices];
        cursor = new int[devices];
        lap = new int[devices];
        CoachListener ignore = CoachListener.NONE;
        // One settings table for all, as the bridge's engine loop has (a copy per coach would
        // count ~6 KB of map entries per device that a live session does not have).
        CoachSettings settings = CoachSettings.defaults();
        for (int d = 0; d < devices; d++) {
            coaches[d] = new Coach(Exercise.HINGE, settings, 100, ignore);
        }
        // Play each coach from the start of the trace (stand still, first hinge: calibration)
        // to its own point in the set, so that all are calibrated and coaching, each in a
        // different phase, as in a live session's steady state.
        int calibrated = 0;
        for (int d = 0; d < devices; d++) {
            int upTo = CALIBRATION_SAMPLES + (int) ((long) d * 7919 % (count - CALIBRATION_SAMPLES));
            for (int i = 0; i < upTo; i++) {
                feed(d);
            }
            if (coaches[d].isCalibrated()) {
                calibrated++;
            }
        }
        if (calibrated != devices) {
            throw new IllegalStateException(calibrated + " of " + devices + " coaches calibrated");
        }
        System.gc();
        long after = usedHeap();
        System.out.printf("%n%d coaches: %.1f KB per device%n", devices, (after - before) / 1024.0 / devices);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private void feed(int d) {
        int i = cursor[d];
        Sample s = sample;
        trace.fill(i, lap[d], s);
        coaches[d].accept(s);
        if (++i == count) {
            i = 0;
            lap[d]++;
        }
        cursor[d] = i;
    }

    /** One sample, to the device whose turn it is; the turn passes on after {@link #run} samples. */
    @Benchmark
    public int oneSampleRoundRobin() {
        int d = next;
        feed(d);
        if (++inRun == run) {
            inRun = 0;
            next = d + 1 == devices ? 0 : d + 1;
        }
        return d;
    }
}
