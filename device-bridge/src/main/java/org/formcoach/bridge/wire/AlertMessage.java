package org.formcoach.bridge.wire;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * An alert or clear on its way to the device that caused it. {@code number} counts the
 * messages sent to that device (1, 2, …) so firmware can drop a duplicate that QoS 1 or a
 * reconnect delivered twice. {@code t} is the device time of the sample that raised it;
 * {@code sampleReceiveNanos} is the host's receive time of that sample, kept for latency.
 * Rare (a few per set), so a plain record.
 */
public record AlertMessage(String deviceId, boolean isAlert, Fault fault, Severity severity, Exercise exercise,
                           double t, double valueDeg, double thresholdDeg, long number, long sampleReceiveNanos) {

    public static AlertMessage of(String deviceId, CoachEvent.Alert a, long number, long receiveNanos) {
        return new AlertMessage(deviceId, true, a.fault(), a.severity(), a.exercise(), a.t(), a.valueDeg(),
                a.thresholdDeg(), number, receiveNanos);
    }

    public static AlertMessage of(String deviceId, CoachEvent.Clear c, long number, long receiveNanos) {
        return new AlertMessage(deviceId, false, c.fault(), null, c.exercise(), c.t(), Double.NaN, Double.NaN,
                number, receiveNanos);
    }
}
