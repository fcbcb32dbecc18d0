package org.formcoach.bridge.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;

/** Taps on the engine thread: what they see, what they may do, and the engine's own controls. */
class SampleTapTest {
    /** Runs {@code trace} through an engine with {@code tap}; returns the events. */
    private static CollectingListener run(List<Sample> trace, SampleTap tap, boolean alertsToDevices,
                                          EngineLoopTest.Keeping route) throws InterruptedException {
        DeviceRegistry registry = new DeviceRegistry(4);
        SampleQueue queue = new SampleQueue(1 << 14);
        CollectingListener events = new CollectingListener();
        EngineLoop engine = new EngineLoop(registry, queue, Exercise.PLANK, CoachSettings.defaults(), 100, 0.25,
                events, tap, alertsToDevices, true);
        Thread t = new Thread(engine);
        t.start();
        DeviceInfo d = registry.register("belt", "test", route);
        Ingest ingest = new Ingest(registry, queue, engine);
        for (int i = 0; i < trace.size(); i++) {
            ingest.sample(d, trace.get(i), i);
            if (i == 10) {
                ingest.sample(d, trace.get(i), i); // a duplicate: rejected before any tap
            }
        }
        engine.stop();
        t.join(10_000);
        engine.emitDeviceSummaries();
        return events;
    }

    @Test
    void shouldShowEveryAcceptedSampleToTheTapBeforeAndAfterTheCoach() throws Exception {
        List<Sample> trace = PlankTrace.sagging();
        List<Double> before = new ArrayList<>();
        long[] coachSamplesBefore = new long[trace.size()];
        long[] coachSamplesAfter = new long[trace.size()];
        SampleTap tap = new SampleTap() {
            @Override
            public void beforeCoach(CoachedDevice device, Sample sample) {
                coachSamplesBefore[before.size()] = device.coach().samples();
                before.add(sample.timeS);
            }

            @Override
            public void afterCoach(CoachedDevice device, Sample sample) {
                assertEquals("belt", device.id());
                coachSamplesAfter[before.size() - 1] = device.coach().samples();
            }
        };
        run(trace, tap, true, new EngineLoopTest.Keeping());
        assertEquals(trace.size(), before.size(), "each sample once; the duplicate never reached the tap");
        for (int i = 0; i < trace.size(); i++) {
            assertEquals(trace.get(i).timeS, before.get(i), 1e-9);
            assertEquals(i, coachSamplesBefore[i], "before: the coach has not seen sample " + i);
            assertEquals(i + 1, coachSamplesAfter[i], "after: it has");
        }
    }

    @Test
    void shouldLetATapSwitchTheExerciseAtAPlannedSample() throws Exception {
        SampleTap plan = new SampleTap() {
            @Override
            public void beforeCoach(CoachedDevice device, Sample sample) {
                if (sample.timeS >= 4 && device.coach().exercise() != Exercise.BIRD_DOG) {
                    device.coach().setExercise(Exercise.BIRD_DOG);
                }
            }
        };
        CollectingListener events = run(PlankTrace.sagging(), plan, true, new EngineLoopTest.Keeping());
        List<CoachEvent.ExerciseStarted> switches = events.coach(CoachEvent.ExerciseStarted.class, "belt");
        assertEquals(1, switches.size(), events::dump);
        assertEquals(4.0, switches.get(0).t(), 0.011, "the switch comes with the first sample at or after 4 s");
        assertTrue(events.coach(CoachEvent.Alert.class, "belt").isEmpty(), "no plank alerts once it is a bird-dog");
    }

    @Test
    void shouldKeepCoachingWhenATapFails() throws Exception {
        SampleTap broken = new SampleTap() {
            @Override
            public void afterCoach(CoachedDevice device, Sample sample) {
                throw new IllegalStateException("a bug in a view");
            }
        };
        CollectingListener events = run(PlankTrace.sagging(), broken, true, new EngineLoopTest.Keeping());
        assertFalse(events.coach(CoachEvent.Alert.class, "belt").isEmpty(), events::dump);
        assertEquals(1, events.entries().stream().filter(e -> e.note() != null && e.note().contains("tap failed"))
                .count(), "said once");
    }

    @Test
    void shouldKeepAlertsFromTheDeviceWhenAskedTo() throws Exception {
        EngineLoopTest.Keeping route = new EngineLoopTest.Keeping();
        CollectingListener events = run(PlankTrace.sagging(), SampleTap.NONE, false, route);
        assertFalse(events.coach(CoachEvent.Alert.class, "belt").isEmpty(), "the listener still hears the alert");
        assertTrue(route.messages.isEmpty(), "but nothing went to the device");
        assertEquals(0, events.bridge(BridgeEvent.DeviceSummary.class, "belt").get(0).alertsSent());
    }

    @Test
    void shouldRecalibrateEveryDeviceOnRequest() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(4);
        SampleQueue queue = new SampleQueue(1 << 14);
        CollectingListener events = new CollectingListener();
        EngineLoop engine = new EngineLoop(registry, queue, Exercise.PLANK, CoachSettings.defaults(), 100, 0.25, events);
        Thread t = new Thread(engine);
        t.start();
        DeviceInfo d = registry.register("belt", "test", AlertRoute.NONE);
        Ingest ingest = new Ingest(registry, queue, engine);
        List<Sample> trace = PlankTrace.sagging();
        int i = 0;
        for (; i < PlankTrace.indexAt(trace, 6); i++) {
            ingest.sample(d, trace.get(i), i);
        }
        assertNotNull(events.await(e -> e.coach() instanceof CoachEvent.Calibrated, Duration.ofSeconds(10)),
                events::dump);
        engine.recalibrate();
        CollectingListener.Entry warning = events.await(e -> e.coach() instanceof CoachEvent.Warning w
                && w.code().equals("recalibration_requested"), Duration.ofSeconds(10));
        engine.stop();
        t.join(10_000);
        assertNotNull(warning, events::dump);
    }
}
