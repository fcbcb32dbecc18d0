package org.formcoach.bridge.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/** The engine thread alone, fed through the queue: routing, isolation of bad devices, gaps. */
class EngineLoopTest {
    /** A route that keeps what it is offered. */
    static final class Keeping implements AlertRoute {
        final List<AlertMessage> messages = new ArrayList<>();

        @Override
        public synchronized boolean offer(AlertMessage m) {
            messages.add(m);
            return true;
        }

        @Override
        public long delivered() {
            return messages.size();
        }

        @Override
        public long dropped() {
            return 0;
        }
    }

    @Test
    void shouldRouteEachDevicesAlertsToItsOwnRouteAndNotLetABadDeviceDisturbAGoodOne() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(8);
        SampleQueue queue = new SampleQueue(1 << 14);
        CollectingListener events = new CollectingListener();
        EngineLoop engine = new EngineLoop(registry, queue, Exercise.PLANK, CoachSettings.defaults(), 100, 0.25, events);
        Thread t = new Thread(engine);
        t.start();
        Keeping goodRoute = new Keeping();
        Keeping badRoute = new Keeping();
        DeviceInfo good = registry.register("good", "test", goodRoute);
        DeviceInfo bad = registry.register("bad", "test", badRoute);
        Ingest ingest = new Ingest(registry, queue, engine);
        List<Sample> trace = PlankTrace.sagging();
        Sample junk = new Sample();
        for (int i = 0; i < trace.size(); i++) {
            ingest.sample(good, trace.get(i), i);
            junk.copyFrom(trace.get(i));
            if (i % 3 == 0) {
                junk.timeS -= 1; // backwards
            }
            if (i % 7 == 0) {
                junk.timeS = trace.get(Math.max(0, i - 1)).timeS; // repeated
            }
            ingest.sample(bad, junk, -1);
            while (queue.size() > queue.capacity() / 2) {
                Thread.sleep(1);
            }
        }
        engine.stop();
        t.join(10_000);
        engine.emitDeviceSummaries();
        assertTrue(goodRoute.messages.stream().anyMatch(m -> m.isAlert() && m.fault() == Fault.HIP_SAG),
                events::dump);
        assertTrue(goodRoute.messages.stream().allMatch(m -> m.deviceId().equals("good")));
        assertTrue(badRoute.messages.stream().allMatch(m -> m.deviceId().equals("bad")));
        BridgeEvent.DeviceSummary g = events.bridge(BridgeEvent.DeviceSummary.class, "good").get(0);
        BridgeEvent.DeviceSummary b = events.bridge(BridgeEvent.DeviceSummary.class, "bad").get(0);
        assertEquals(0, g.backwards() + g.duplicates());
        assertTrue(b.backwards() > 0 && b.duplicates() > 0, b.toString());
        assertEquals(goodRoute.messages.size(), g.alertsSent());
    }

    @Test
    void shouldReportAGapInTheDevicesOwnClock() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(2);
        SampleQueue queue = new SampleQueue(1 << 14);
        CollectingListener events = new CollectingListener();
        EngineLoop engine = new EngineLoop(registry, queue, Exercise.PLANK, CoachSettings.defaults(), 100, 0.25, events);
        Thread t = new Thread(engine);
        t.start();
        DeviceInfo d = registry.register("gappy", "test", AlertRoute.NONE);
        Ingest ingest = new Ingest(registry, queue, engine);
        List<Sample> trace = PlankTrace.sagging().subList(0, 400);
        for (int i = 0; i < trace.size(); i++) {
            if (i < 100 || i >= 150) {
                ingest.sample(d, trace.get(i), i);
            }
        }
        BridgeEvent.Gap gap = events.awaitBridge(BridgeEvent.Gap.class, "gappy", Duration.ofSeconds(10));
        engine.stop();
        t.join(10_000);
        assertEquals(0.51, gap.seconds(), 1e-9);
        assertEquals(50, gap.missing());
    }
}
