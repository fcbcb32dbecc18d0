package org.formcoach.cli.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.bridge.live.SampleTap;
import org.formcoach.engine.sample.Sample;

/**
 * The live state of every device, for the terminal view and the dashboard: a
 * {@link DeviceSnapshot} per device, filled by the engine after each sample (as a
 * {@link SampleTap}) and on link events, read by any thread through {@link #read}.
 * Devices beyond {@link #MAX_DEVICES} are coached but not shown.
 */
public final class LiveBoard implements SampleTap {
    public static final int MAX_DEVICES = 64;

    private final AtomicReferenceArray<DeviceSnapshot> byIndex = new AtomicReferenceArray<>(MAX_DEVICES);
    /** The engine only (one thread at a time). */
    private final Map<String, DeviceSnapshot> byId = new HashMap<>();
    private volatile int count;

    @Override
    public void afterCoach(CoachedDevice device, Sample sample) {
        int i = device.index();
        if (i >= MAX_DEVICES) {
            return;
        }
        DeviceSnapshot snap = byIndex.get(i);
        if (snap == null) {
            snap = new DeviceSnapshot(device.id());
            byIndex.set(i, snap);
            byId.put(device.id(), snap);
            if (i + 1 > count) {
                count = i + 1;
            }
        }
        snap.update(device, sample.timeS, System.nanoTime());
    }

    /** Keeps the link state; call from the session's listener (the engine). */
    public void bridgeEvent(BridgeEvent event) {
        DeviceSnapshot snap = byId.get(event.device());
        if (snap == null) {
            return;
        }
        if (event instanceof BridgeEvent.LinkLost) {
            snap.link(false, true);
        } else if (event instanceof BridgeEvent.LinkRestored) {
            snap.link(true, false);
        }
    }

    /** Device slots in use (some may still be null for a moment); devices are numbered in order of arrival. */
    public int size() {
        return count;
    }

    /**
     * Copies device {@code i}'s latest state into {@code into}.
     *
     * @return false when there is no such device (yet) or the engine kept it busy
     */
    public boolean read(int i, LiveStatus into) {
        if (i < 0 || i >= count) {
            return false;
        }
        DeviceSnapshot snap = byIndex.get(i);
        return snap != null && snap.read(into);
    }

    /** Changes whenever device {@code i} is updated; -1 when there is none. */
    public long version(int i) {
        DeviceSnapshot snap = i >= 0 && i < count ? byIndex.get(i) : null;
        return snap == null ? -1 : snap.version();
    }
}
