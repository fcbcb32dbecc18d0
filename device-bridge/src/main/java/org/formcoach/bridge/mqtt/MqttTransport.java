package org.formcoach.bridge.mqtt;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.Ingest;
import org.formcoach.bridge.live.Transport;
import org.formcoach.bridge.session.DeviceIds;
import org.formcoach.bridge.wire.BinaryFrameDecoder;
import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.Outcome;
import org.formcoach.engine.sample.Sample;

/**
 * The MQTT side (Paho, MQTT 3.1.1): subscribes to every device's imu and status topics,
 * discovers devices from the topics (each gets its own session), decodes JSON and binary
 * payloads, and publishes alerts back at QoS 1 through an {@link AlertDispatcher}. Connects
 * again by itself after the broker goes away (back-off capped at
 * {@link MqttOptions#maxReconnectDelay()}) and subscribes again on every connect (clean
 * sessions: nothing depends on the broker remembering us).
 *
 * <p>Connecting, the first time and after a loss, is the {@link Reconnector}'s, not Paho's
 * automatic reconnect: Paho waits for a CONNACK for ever (its issue #1028), so one CONNECT
 * that a restarting or overloaded broker takes and never answers would leave the bridge
 * connecting for good. Each attempt waits {@link MqttOptions#connackWait()} at most, then its
 * connection is closed and another made.
 */
public final class MqttTransport implements Transport {
    private final MqttOptions options;
    private final ConcurrentHashMap<String, TopicEntry> byTopic = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MqttDevice> devices = new ConcurrentHashMap<>();
    private final AtomicInteger epoch = new AtomicInteger();
    private final AtomicLong refusedTopics = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile boolean subscribed;
    private volatile long lostAtNanos;
    private MqttAsyncClient client;
    private AlertDispatcher dispatcher;
    private Thread dispatcherThread;
    private volatile Reconnector reconnector;
    private Ingest ingest;

    public MqttTransport(MqttOptions options) {
        this.options = options;
    }

    @Override
    public String describe() {
        return "mqtt " + options.serverUri();
    }

    /** Connected and subscribed: samples published from now on reach the bridge. */
    public boolean isConnected() {
        return connected && subscribed;
    }

    /** Completed connections, the first included. */
    public long connects() {
        return connects.get();
    }

    /** Messages on our topics refused for an invalid device id (or too many devices). */
    public long refusedTopics() {
        return refusedTopics.get();
    }

    /** Alerts waiting for a device or in flight. */
    public int alertBacklog() {
        return dispatcher == null ? 0 : dispatcher.backlog();
    }

    private record TopicEntry(MqttDevice device, Topics.Kind kind) {
    }

    /** One device's input state; the Paho callback thread owns the decoders. */
    private final class MqttDevice {
        final DeviceInfo info;
        final JsonSampleDecoder json;
        final BinaryFrameDecoder binary;
        volatile boolean linkUp = true;
        long lostAt;
        volatile int onlineEpoch = -1;

        MqttDevice(DeviceInfo info) {
            this.info = info;
            this.json = new JsonSampleDecoder(info.wire(), this::sample);
            this.binary = new BinaryFrameDecoder(info.wire(), this::sample);
        }

        private void sample(Sample s, long seq) {
            ingest.sample(info, s, seq);
        }
    }

    @Override
    public void start(Ingest ingest) {
        this.ingest = ingest;
        try {
            client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("MQTT: " + e.getMessage(), e);
        }
        dispatcher = new AlertDispatcher(client, options.alertBufferPerDevice(), options.alertMaxAge());
        client.setCallback(new Callback());
        running = true;
        dispatcherThread = new Thread(dispatcher, "mqtt-alerts");
        dispatcherThread.setDaemon(true);
        dispatcherThread.start();
        reconnector = new Reconnector(client, connectOptions(), options.connackWait(), options.maxReconnectDelay(),
                ingest::note, "mqtt-connect");
        reconnector.connect(false);
    }

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false); // the Reconnector's job: see the class comment
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(10);
        o.setMaxInflight(1000);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (options.username() != null) {
            o.setUserName(options.username());
            o.setPassword(options.password() == null ? new char[0] : options.password());
        }
        if (options.serverUri().startsWith("tcp://")) {
            o.setSocketFactory(NoDelaySockets.INSTANCE);
        }
        if (options.tlsCaFile() != null) {
            try {
                o.setSocketFactory(Tls.trusting(options.tlsCaFile()));
            } catch (Exception e) {
                throw new IllegalArgumentException("TLS CA file " + options.tlsCaFile() + ": " + e.getMessage(), e);
            }
        }
        return o;
    }

    /** Connect attempts that failed or got no CONNACK in time, since the start. */
    public long failedConnectAttempts() {
        return reconnector == null ? 0 : reconnector.failedAttempts();
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            int e = epoch.incrementAndGet();
            // Not Paho's flag: it is set only by Paho's own automatic reconnect, which is off.
            boolean again = connects.getAndIncrement() > 0;
            connected = true;
            if (again) {
                ingest.note(String.format(java.util.Locale.ROOT, "reconnected to %s after %.1f s; subscribing again",
                        serverURI, (System.nanoTime() - lostAtNanos) / 1e9));
            } else {
                ingest.note("connected to " + serverURI);
            }
            dispatcher.connected(e);
            subscribe(e);
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            subscribed = false;
            lostAtNanos = System.nanoTime();
            ingest.note("lost the MQTT broker (" + Reconnector.reason(cause) + "); reconnecting");
            dispatcher.connectionLost();
            for (MqttDevice d : devices.values()) {
                markLost(d, "broker connection lost");
            }
            reconnector.connect(true);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                onMessage(topic, message.getPayload());
            } catch (RuntimeException e) {
                // A decoder bug must not cost the connection (Paho drops it when a callback throws).
                ingest.note("internal error decoding " + DeviceIds.printable(topic) + ": " + e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Acknowledgements reach the dispatcher through its action listener.
        }
    }

    private void subscribe(int atEpoch) {
        try {
            client.subscribe(new String[]{Topics.ALL_IMU, Topics.ALL_STATUS}, new int[]{0, 1}, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            boolean all = true;
                            for (int q : token.getGrantedQos()) {
                                if (q == 0x80) {
                                    all = false;
                                    ingest.note("the broker refused our subscription to " + Topics.ALL_IMU);
                                }
                            }
                            subscribed = all && epoch.get() == atEpoch;
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable cause) {
                            ingest.note("subscribing failed (" + Reconnector.reason(cause) + "); trying again");
                            retrySubscribe(atEpoch);
                        }
                    });
        } catch (MqttException e) {
            retrySubscribe(atEpoch);
        }
    }

    private void retrySubscribe(int atEpoch) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (running && connected && epoch.get() == atEpoch) {
                subscribe(atEpoch);
            }
        }, "mqtt-resubscribe");
        t.setDaemon(true);
        t.start();
    }

    private void onMessage(String topic, byte[] payload) {
        TopicEntry entry = byTopic.get(topic);
        if (entry == null) {
            entry = resolve(topic);
            if (entry == null) {
                return;
            }
        }
        MqttDevice d = entry.device();
        long now = System.nanoTime();
        switch (entry.kind()) {
            case IMU -> {
                markAlive(d);
                if (payload.length > JsonSampleDecoder.MAX_PAYLOAD_BYTES) {
                    d.info.wire().add(Outcome.TOO_LARGE);
                } else if (payload.length > 0 && payload[0] == 0) {
                    // Binary: the serial protocol's frames, the payload starting with a 0x00 delimiter.
                    d.binary.feed(payload, 0, payload.length, now);
                    d.binary.resync();
                    int rate = d.binary.rateHz(0) > 0 ? d.binary.rateHz(0) : d.binary.rateHz(1);
                    if (rate > 0 && d.info.announcedRateHz() == 0) {
                        d.info.announceRate(rate);
                    }
                } else {
                    d.json.decode(payload, 0, payload.length, now);
                }
            }
            case STATUS -> {
                if (is(payload, Topics.ONLINE)) {
                    markAlive(d);
                } else if (is(payload, Topics.OFFLINE)) {
                    markLost(d, "device offline");
                } else if (payload.length > 0) {
                    d.info.wire().add(Outcome.MALFORMED);
                }
            }
            default -> {
            }
        }
    }

    private TopicEntry resolve(String topic) {
        int start = Topics.deviceStart(topic);
        int end = Topics.deviceEnd(topic);
        if (start < 0 || end < 0) {
            return null;
        }
        Topics.Kind kind = Topics.kind(topic, end);
        if (kind != Topics.Kind.IMU && kind != Topics.Kind.STATUS) {
            return null;
        }
        if (!DeviceIds.isValid(topic, start, end)) {
            countRefused(topic);
            return null;
        }
        String id = topic.substring(start, end);
        MqttDevice d = devices.get(id);
        if (d == null) {
            AlertDispatcher.Route route = dispatcher.route(id);
            DeviceInfo info = ingest.registry().register(id, describe(), route);
            if (info == null) {
                countRefused(topic);
                return null;
            }
            d = new MqttDevice(info);
            devices.put(id, d);
        }
        TopicEntry e = new TopicEntry(d, kind);
        if (byTopic.size() < 4 * options.maxDevices()) {
            byTopic.put(topic, e);
        }
        return e;
    }

    private void countRefused(String topic) {
        if (refusedTopics.incrementAndGet() <= 10) {
            ingest.note("ignored a message on " + DeviceIds.printable(topic)
                    + ": device ids must be 1-64 characters of A-Z a-z 0-9 _ - (or too many devices)");
        }
    }

    private void markAlive(MqttDevice d) {
        int e = epoch.get();
        if (d.onlineEpoch != e) {
            d.onlineEpoch = e;
            dispatcher.presence(d.info.id(), e, true);
        }
        if (!d.linkUp) {
            synchronized (d) {
                if (!d.linkUp) {
                    d.linkUp = true;
                    ingest.event(new BridgeEvent.LinkRestored(Double.NaN, d.info.id(), (System.nanoTime() - d.lostAt) / 1e9));
                }
            }
        }
    }

    private void markLost(MqttDevice d, String reason) {
        synchronized (d) {
            d.onlineEpoch = -1;
            dispatcher.presence(d.info.id(), epoch.get(), false);
            if (d.linkUp) {
                d.linkUp = false;
                d.lostAt = System.nanoTime();
                d.info.countLinkLoss();
                ingest.event(new BridgeEvent.LinkLost(Double.NaN, d.info.id(), reason));
            }
        }
    }

    private static boolean is(byte[] payload, String word) {
        if (payload.length != word.length()) {
            return false;
        }
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close(Duration timeout) {
        if (dispatcher != null && connected) {
            try {
                // The last clears still reach the devices (they stop buzzing).
                dispatcher.awaitIdle(System.nanoTime() + timeout.toNanos() / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (reconnector != null) {
            reconnector.stop();
        }
        if (client != null) {
            long ms = Math.max(100, Math.min(500, timeout.toMillis() / 2));
            try {
                // Forcibly: a plain disconnect while the broker is unreachable waits forever.
                client.disconnectForcibly(0, ms, connected);
            } catch (MqttException ignored) {
                // not connected
            }
            try {
                client.close(true);
            } catch (MqttException ignored) {
                // already closed
            }
        }
        if (dispatcherThread != null) {
            try {
                dispatcherThread.join(Math.max(100, timeout.toMillis() / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connected = false;
    }
}
