package org.formcoach.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.bridge.live.DeviceRegistry;
import org.formcoach.bridge.session.SampleChecks;
import org.formcoach.cli.testing.Traces;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/** The engine thread's side of the live view: every sample, no allocation, no torn reads. */
class DeviceSnapshotTest {
    private static CoachedDevice device(Coach coach) {
        return new CoachedDevice(new DeviceRegistry(2).register("belt", "test", AlertRoute.NONE), coach,
                new SampleChecks(100));
    }

    @Test
    void shouldCopyTheCoachsStateAfterEachSample() {
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), 100, CoachListener.NONE);
        CoachedDevice d = device(coach);
        LiveBoard board = new LiveBoard();
        LiveStatus status = new LiveStatus();
        List<Sample> trace = Traces.saggingPlank();
        boolean sawSag = false;
        for (Sample s : trace) {
            coach.accept(s);
            board.afterCoach(d, s);
            if (s.timeS > 16 && s.timeS < 19) {
                assertTrue(board.read(0, status));
                sawSag |= status.ruleFault(status.primaryRule()) == Fault.HIP_SAG && status.ruleLevel(status.primaryRule()) > 0;
            }
        }
        assertTrue(board.read(0, status));
        assertEquals("belt", status.device());
        assertEquals(trace.size(), status.updates());
        assertEquals(trace.get(trace.size() - 1).timeS, status.t(), 1e-9);
        assertEquals(Exercise.PLANK, status.exercise());
        assertTrue(status.calibrated());
        assertEquals(2, status.ruleCount(), "hip sag and hip pike");
        assertEquals(3.5, status.ruleWarn(0), 1e-9);
        assertTrue(sawSag, "the sag showed as the rule to look at, alerting");
        assertFalse(board.read(1, status), "no second device");
    }

    @Test
    void shouldNotAllocateOnTheEngineThreadPerSample() {
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), 100, CoachListener.NONE);
        CoachedDevice d = device(coach);
        LiveBoard board = new LiveBoard();
        List<Sample> trace = Traces.saggingPlank();
        for (Sample s : trace.subList(0, 1000)) { // calibrated, the snapshot made, the code warmed up
            coach.accept(s);
            board.afterCoach(d, s);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        List<Sample> rest = trace.subList(1000, trace.size());
        for (int round = 0; round < 3; round++) { // the JIT may still allocate in the first rounds
            long before = mx.getThreadAllocatedBytes(tid);
            for (Sample s : rest) {
                board.afterCoach(d, s);
            }
            long perSample = (mx.getThreadAllocatedBytes(tid) - before) / rest.size();
            if (perSample == 0) {
                return;
            }
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (Sample s : rest) {
            board.afterCoach(d, s);
        }
        assertEquals(0, (mx.getThreadAllocatedBytes(tid) - before) / rest.size(), "bytes per sample");
    }

    @Test
    void shouldNeverShowAHalfWrittenUpdate() throws Exception {
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), 100, CoachListener.NONE);
        CoachedDevice d = device(coach);
        LiveBoard board = new LiveBoard();
        List<Sample> trace = Traces.saggingPlank();
        for (Sample s : trace) {
            coach.accept(s);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            LiveStatus s = new LiveStatus();
            while (!done.get()) {
                if (board.read(0, s) && s.updates() > 0) {
                    // The writer sets t = 1000 + updates with every update: both from one update, or torn.
                    if (s.t() != 1000 + s.updates()) {
                        torn.set("t " + s.t() + " with update " + s.updates());
                    }
                }
            }
        });
        reader.start();
        Sample s = new Sample();
        s.copyFrom(trace.get(trace.size() - 1));
        for (int i = 1; i <= 2_000_000; i++) {
            s.timeS = 1000 + i;
            board.afterCoach(d, s);
        }
        done.set(true);
        reader.join();
        assertEquals(null, torn.get());
    }
}
