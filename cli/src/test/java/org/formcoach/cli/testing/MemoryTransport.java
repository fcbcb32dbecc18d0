package org.formcoach.cli.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.Ingest;
import org.formcoach.bridge.live.Transport;
import org.formcoach.engine.sample.Sample;

/**
 * A transport that hands a list of samples to the session from one thread, as fast as the
 * engine queue takes them: for tests of what sits behind a session (views, dashboard feed)
 * where the wire is not the point. The device announces itself like a real one.
 */
public final class MemoryTransport implements Transport {
    private final String device;
    private final List<Sample> samples;
    private final double speed;
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread thread;
    private volatile Ingest ingest;

    /** As fast as the engine takes them. */
    public MemoryTransport(String device, List<Sample> samples) {
        this(device, samples, Double.POSITIVE_INFINITY);
    }

    /** @param speed 1 = the samples' own pace, N = N times faster, infinite = no waiting */
    public MemoryTransport(String device, List<Sample> samples, double speed) {
        this.device = device;
        this.samples = samples;
        this.speed = speed;
    }

    @Override
    public void start(Ingest ingest) {
        this.ingest = ingest;
        thread = new Thread(() -> {
            DeviceInfo info = ingest.registry().register(device, "memory", AlertRoute.NONE);
            long start = System.nanoTime();
            double t0 = samples.isEmpty() ? 0 : samples.get(0).timeS;
            try {
                for (int i = 0; i < samples.size(); i++) {
                    Sample s = samples.get(i);
                    if (Double.isFinite(speed)) {
                        long due = start + (long) ((s.timeS - t0) / speed * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } else if (i % 256 == 255) {
                        Thread.yield();
                    }
                    ingest.sample(info, s, i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        }, "memory-transport");
        thread.start();
    }

    /** Waits until every sample was handed over. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reports the link as lost, as a transport does when a device goes away. */
    public void loseLink() {
        ingest.event(new BridgeEvent.LinkLost(Double.NaN, device, "test"));
    }

    @Override
    public void close(Duration timeout) {
        if (thread != null) {
            thread.interrupt();
        }
        try {
            if (thread != null) {
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        return "memory " + device;
    }
}
