package org.formcoach.benchmarks.e2e;

import java.util.UUID;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.formcoach.bridge.mqtt.NoDelaySockets;
import org.formcoach.bridge.mqtt.Topics;

/**
 * The baseline in place of the engine: one Paho client subscribed to every device's imu
 * topic, as the bridge is, that answers each marked sample at once — from the receiving
 * thread, no queue, no decoding beyond finding the mark — with an alert-sized JSON message
 * at QoS 1 on the device's alert topic. What is left is the cost of the broker, the
 * client library and the network stack: the floor the engine is compared with.
 */
final class MqttEcho implements AutoCloseable {
    private static final byte[] MARK = "\"mark\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MqttAsyncClient client;
    private long sent;
    private volatile long failures;

    MqttEcho(String url) throws MqttException {
        client = new MqttAsyncClient(url, "e2e-echo-" + UUID.randomUUID().toString().substring(0, 6),
                new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("echo connection lost: " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                answer(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(1000);
        o.setSocketFactory(NoDelaySockets.INSTANCE);
        client.connect(o).waitForCompletion(30_000);
        client.subscribe(Topics.ALL_IMU, 0).waitForCompletion(30_000);
    }

    private void answer(String topic, byte[] payload) {
        int m = Answers.indexOf(payload, "\"mark\":[", 0);
        if (m < 0) {
            return;
        }
        String alertTopic = topic.substring(0, topic.length() - Topics.IMU.length()) + Topics.ALERT;
        int i = m + MARK.length;
        while (i < payload.length && payload[i] != ']') {
            int from = i;
            while (i < payload.length && payload[i] != ',' && payload[i] != ']') {
                i++;
            }
            try {
                client.publish(alertTopic, Answers.echoAlert(++sent, payload, from, i), 1, false);
            } catch (MqttException e) {
                failures++;
            }
            if (i < payload.length && payload[i] == ',') {
                i++;
            }
        }
    }

    long failures() {
        return failures;
    }

    @Override
    public void close() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closed
        }
    }
}
