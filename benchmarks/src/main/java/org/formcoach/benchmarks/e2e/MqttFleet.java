package org.formcoach.benchmarks.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.formcoach.bridge.mqtt.NoDelaySockets;
import org.formcoach.bridge.mqtt.Topics;

/**
 * N simulated devices at 100 Hz over C MQTT connections (C ≤ N: with hundreds of devices,
 * one Paho client per device costs three threads each, so several device topics share a
 * connection — the broker and the engine see the same topics and payloads either way).
 * One pacing thread publishes: at 100 Hz, device d's sample k is due at {@code origin +
 * k·10 ms + (d mod 10) ms}, so the devices' samples are spread over each 10 ms instead of arriving
 * in one burst. Each device keeps the publish time of every sample it sent; when an answer
 * (an alert, a clear or an echo) arrives on its alert topic, the time it names finds the
 * sample, and publish → arrival is recorded.
 */
final class MqttFleet implements AutoCloseable {
    private static final int SLOTS = 10;

    private static final class Device {
        final String id;
        final String imuTopic;
        final FaultTraces.Variant variant;
        final MqttAsyncClient client;
        final AtomicLongArray sentNanos;
        final boolean[] answered;
        final int batchPhase;
        int nextFrom;

        Device(String id, FaultTraces.Variant variant, MqttAsyncClient client, int batchPhase) {
            this.id = id;
            this.imuTopic = Topics.imu(id);
            this.variant = variant;
            this.client = client;
            this.sentNanos = new AtomicLongArray(variant.count);
            this.answered = new boolean[variant.count];
            this.batchPhase = batchPhase;
        }
    }

    /** How long one round of connects waits for the CONNACKs, and how many rounds there are. */
    private static final long CONNACK_WAIT_MS = 15_000;
    private static final int CONNECT_ROUNDS = 4;

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final Map<String, Device> byAlertTopic = new HashMap<>();
    @SuppressWarnings("unchecked")
    private final List<Device>[] buckets = new List[SLOTS];
    private final int batch;
    private final int windowFrom;
    private final int windowTo;
    private final Latencies latencies;
    private final StringBuilder batchText = new StringBuilder(4096);
    private volatile boolean listening = true;
    private volatile long maxLagNanos;
    private volatile long published;

    /**
     * @param windowFrom first sample index measured (after the warm-up)
     * @param windowTo   the end of the measurement (exclusive); samples go on for {@value FaultTraces#TAIL_S} s
     *                   after it, so the window's last answers do not meet the end of the traffic
     */
    MqttFleet(String url, int deviceCount, int connections, int batch, List<FaultTraces.Variant> faulty,
              FaultTraces.Variant clean, int faultyEvery, int windowFrom, int windowTo, Latencies latencies)
            throws MqttException {
        this.batch = batch;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.latencies = latencies;
        for (int i = 0; i < SLOTS; i++) {
            buckets[i] = new ArrayList<>();
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<List<String>> topicsByClient = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(url, "e2e-dev-" + c + "-" + run, new MemoryPersistence());
            client.setCallback(new Callback());
            clients.add(client);
            topicsByClient.add(new ArrayList<>());
        }
        for (int d = 0; d < deviceCount; d++) {
            String id = "dev" + d;
            FaultTraces.Variant v = d % faultyEvery == 0 ? faulty.get(d % faulty.size()) : clean;
            MqttAsyncClient client = clients.get(d % connections);
            Device device = new Device(id, v, client, (d / SLOTS) % batch);
            devices.add(device);
            buckets[d % SLOTS].add(device);
            byAlertTopic.put(Topics.alert(id), device);
            topicsByClient.get(d % connections).add(Topics.alert(id));
        }
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(30);
        o.setMaxInflight(1000);
        o.setSocketFactory(NoDelaySockets.INSTANCE);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // no silent second try as 3.1
        connectAll(o);
        List<IMqttToken> pending = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            List<String> topics = topicsByClient.get(c);
            int[] qos = new int[topics.size()];
            java.util.Arrays.fill(qos, 1);
            pending.add(clients.get(c).subscribe(topics.toArray(new String[0]), qos));
        }
        awaitAll(pending);
    }

    /**
     * Connects every client, all at once: one by one, each connect and subscribe round trip
     * takes a quarter of a second with Paho here, minutes for hundreds of connections. A
     * broker under load has been seen to take a connection and never answer its CONNECT, and
     * Paho never times a CONNACK out (VirtualMqttDevice has the details), so each round waits
     * {@value #CONNACK_WAIT_MS} ms and drops and connects again the clients still waiting.
     */
    private void connectAll(MqttConnectOptions o) throws MqttException {
        List<MqttAsyncClient> waiting = new ArrayList<>(clients);
        for (int round = 1; !waiting.isEmpty(); round++) {
            List<IMqttToken> tokens = new ArrayList<>();
            for (MqttAsyncClient client : waiting) {
                tokens.add(client.connect(o));
            }
            long deadline = System.nanoTime() + CONNACK_WAIT_MS * 1_000_000L;
            List<MqttAsyncClient> again = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                try {
                    tokens.get(i).waitForCompletion(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
                } catch (MqttException e) {
                    if (round == CONNECT_ROUNDS) {
                        throw e;
                    }
                    waiting.get(i).disconnectForcibly(0, 0, false);
                    again.add(waiting.get(i));
                }
            }
            if (!again.isEmpty()) {
                System.err.printf("%d of %d device connections got no CONNACK in round %d: connecting them again%n",
                        again.size(), clients.size(), round);
            }
            waiting = again;
        }
    }

    private static void awaitAll(List<IMqttToken> tokens) throws MqttException {
        for (IMqttToken t : tokens) {
            t.waitForCompletion(60_000);
        }
        tokens.clear();
    }

    /**
     * Plays every device's trace up to {@value FaultTraces#TAIL_S} s past the end of the window, paced in
     * real time; returns when done. The samples after the window are not measured. Without
     * them the answers to the window's last samples met whatever happens when the traffic
     * stops (the last partial batches all sent at once, the harness reading its CPU meter):
     * in batched runs of both modes the handful of answers of the window's last 50 ms were
     * all 4–13 ms late, about half of a round's slowest 1 %.
     */
    void play(double rateHz) {
        int playTo = FaultTraces.playTo(windowTo, rateHz);
        long slotNanos = Math.round(1e9 / rateHz / SLOTS);
        long origin = System.nanoTime() + 100_000_000L;
        long worst = 0;
        for (int slot = 0; ; slot++) {
            int k = slot / SLOTS;
            if (k >= playTo) {
                break;
            }
            long due = origin + slot * slotNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            worst = Math.max(worst, System.nanoTime() - due);
            for (Device d : buckets[slot % SLOTS]) {
                send(d, k);
            }
            maxLagNanos = worst;
        }
        for (Device d : devices) {
            int last = Math.min(playTo, d.variant.count) - 1;
            if (d.nextFrom <= last) {
                publish(d, d.nextFrom, last);
            }
        }
    }

    private void send(Device d, int k) {
        if (k >= d.variant.count) {
            return;
        }
        if (batch == 1) {
            publish(d, k, k);
        } else if ((k + d.batchPhase) % batch == batch - 1) {
            publish(d, d.nextFrom, k);
        }
    }

    private void publish(Device d, int from, int to) {
        d.nextFrom = to + 1;
        byte[] payload = batch == 1 ? d.variant.single[from] : d.variant.batch(from, to, batchText);
        long now = System.nanoTime();
        for (int k = from; k <= to; k++) {
            d.sentNanos.setRelease(k, now);
        }
        try {
            d.client.publish(d.imuTopic, payload, 0, false);
            published += to - from + 1;
            latencies.expect(d.variant.marks(true, Math.max(from, windowFrom), Math.min(to + 1, windowTo)));
        } catch (MqttException e) {
            for (int k = from; k <= to; k++) {
                latencies.countSendFailure();
                d.sentNanos.setRelease(k, -1);
            }
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.err.println("device connection lost: " + cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            Device d = byAlertTopic.get(topic);
            if (d == null || !listening) {
                return;
            }
            double t = Answers.time(message.getPayload());
            int k = Double.isNaN(t) ? -1 : d.variant.indexOf(t);
            long sent = k >= 0 && k < d.variant.count ? d.sentNanos.getAcquire(k) : 0;
            if (sent <= 0 || !d.variant.markedJson[k]) {
                latencies.countUnexpected();
                return;
            }
            synchronized (d) {
                if (d.answered[k]) {
                    latencies.countDuplicate();
                    return;
                }
                d.answered[k] = true;
            }
            if (k >= windowFrom && k < windowTo) {
                latencies.answered(d.id, k, sent, now);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** Stops counting answers: what comes now is the session's closing clears, not latency. */
    void stopListening() {
        listening = false;
    }

    /** The pacing thread's worst lateness, ms (a fleet that cannot keep up shows here). */
    double maxLagMillis() {
        return maxLagNanos / 1e6;
    }

    long published() {
        return published;
    }

    @Override
    public void close() {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // closing anyway
            }
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // closed
            }
        }
    }
}
