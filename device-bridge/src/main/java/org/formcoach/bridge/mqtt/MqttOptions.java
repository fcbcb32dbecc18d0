package org.formcoach.bridge.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * How the bridge meets the broker: the server URI ({@code tcp://host:1883},
 * {@code ssl://host:8883}), client id, optional username and password, an optional CA
 * certificate (PEM) for TLS, the cap on reconnect back-off, how long one connect attempt waits
 * for the broker's CONNACK, and the alert buffer limits.
 */
public record MqttOptions(String serverUri, String clientId, String username, char[] password, Path tlsCaFile,
                          Duration maxReconnectDelay, Duration connackWait, int alertBufferPerDevice,
                          Duration alertMaxAge, int maxDevices) {
    public MqttOptions {
        if (serverUri == null || !(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://"))) {
            throw new IllegalArgumentException("MQTT URL must start with tcp:// or ssl://: " + serverUri);
        }
        if (connackWait.isNegative() || connackWait.isZero()) {
            throw new IllegalArgumentException("the CONNACK wait must be positive: " + connackWait);
        }
        if (alertBufferPerDevice < 1) {
            throw new IllegalArgumentException("alert buffer must hold at least one message");
        }
    }

    public static MqttOptions of(String serverUri) {
        return new MqttOptions(serverUri, "formcoach-bridge-" + UUID.randomUUID().toString().substring(0, 8), null, null,
                null, Duration.ofSeconds(2), Duration.ofSeconds(10), 64, Duration.ofSeconds(30), 1024);
    }

    public MqttOptions withCredentials(String user, char[] pass) {
        return new MqttOptions(serverUri, clientId, user, pass, tlsCaFile, maxReconnectDelay, connackWait,
                alertBufferPerDevice, alertMaxAge, maxDevices);
    }

    public MqttOptions withTlsCa(Path ca) {
        return new MqttOptions(serverUri, clientId, username, password, ca, maxReconnectDelay, connackWait,
                alertBufferPerDevice, alertMaxAge, maxDevices);
    }

    public MqttOptions withAlertBuffer(int perDevice, Duration maxAge) {
        return new MqttOptions(serverUri, clientId, username, password, tlsCaFile, maxReconnectDelay, connackWait,
                perDevice, maxAge, maxDevices);
    }

    /**
     * How long one connect attempt waits for the broker's CONNACK before it is dropped and
     * made again (Paho itself waits for ever: its connection timeout ends at the TCP connect).
     */
    public MqttOptions withConnackWait(Duration wait) {
        return new MqttOptions(serverUri, clientId, username, password, tlsCaFile, maxReconnectDelay, wait,
                alertBufferPerDevice, alertMaxAge, maxDevices);
    }
}
