package org.formcoach.bridge.live;

import org.formcoach.bridge.wire.AlertMessage;

/**
 * Where a device's alerts go: back over the transport the device came in on. {@link #offer}
 * is called by the engine (see {@link EngineLoop}) and must not block: a route keeps a
 * bounded buffer and counts what it had to drop.
 */
public interface AlertRoute {
    /** @return false when the message was dropped (buffer full, device gone for good) */
    boolean offer(AlertMessage message);

    /** Messages the device acknowledged (MQTT QoS 1) or that were written to it (serial). */
    long delivered();

    /** Messages dropped: buffer full, or too old when the device came back. */
    long dropped();

    /** For devices that cannot take alerts (none so far; tests). */
    AlertRoute NONE = new AlertRoute() {
        @Override
        public boolean offer(AlertMessage message) {
            return false;
        }

        @Override
        public long delivered() {
            return 0;
        }

        @Override
        public long dropped() {
            return 0;
        }
    };
}
