package org.formcoach.bridge.live;

/**
 * What the bridge tells the world beside the coach's events: links lost and restored, gaps
 * in a device's stream, devices coming and going, and each device's counters at the end.
 * {@code t} is the device's clock (its last sample's time; 0 before its first sample), so a
 * device's events stay in one time base. Rare, so small records.
 */
public sealed interface BridgeEvent {
    double t();

    String device();

    /** The JSON {@code type}. */
    String type();

    /** A device's first sample reached the engine. */
    record DeviceSeen(double t, String device, String transport) implements BridgeEvent {
        @Override
        public String type() {
            return "device";
        }
    }

    /** The link to a device dropped (serial unplugged, MQTT last will, the broker went away). */
    record LinkLost(double t, String device, String reason) implements BridgeEvent {
        @Override
        public String type() {
            return "link_lost";
        }
    }

    /** The link is back after {@code downSeconds} of wall time. */
    record LinkRestored(double t, String device, double downSeconds) implements BridgeEvent {
        @Override
        public String type() {
            return "link_restored";
        }
    }

    /**
     * The device's own clock (or sequence number) jumped: {@code seconds} between the
     * samples either side, {@code missing} samples lost.
     */
    record Gap(double t, String device, String sensor, double seconds, long missing) implements BridgeEvent {
        @Override
        public String type() {
            return "gap";
        }
    }

    /** Bad input from a device, reported at most once a few seconds per device (counts so far). */
    record BadInput(double t, String device, String counts) implements BridgeEvent {
        @Override
        public String type() {
            return "bad_input";
        }
    }

    /** A device's counters when the session ends. */
    record DeviceSummary(double t, String device, String transport, long samples, long badInput, String badDetail,
                         long duplicates, long backwards, long gaps, long missing, double gapSeconds,
                         long queueDropped, long linkLosses, long alertsSent, long alertsDelivered,
                         long alertsDropped) implements BridgeEvent {
        @Override
        public String type() {
            return "device_summary";
        }
    }
}
