package org.formcoach.bridge.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.formcoach.bridge.testing.CollectingListener;
import org.formcoach.bridge.testing.PlankTrace;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;

/**
 * Who runs the engine: a transport thread coaches its own sample when the engine is idle,
 * and queues it behind the others when the engine is busy, never waiting and never out of
 * order.
 */
class EngineInlineTest {
    /** Records, for every sample a coach is given, its device time and the thread that ran it. */
    static final class Witness implements SampleTap {
        final List<Double> times = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public void beforeCoach(CoachedDevice device, Sample sample) {
            // Only the engine's lock holder calls this; the lists are read after the engine ends.
            times.add(sample.timeS);
            threads.add(Thread.currentThread());
        }
    }

    private final DeviceRegistry registry = new DeviceRegistry(4);
    private final CollectingListener events = new CollectingListener();
    private final Witness witness = new Witness();
    private final List<Sample> trace = PlankTrace.sagging();
    private SampleQueue queue;
    private EngineLoop engine;
    private Thread engineThread;
    private Ingest ingest;
    private DeviceInfo device;

    private void start(int queueCapacity, boolean coachInline) {
        create(queueCapacity, coachInline);
        engineThread.start();
    }

    /** The engine and its thread, not started yet. */
    private void create(int queueCapacity, boolean coachInline) {
        queue = new SampleQueue(queueCapacity);
        engine = new EngineLoop(registry, queue, Exercise.PLANK, CoachSettings.defaults(), 100, 0.25, events, witness,
                true, coachInline);
        engineThread = new Thread(engine, "test-engine");
        device = registry.register("belt", "test", AlertRoute.NONE);
        ingest = new Ingest(registry, queue, engine);
    }

    /** Keeps the engine thread busy (holding the engine) until the returned latch is opened. */
    private CountDownLatch holdTheEngine() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.submit(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the engine thread never ran the control action");
        return release;
    }

    private void feed(int from, int to) {
        for (int i = from; i < to; i++) {
            ingest.sample(device, trace.get(i), i);
        }
    }

    /** Like a device at its own pace: each sample finds the engine's queue empty. */
    private void feedWhenIdle(int from, int to) {
        for (int i = from; i < to; i++) {
            while (queue.size() > 0) {
                Thread.onSpinWait();
            }
            ingest.sample(device, trace.get(i), i);
        }
    }

    private void stopEngine() throws InterruptedException {
        engine.stop();
        engineThread.join(10_000);
        assertTrue(engine.isFinished(), "the engine loop did not end");
    }

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        if (engine != null && engineThread.isAlive()) {
            engine.stop();
            engineThread.join(10_000);
        }
    }

    @Test
    void shouldCoachOnTheTransportsThreadWhenTheEngineIsIdle() throws Exception {
        start(1 << 10, true);
        feedWhenIdle(0, trace.size());
        stopEngine();
        // The engine thread wakes every 50 ms; a sample that meets it then is queued instead.
        long onCaller = witness.threads.stream().filter(t -> t == Thread.currentThread()).count();
        assertEquals(trace.size(), witness.times.size());
        assertEquals(onCaller, engine.coachedInline());
        assertTrue(onCaller >= trace.size() * 9 / 10, onCaller + " of " + trace.size() + " coached inline");
    }

    @Test
    void shouldQueueBehindABusyEngineWithoutWaitingAndKeepTheOrder() throws Exception {
        start(1 << 12, true);
        feed(0, 100);
        CountDownLatch release = holdTheEngine();
        // A few of the first 100 may have been queued between the engine's drain and its
        // control action; they wait with the rest.
        int queuedBefore = queue.size();
        // More than the engine drains in one go, so it lets go of the lock between batches.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> feed(100, 1100), "a transport waited for the engine");
        assertEquals(queuedBefore + 1000, queue.size(), "samples offered while the engine is busy are queued");
        release.countDown();
        feed(1100, trace.size()); // races the engine's drain: some queued, some inline
        stopEngine();
        assertEquals(trace.size(), witness.times.size());
        for (int i = 1; i < witness.times.size(); i++) {
            assertTrue(witness.times.get(i) > witness.times.get(i - 1), "sample " + i + " coached out of order");
        }
    }

    @Test
    void shouldQueueASampleWhileEarlierOnesAreStillQueuedEvenWhenTheEngineIsFree() throws Exception {
        create(1 << 10, true);
        // Queued earlier (the engine was busy then), not yet drained; the engine lock is free now.
        for (int i = 0; i < 50; i++) {
            assertTrue(queue.offer(device.index(), trace.get(i), i));
        }
        feed(50, 60);
        assertEquals(60, queue.size(), "a sample overtook the ones queued before it");
        engineThread.start();
        stopEngine();
        assertEquals(60, witness.times.size());
    }

    @Test
    void shouldCountAndReportSamplesDroppedWhileTheQueueIsFull() throws Exception {
        start(16, true);
        CountDownLatch release = holdTheEngine();
        feed(0, 40);
        release.countDown();
        stopEngine();
        engine.emitDeviceSummaries();
        BridgeEvent.DeviceSummary summary = events.bridge(BridgeEvent.DeviceSummary.class, "belt").get(0);
        assertEquals(24, summary.queueDropped());
        assertEquals(24, device.queueDropped());
        assertEquals(16, witness.times.size());
    }

    @Test
    void shouldSendEverySampleThroughTheQueueWhenInlineCoachingIsOff() throws Exception {
        start(1 << 12, false);
        feed(0, trace.size());
        stopEngine();
        assertEquals(trace.size(), witness.times.size());
        assertTrue(witness.threads.stream().allMatch(t -> t == engineThread), "a sample was coached off the engine thread");
        assertEquals(0, engine.coachedInline());
    }

    @Test
    void shouldNotCoachInlineOnceTheEngineHasStopped() throws Exception {
        start(1 << 10, true);
        feed(0, 100);
        stopEngine();
        feed(100, 110);
        assertEquals(100, witness.times.size(), "a sample was coached after the coaches were finished");
        assertEquals(10, queue.size());
    }
}
