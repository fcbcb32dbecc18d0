package org.formcoach.bridge.mqtt;

import org.formcoach.bridge.session.DeviceIds;

/**
 * The topic tree (docs/protocols.md §3): {@code formcoach/v1/<device>/imu} (device → host,
 * QoS 0), {@code formcoach/v1/<device>/alert} (host → device, QoS 1),
 * {@code formcoach/v1/<device>/status} (device, retained {@code online}/{@code offline},
 * the last will says {@code offline}).
 */
public final class Topics {
    public static final String PREFIX = "formcoach/v1/";
    public static final String IMU = "imu";
    public static final String ALERT = "alert";
    public static final String STATUS = "status";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    /** Subscriptions of the bridge. */
    public static final String ALL_IMU = PREFIX + "+/" + IMU;
    public static final String ALL_STATUS = PREFIX + "+/" + STATUS;

    /** Which leaf a topic ends in. */
    public enum Kind { IMU, STATUS, ALERT, OTHER }

    private Topics() {
    }

    public static String imu(String device) {
        return PREFIX + DeviceIds.require(device) + "/" + IMU;
    }

    public static String alert(String device) {
        return PREFIX + DeviceIds.require(device) + "/" + ALERT;
    }

    public static String status(String device) {
        return PREFIX + DeviceIds.require(device) + "/" + STATUS;
    }

    /** Start of the device id in a topic, or -1 when the topic is not ours. */
    public static int deviceStart(String topic) {
        return topic.startsWith(PREFIX) ? PREFIX.length() : -1;
    }

    /** End (exclusive) of the device id: the next '/', or -1. */
    public static int deviceEnd(String topic) {
        int start = deviceStart(topic);
        return start < 0 ? -1 : topic.indexOf('/', start);
    }

    public static Kind kind(String topic, int deviceEnd) {
        int leaf = deviceEnd + 1;
        int n = topic.length() - leaf;
        if (n == IMU.length() && topic.startsWith(IMU, leaf)) {
            return Kind.IMU;
        }
        if (n == STATUS.length() && topic.startsWith(STATUS, leaf)) {
            return Kind.STATUS;
        }
        if (n == ALERT.length() && topic.startsWith(ALERT, leaf)) {
            return Kind.ALERT;
        }
        return Kind.OTHER;
    }
}
