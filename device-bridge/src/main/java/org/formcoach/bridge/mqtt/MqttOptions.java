package org.formcoach.bridge.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * How the bridge meets the broker: the server URI ({@code tcp://host:1883},
 * {@code ssl://host:8883}), client id, optional username and password, an optional CA
 * certificate (PEM) for TLS, the cap on reconnect back-off, and the alert buffer limits.
 */
public record MqttOptions(String serverUri, String clientId, String username, char[] password, Path tlsCaFile,
                          Duration maxReconnectDelay, int alertBufferPerDevice, Duration alertMaxAge,
                          int maxDevices) {
    public MqttOptions {
        if (serverUri == null || !(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://"))) {
            throw new IllegalArgumentException("MQTT URL must start with tcp:// or ssl://: " + serverUri);
        }
        if (alertBufferPerDevice < 1) {
            throw new IllegalArgumentException("alert buffer must hold at least one message");
        }
    }

    public static MqttOptions of(String serverUri) {
        return new MqttOptions(serverUri, "formcoach-bridge-" + UUID.randomUUID().toString().substring(0, 8), null, null,
                null, Duration.ofSeconds(2), 64, Duration.ofSeconds(30), 1024);
    }

    public MqttOptions withCredentials(String user, char[] pass) {
        return new MqttOptions(serverUri, clientId, user, pass, tlsCaFile, maxReconnectDelay, alertBufferPerDevice,
                alertMaxAge, maxDevices);
    }

    public MqttOptions withTlsCa(Path ca) {
        return new MqttOptions(serverUri, clientId, username, password, ca, maxReconnectDelay, alertBufferPerDevice,
                alertMaxAge, maxDevices);
    }

    public MqttOptions withAlertBuffer(int perDevice, Duration maxAge) {
        return new MqttOptions(serverUri, clientId, username, password, tlsCaFile, maxReconnectDelay, perDevice,
                maxAge, maxDevices);
    }
}
