package org.formcoach.bridge.live;

import org.formcoach.engine.sample.Sample;

/**
 * What a transport hands its input to: the device registry, the sample queue and the
 * engine's control queue. Thread-safe; transports call it from their I/O threads.
 */
public final class Ingest {
    private final DeviceRegistry registry;
    private final SampleQueue queue;
    private final EngineLoop engine;

    /** What {@link LiveSession} hands its transports; public for benchmarks that drive an engine without one. */
    public Ingest(DeviceRegistry registry, SampleQueue queue, EngineLoop engine) {
        this.registry = registry;
        this.queue = queue;
        this.engine = engine;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /**
     * Gives a sample to the engine: coached on this thread when the engine is idle, else
     * queued; a full queue drops it and counts the drop against the device. Never waits.
     * The sample is not kept: the caller may reuse it on return.
     */
    public void sample(DeviceInfo device, Sample sample, long sequence) {
        if (engine.tryCoachInline(device.index(), sample, sequence)) {
            return;
        }
        if (!queue.offer(device.index(), sample, sequence)) {
            device.countQueueDrop();
        }
    }

    /** Reports an event about a device; the engine thread fills in the device's time and emits it in order. */
    public void event(BridgeEvent event) {
        engine.post(event);
    }

    /** A note for the operator (emitted on the engine thread). */
    public void note(String message) {
        engine.postNote(message);
    }
}
