package org.formcoach.bridge.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.formcoach.bridge.session.DeviceIds;

/**
 * Device id → {@link DeviceInfo}, shared by the transports (which register devices as they
 * appear) and the engine (which looks them up by index). Bounded: past the limit new ids are
 * refused and counted, so a flood of made-up ids cannot exhaust memory.
 */
public final class DeviceRegistry {
    private final ConcurrentHashMap<String, DeviceInfo> byId = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<DeviceInfo> byIndex;
    private final AtomicLong refused = new AtomicLong();
    private int next;

    public DeviceRegistry(int maxDevices) {
        this.byIndex = new AtomicReferenceArray<>(maxDevices);
    }

    /**
     * The device with this id, registered now if new (its alerts go to {@code route}); null
     * when the id is invalid or the registry is full (counted in {@link #refused}).
     */
    public DeviceInfo register(String id, String transport, AlertRoute route) {
        if (!DeviceIds.isValid(id)) {
            refused.incrementAndGet();
            return null;
        }
        DeviceInfo known = byId.get(id);
        if (known != null) {
            if (known.route() != route) {
                known.rebind(transport, route);
            }
            return known;
        }
        synchronized (this) {
            known = byId.get(id);
            if (known != null) {
                known.rebind(transport, route);
                return known;
            }
            if (next == byIndex.length()) {
                refused.incrementAndGet();
                return null;
            }
            DeviceInfo info = new DeviceInfo(next, id, transport, route);
            byIndex.set(next, info);
            next++;
            byId.put(id, info);
            return info;
        }
    }

    public DeviceInfo find(String id) {
        return byId.get(id);
    }

    public DeviceInfo byIndex(int index) {
        return byIndex.get(index);
    }

    public int capacity() {
        return byIndex.length();
    }

    public synchronized List<DeviceInfo> all() {
        List<DeviceInfo> out = new ArrayList<>(next);
        for (int i = 0; i < next; i++) {
            out.add(byIndex.get(i));
        }
        return out;
    }

    /** Registrations refused: invalid ids, or more devices than the limit. */
    public long refused() {
        return refused.get();
    }
}
