package org.formcoach.bridge.mqtt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

import org.formcoach.bridge.live.AlertRoute;
import org.formcoach.bridge.wire.AlertCodec;
import org.formcoach.bridge.wire.AlertMessage;

/**
 * Publishes alerts to the devices at QoS 1 without losing them to a broker restart. An
 * alert is held until (a) the bridge is connected and (b) the device has shown since that
 * connection that it is there (a retained or fresh {@code online} status, or samples) — so
 * an alert is not published into a broker that just restarted before the device has
 * subscribed again. It leaves the buffer only when the broker acknowledges it (PUBACK);
 * messages in flight when the connection drops go back to the front of the device's
 * buffer. Each device's buffer is bounded (oldest dropped first) and alerts older than the
 * maximum age are dropped rather than buzzing long after the fact; both are counted.
 *
 * <p>The dispatcher's thread handles everything that arrives as a signal (failures,
 * connection changes, device presence, and what could not be handled where it arrived) and
 * retries. Acknowledgements are handled on Paho's thread that reports them when the lock is
 * free ({@link #acknowledged}). An alert itself is published
 * straight from the thread that offers it (the engine's) when that costs no waiting: the
 * state is behind a lock the offering thread only <em>tries</em>, and an alert goes through
 * the signal queue instead when the lock is busy or earlier alerts are still queued there
 * (so a device's alerts keep their order). That saves the alert a thread hand-off — a
 * wake-up of a sleeping thread, tens of microseconds on a loaded machine — on its way to
 * the device. Paho's asynchronous publish only queues the message for its sender thread,
 * so it does not block the engine either.
 */
final class AlertDispatcher implements Runnable {
    /** Publishes in flight at once, well under the brokers' and Paho's in-flight limits. */
    private static final int WINDOW = 50;

    private final IMqttAsyncClient client;
    private final int bufferPerDevice;
    private final long maxAgeNanos;
    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>(100_000);
    private final Map<String, DeviceQueue> queues = new HashMap<>();
    private final IMqttActionListener listener = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            acknowledged((Entry) token.getUserContext());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            signals.offer(new Failed((Entry) token.getUserContext()));
        }
    };
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Alerts offered through {@link #signals} and not handled yet: while any are, later ones queue behind them. */
    private final AtomicInteger alertsInSignals = new AtomicInteger();
    /** Guards the queues and the connection state below. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean running = true;
    private boolean connected;
    private int epoch = -1;
    private int inFlight;
    /** Alerts published by the thread that offered them, without the dispatcher's thread (status, tests). */
    private long publishedOnOffer;
    /** Acknowledgements handled by the thread that reported them, without the dispatcher's thread (tests). */
    private long ackedOnArrival;

    AlertDispatcher(IMqttAsyncClient client, int bufferPerDevice, Duration maxAge) {
        this.client = client;
        this.bufferPerDevice = bufferPerDevice;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** One device's route: what the engine offers alerts to. */
    final class Route implements AlertRoute {
        final String device;
        final String topic;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();

        Route(String device) {
            this.device = device;
            this.topic = Topics.alert(device);
        }

        @Override
        public boolean offer(AlertMessage message) {
            Entry e = new Entry(this, message, System.nanoTime());
            outstanding.incrementAndGet();
            if (alertsInSignals.get() == 0 && lock.tryLock()) {
                try {
                    publishedOnOffer += pump(accept(e), e.created);
                } finally {
                    lock.unlock();
                }
                return true;
            }
            alertsInSignals.incrementAndGet();
            if (!signals.offer(e)) {
                alertsInSignals.decrementAndGet();
                outstanding.decrementAndGet();
                dropped.incrementAndGet();
                return false;
            }
            return true;
        }

        @Override
        public long delivered() {
            return delivered.get();
        }

        @Override
        public long dropped() {
            return dropped.get();
        }
    }

    private static final class Entry {
        final Route route;
        final AlertMessage message;
        final long created;
        boolean inFlight;
        boolean done;

        Entry(Route route, AlertMessage message, long created) {
            this.route = route;
            this.message = message;
            this.created = created;
        }
    }

    private static final class DeviceQueue {
        final ArrayDeque<Entry> pending = new ArrayDeque<>();
        final List<Entry> inFlight = new ArrayList<>();
        boolean online;
        int onlineEpoch = -1;
    }

    private record Acked(Entry entry) {
    }

    /**
     * A PUBACK, reported on Paho's callback thread. Handled right there when the lock is free,
     * like an offered alert: through the signal queue, every alert woke the dispatcher's
     * thread once more, just as the broker was passing the alert on to the device, and on a
     * loaded machine that extra runnable thread is one more that the device's side may wait
     * behind. The order against other signals does not matter: an acknowledged alert is done
     * whether its connection was lost before or after.
     */
    private void acknowledged(Entry e) {
        if (lock.tryLock()) {
            try {
                DeviceQueue q = handleAck(e);
                ackedOnArrival++;
                // A slot of the window is free: what waited for it goes now.
                if (q != null && !q.pending.isEmpty()) {
                    pump(q, System.nanoTime());
                }
                if (inFlight == WINDOW - 1) {
                    pumpAll();
                }
            } finally {
                lock.unlock();
            }
            return;
        }
        signals.offer(new Acked(e));
    }

    private record Failed(Entry entry) {
    }

    private record Connected(int epoch) {
    }

    private record ConnectionLost() {
    }

    private record Presence(String device, int epoch, boolean online) {
    }

    Route route(String device) {
        return new Route(device);
    }

    void connected(int newEpoch) {
        signals.offer(new Connected(newEpoch));
    }

    void connectionLost() {
        signals.offer(new ConnectionLost());
    }

    void presence(String device, int atEpoch, boolean online) {
        signals.offer(new Presence(device, atEpoch, online));
    }

    void stop() {
        running = false;
        signals.offer(new ConnectionLost());
    }

    /** Messages not yet acknowledged or dropped, over all devices (tests, status). */
    int backlog() {
        return outstanding.get();
    }

    @Override
    public void run() {
        try {
            while (running) {
                Object s = signals.poll(200, TimeUnit.MILLISECONDS);
                lock.lock();
                try {
                    while (s != null) {
                        handle(s);
                        s = signals.poll();
                    }
                    pumpAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
            try {
                dropUndelivered();
            } finally {
                lock.unlock();
            }
        }
    }

    /** At the end, what never got acknowledged counts as dropped (the device was offline). */
    private void dropUndelivered() {
        Object s;
        while ((s = signals.poll()) != null) {
            if (s instanceof Entry || s instanceof Acked) {
                handle(s);
            }
        }
        for (DeviceQueue q : queues.values()) {
            for (Entry e : q.pending) {
                if (!e.done) {
                    finish(e);
                    e.route.dropped.incrementAndGet();
                }
            }
            for (Entry e : q.inFlight) {
                if (!e.done) {
                    finish(e);
                    e.route.dropped.incrementAndGet();
                }
            }
        }
    }

    /**
     * Puts an offered alert at the end of its device's buffer, dropping the oldest waiting one
     * when the buffer is full (or this one, when all of the buffer is in flight).
     *
     * @return the device's queue
     */
    private DeviceQueue accept(Entry e) {
        DeviceQueue q = queues.computeIfAbsent(e.route.device, d -> new DeviceQueue());
        if (q.pending.size() + q.inFlight.size() >= bufferPerDevice) {
            Entry oldest = q.pending.pollFirst();
            if (oldest != null) {
                finish(oldest);
                oldest.route.dropped.incrementAndGet();
            } else {
                finish(e);
                e.route.dropped.incrementAndGet();
                return q;
            }
        }
        q.pending.addLast(e);
        return q;
    }

    private void handle(Object s) {
        if (s instanceof Entry e) {
            alertsInSignals.decrementAndGet();
            accept(e);
        } else if (s instanceof Acked a) {
            handleAck(a.entry());
        } else if (s instanceof Failed f) {
            Entry e = f.entry();
            if (e.inFlight && !e.done) {
                e.inFlight = false;
                inFlight--;
                DeviceQueue q = queues.get(e.route.device);
                q.inFlight.remove(e);
                q.pending.addFirst(e);
            }
        } else if (s instanceof Connected c) {
            connected = true;
            epoch = c.epoch();
        } else if (s instanceof ConnectionLost) {
            connected = false;
            for (DeviceQueue q : queues.values()) {
                q.online = false;
                // Unacknowledged publishes may not have reached the broker: send them again (in order).
                for (int i = q.inFlight.size() - 1; i >= 0; i--) {
                    Entry e = q.inFlight.get(i);
                    e.inFlight = false;
                    q.pending.addFirst(e);
                }
                q.inFlight.clear();
            }
            inFlight = 0;
        } else if (s instanceof Presence p) {
            DeviceQueue q = queues.computeIfAbsent(p.device(), d -> new DeviceQueue());
            if (p.epoch() >= q.onlineEpoch) {
                q.onlineEpoch = p.epoch();
                q.online = p.online();
            }
        }
    }

    /** Marks an acknowledged alert delivered and frees its slot of the window; returns its device's queue. */
    private DeviceQueue handleAck(Entry e) {
        DeviceQueue q = queues.get(e.route.device);
        if (!e.done) {
            finish(e);
            e.route.delivered.incrementAndGet();
            q.pending.remove(e);
            q.inFlight.remove(e);
        }
        if (e.inFlight) {
            e.inFlight = false;
            inFlight--;
        }
        return q;
    }

    private void finish(Entry e) {
        if (!e.done) {
            e.done = true;
            outstanding.decrementAndGet();
        }
    }

    /** Waits until every alert offered so far is acknowledged or dropped, or the deadline passes. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void pumpAll() {
        long now = System.nanoTime();
        for (DeviceQueue q : queues.values()) {
            pump(q, now);
        }
    }

    /**
     * Publishes what the device's buffer holds, as far as the connection, the device and the window allow.
     *
     * @return how many alerts it published
     */
    private int pump(DeviceQueue q, long now) {
        int published = 0;
        while (connected && q.online && q.onlineEpoch == epoch && inFlight < WINDOW && !q.pending.isEmpty()) {
            Entry e = q.pending.pollFirst();
            if (now - e.created > maxAgeNanos) {
                finish(e);
                e.route.dropped.incrementAndGet();
                continue;
            }
            e.inFlight = true;
            inFlight++;
            q.inFlight.add(e);
            try {
                client.publish(e.route.topic, AlertCodec.json(e.message), 1, false, e, listener);
            } catch (MqttException | RuntimeException ex) {
                // Not connected after all, or the client's in-flight window is full: the dispatcher tries again shortly.
                e.inFlight = false;
                inFlight--;
                q.inFlight.remove(e);
                q.pending.addFirst(e);
                return published;
            }
            published++;
        }
        return published;
    }

    /** The lock over the dispatcher's state, for tests that make an offer find the dispatcher busy. */
    ReentrantLock stateLock() {
        return lock;
    }

    long ackedOnArrival() {
        lock.lock();
        try {
            return ackedOnArrival;
        } finally {
            lock.unlock();
        }
    }

    long publishedOnOffer() {
        lock.lock();
        try {
            return publishedOnOffer;
        } finally {
            lock.unlock();
        }
    }

}
