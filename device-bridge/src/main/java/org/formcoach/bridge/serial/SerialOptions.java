package org.formcoach.bridge.serial;

import java.time.Duration;

import org.formcoach.bridge.session.DeviceIds;
import org.formcoach.bridge.wire.TextFormat;

/**
 * One serial device: the port (a system name such as {@code ttyUSB0}/{@code COM3}, or a
 * path, which may be a symlink such as a socat link or {@code /dev/serial/by-id/…}: it is
 * resolved again on every reconnect), line settings, the wire format and the device id.
 */
public record SerialOptions(String port, int baud, SerialFormat format, TextFormat text, String deviceId,
                            Duration reconnectInterval, int alertBuffer, Duration alertMaxAge) {
    public SerialOptions {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("serial port name is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        DeviceIds.require(deviceId);
        if (alertBuffer < 1) {
            throw new IllegalArgumentException("alert buffer must hold at least one message");
        }
    }

    /** 115200 baud, text with the default columns, device id from the port name. */
    public static SerialOptions of(String port) {
        return new SerialOptions(port, 115_200, SerialFormat.TEXT, TextFormat.defaults(), DeviceIds.fromName(port),
                Duration.ofMillis(250), 64, Duration.ofSeconds(30));
    }

    public SerialOptions withBaud(int b) {
        return new SerialOptions(port, b, format, text, deviceId, reconnectInterval, alertBuffer, alertMaxAge);
    }

    public SerialOptions withFormat(SerialFormat f) {
        return new SerialOptions(port, baud, f, text, deviceId, reconnectInterval, alertBuffer, alertMaxAge);
    }

    public SerialOptions withText(TextFormat t) {
        return new SerialOptions(port, baud, format, t, deviceId, reconnectInterval, alertBuffer, alertMaxAge);
    }

    public SerialOptions withDeviceId(String id) {
        return new SerialOptions(port, baud, format, text, id, reconnectInterval, alertBuffer, alertMaxAge);
    }
}
