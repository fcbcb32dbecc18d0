package org.formcoach.benchmarks.e2e;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.Outcome;
import org.formcoach.bridge.wire.WireCounters;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;

/**
 * The baseline in place of the engine: one Paho client subscribed to every device's imu
 * topic, as the bridge is, that answers each marked sample at once — from the receiving
 * thread, no queue, no decoding beyond finding the mark — with an alert-sized JSON message
 * at QoS 1 on the device's alert topic. What is left is the cost of the broker, the
 * client library and the network stack: the floor the engine is compared with.
 *
 * <p>With {@code coachEach}, the echo also does the engine's work on every message before it
 * looks for the mark — the JSON decoded into a sample and the sample coached, by one
 * decoder and one {@link Coach} per device topic — but none of the bridge around it (no
 * sessions, clock checks, engine lock, listeners or dispatcher). It tells what the work per
 * message costs the tail from what the bridge's machinery does.
 */
final class MqttEcho implements AutoCloseable {
    private static final byte[] MARK = "\"mark\":[".getBytes(StandardCharsets.US_ASCII);

    private final MqttAsyncClient client;
    /** Per device topic, with {@code coachEach}: the decoder feeding that device's coach; else null. */
    private final Map<String, JsonSampleDecoder> coaches;
    private final double rateHz;
    private final Latencies decisions;
    private final WireCounters decoded = new WireCounters();
    private long sent;
    private volatile long failures;

    MqttEcho(String url) throws MqttException {
        this(url, false, 100, null);
    }

    /**
     * @param decisions where to note the moment each marked sample is seen, as the engine's
     *                  listener notes its decisions, so both modes split their latency at the
     *                  same point; or null
     */
    MqttEcho(String url, boolean coachEach, double rateHz, Latencies decisions) throws MqttException {
        this.coaches = coachEach ? new HashMap<>() : null;
        this.rateHz = rateHz;
        this.decisions = decisions;
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
        if (coaches != null) {
            coaches.computeIfAbsent(topic, t -> {
                Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), rateHz, event -> { });
                return new JsonSampleDecoder(decoded, (sample, sequence) -> coach.accept(sample));
            }).decode(payload, 0, payload.length, System.nanoTime());
        }
        int m = Answers.indexOf(payload, "\"mark\":[", 0);
        if (m < 0) {
            return;
        }
        long seen = System.nanoTime();
        String alertTopic = topic.substring(0, topic.length() - Topics.IMU.length()) + Topics.ALERT;
        int i = m + MARK.length;
        while (i < payload.length && payload[i] != ']') {
            int from = i;
            while (i < payload.length && payload[i] != ',' && payload[i] != ']') {
                i++;
            }
            if (decisions != null) {
                noteSeen(topic, payload, from, i, seen);
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

    /** The marked sample at device time {@code payload[from, to)} of {@code topic}'s device was seen at {@code nanos}. */
    private void noteSeen(String topic, byte[] payload, int from, int to, long nanos) {
        String device = topic.substring(Topics.PREFIX.length(), topic.length() - Topics.IMU.length() - 1);
        try {
            double t = Double.parseDouble(new String(payload, from, to - from, StandardCharsets.US_ASCII));
            decisions.decided(device, (int) Math.round(t * rateHz), nanos);
        } catch (NumberFormatException e) {
            // not a time: the fleet counts the answer as unexpected
        }
    }

    /** Samples the echo decoded and coached (with {@code coachEach}), over all devices. */
    long coached() {
        return decoded.get(Outcome.SAMPLE);
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
