package org.formcoach.bridge.live;

import java.util.concurrent.atomic.AtomicLong;

import org.formcoach.bridge.wire.WireCounters;

/**
 * What every thread may know about one device: its id and small index (the queue carries
 * the index, not the id), the transport it came on and where its alerts go, and the
 * counters its transport keeps. The engine ({@link EngineLoop}) keeps the device's coaching
 * state separately.
 */
public final class DeviceInfo {
    private final int index;
    private final String id;
    private final WireCounters wire = new WireCounters();
    private final AtomicLong queueDropped = new AtomicLong();
    private final AtomicLong linkLosses = new AtomicLong();
    private volatile String transport;
    private volatile AlertRoute route;
    private volatile int announcedRateHz;

    DeviceInfo(int index, String id, String transport, AlertRoute route) {
        this.index = index;
        this.id = id;
        this.transport = transport;
        this.route = route;
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public String transport() {
        return transport;
    }

    public AlertRoute route() {
        return route;
    }

    void rebind(String transport, AlertRoute route) {
        this.transport = transport;
        this.route = route;
    }

    /** The decoders' outcome counters for this device. */
    public WireCounters wire() {
        return wire;
    }

    /** Samples the engine queue refused (the engine fell behind). */
    public long queueDropped() {
        return queueDropped.get();
    }

    void countQueueDrop() {
        queueDropped.incrementAndGet();
    }

    public long linkLosses() {
        return linkLosses.get();
    }

    public void countLinkLoss() {
        linkLosses.incrementAndGet();
    }

    /** The rate the device announced (binary hello), 0 when not known. */
    public int announcedRateHz() {
        return announcedRateHz;
    }

    public void announceRate(int hz) {
        this.announcedRateHz = hz;
    }
}
