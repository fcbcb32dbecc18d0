package org.formcoach.bridge.virtual;

import org.formcoach.bridge.wire.AlertCodec;

/**
 * An alert command a virtual device received. {@code latencyNanos}: from the moment the
 * device sent the sample the alert names (its device time) to the moment the command
 * arrived; -1 when that sample is not known.
 */
public record AlertReceipt(AlertCodec.Command command, long receivedNanos, long latencyNanos) {
    public double latencyMillis() {
        return latencyNanos < 0 ? Double.NaN : latencyNanos / 1e6;
    }
}
