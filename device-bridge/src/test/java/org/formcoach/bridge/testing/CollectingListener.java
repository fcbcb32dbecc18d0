package org.formcoach.bridge.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveJson;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.engine.coach.CoachEvent;

/** Keeps every event of a live session; tests wait on it for what they expect. */
public final class CollectingListener implements LiveListener {
    public record Entry(String device, CoachEvent coach, BridgeEvent bridge, String note) {
        @Override
        public String toString() {
            if (coach != null) {
                return LiveJson.append(new StringBuilder(), device, coach).toString();
            }
            if (bridge != null) {
                return LiveJson.append(new StringBuilder(), bridge).toString();
            }
            return "note: " + note;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void coachEvent(String device, CoachEvent event) {
        entries.add(new Entry(device, event, null, null));
        notifyAll();
    }

    @Override
    public synchronized void bridgeEvent(BridgeEvent event) {
        entries.add(new Entry(event.device(), null, event, null));
        notifyAll();
    }

    @Override
    public synchronized void note(String message) {
        entries.add(new Entry(null, null, null, message));
        notifyAll();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Waits for an entry matching {@code p}; null after the timeout. */
    public synchronized Entry await(Predicate<Entry> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Entry e : entries) {
                if (p.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public <T extends BridgeEvent> T awaitBridge(Class<T> type, String device, Duration timeout)
            throws InterruptedException {
        Entry e = await(x -> type.isInstance(x.bridge()) && device.equals(x.device()), timeout);
        return e == null ? null : type.cast(e.bridge());
    }

    public <T extends CoachEvent> List<T> coach(Class<T> type, String device) {
        List<T> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (type.isInstance(e.coach()) && device.equals(e.device())) {
                out.add(type.cast(e.coach()));
            }
        }
        return out;
    }

    public <T extends BridgeEvent> List<T> bridge(Class<T> type, String device) {
        List<T> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (type.isInstance(e.bridge()) && device.equals(e.device())) {
                out.add(type.cast(e.bridge()));
            }
        }
        return out;
    }

    public String dump() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries()) {
            s.append(e).append('\n');
        }
        return s.toString();
    }
}
