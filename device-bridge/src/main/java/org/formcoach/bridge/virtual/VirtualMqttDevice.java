package org.formcoach.bridge.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.formcoach.bridge.mqtt.Reconnector;
import org.formcoach.bridge.mqtt.Topics;
import org.formcoach.bridge.wire.AlertCodec;
import org.formcoach.bridge.wire.BinaryProtocol;
import org.formcoach.bridge.wire.JsonSampleEncoder;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * A virtual device on MQTT, behaving as firmware should (docs/protocols.md §3.4): connects
 * with a last will ({@code offline}, retained) on its status topic, subscribes to its alert
 * topic at QoS 1, then publishes {@code online} (retained) — in that order, again after
 * every reconnect — and streams samples at QoS 0 in the chosen payload format. Samples it
 * cannot publish while the broker is away are dropped and counted, as on a real device. A
 * CONNECT that gets no CONNACK is given up after {@link #CONNACK_WAIT} and made again, the
 * first time and after a lost connection alike ({@link Reconnector}, not Paho's automatic
 * reconnect, which would wait on it for ever).
 */
public final class VirtualMqttDevice extends VirtualDevice {
    private final MqttAsyncClient client;
    private final MqttPayloadFormat format;
    private final int batchSize;
    private final String imuTopic;
    private final StringBuilder json = new StringBuilder(4096);
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream(2048);
    private final BinaryProtocol.Writer writer = new BinaryProtocol.Writer();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean online;
    /** Connects again after a lost connection (made by {@link #connect}). */
    private volatile Reconnector reconnector;
    private int inBatch;
    private double batchT0;
    private long batchSeq0;
    private double[] batchTimes = new double[16];
    private double lastHelloT = Double.NaN;
    private long connects;

    /**
     * How long one connect attempt waits for its CONNACK. A CONNACK normally comes within a
     * fraction of a second, even on a loaded machine; one that has not come in 3 s is taken
     * as lost (a broker under load has been seen to take the TCP connection and never
     * answer), and a fresh connection is made instead of waiting on.
     */
    public static final Duration CONNACK_WAIT = Duration.ofSeconds(3);

    public VirtualMqttDevice(String deviceId, String serverUri, MqttPayloadFormat format, int batchSize)
            throws MqttException {
        super(deviceId);
        this.format = format;
        this.batchSize = format == MqttPayloadFormat.JSON ? 1 : Math.max(1, batchSize);
        this.imuTopic = Topics.imu(deviceId);
        this.client = new MqttAsyncClient(serverUri, "formcoach-device-" + deviceId + "-"
                + UUID.randomUUID().toString().substring(0, 6), new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                connects++;
                subscribeThenAnnounce();
            }

            @Override
            public void connectionLost(Throwable cause) {
                online = false;
                ready = new CountDownLatch(1);
                Reconnector r = reconnector;
                if (r != null) {
                    r.connect(true);
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                AlertCodec.Command c = AlertCodec.parseJson(message.getPayload());
                if (c != null) {
                    received(c);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    /**
     * Connects and waits until subscribed and announced online, all within {@code timeout}.
     * Each attempt gets at most {@link #CONNACK_WAIT} (less if less time is left) for its
     * CONNACK; an attempt that gets none is abandoned — its connection closed — and another
     * made until the time is up.
     *
     * @throws MqttException when there is still no connection at the deadline: its cause says
     *     which broker, how many attempts, and how the last one ended
     */
    public VirtualMqttDevice connect(Duration timeout) throws MqttException, InterruptedException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false); // the Reconnector's job: Paho's waits for a CONNACK for ever
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(5);
        o.setMaxInflight(1000);
        // Say 3.1.1 outright: with Paho's default, an attempt that fails is quietly made again
        // as MQTT 3.1 on the same client, which would race with the next attempt made here.
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (client.getServerURI().startsWith("tcp://")) {
            o.setSocketFactory(org.formcoach.bridge.mqtt.NoDelaySockets.INSTANCE);
        }
        o.setWill(Topics.status(deviceId), Topics.OFFLINE.getBytes(StandardCharsets.US_ASCII), 1, true);
        if (reconnector == null) {
            reconnector = new Reconnector(client, o, CONNACK_WAIT, Duration.ofMillis(500), note -> { },
                    "virtual-device-connect-" + deviceId);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(CONNACK_WAIT.toNanos(), left)));
            attempts++;
            try {
                client.connect(o).waitForCompletion(waitMs);
                break;
            } catch (MqttException e) {
                abandonAttempt();
                if (e.getCause() instanceof InterruptedException) {
                    throw new InterruptedException("connecting " + deviceId + " to " + client.getServerURI());
                }
                long stillLeft = deadline - System.nanoTime();
                if (stillLeft <= 0) {
                    throw gaveUp(timeout, attempts, e, waitMs);
                }
                Thread.sleep(Math.min(200, TimeUnit.NANOSECONDS.toMillis(stillLeft) + 1));
            }
        }
        if (!awaitOnline(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT, new TimeoutException("connected to "
                    + client.getServerURI() + " but not subscribed and announced online within " + seconds(timeout)));
        }
        return this;
    }

    /**
     * Drops a connect attempt that failed or got no CONNACK. Paho has no CONNACK timeout of
     * its own (its connection timeout covers the TCP connect and TLS handshake only), and a
     * client whose connect token timed out stays "connecting" (every further connect fails
     * with {@code REASON_CODE_CONNECT_IN_PROGRESS}) with its socket open. Forcibly
     * disconnecting, with no DISCONNECT packet, closes that socket, fails the attempt's token
     * and leaves the client disconnected and ready for the next connect; it reports no lost
     * connection, so the {@link Reconnector} does not start on its own.
     */
    private void abandonAttempt() {
        Reconnector.abandon(client);
        // A CONNACK that came just too late may have started a subscribe and announce on the
        // connection just closed: the next connection must do its own.
        online = false;
        ready = new CountDownLatch(1);
    }

    private MqttException gaveUp(Duration timeout, int attempts, MqttException last, long lastWaitMs) {
        String how = last.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT
                ? "no CONNACK within " + seconds(Duration.ofMillis(lastWaitMs))
                : last.toString();
        TimeoutException why = new TimeoutException("no MQTT connection to " + client.getServerURI() + " within "
                + seconds(timeout) + " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + "; the last: "
                + how + ")");
        why.initCause(last);
        return new MqttException(last.getReasonCode(), why);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Waits until (re)connected, subscribed and announced. A connection lost meanwhile sets a
     * new latch for the next one, so the wait is made in slices that look at the latest.
     */
    public boolean awaitOnline(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!online) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            ready.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
        }
        return true;
    }

    public boolean isOnline() {
        return online;
    }

    /** Completed connections (1 + reconnects). */
    public long connects() {
        return connects;
    }

    private void subscribeThenAnnounce() {
        // This connection's latch: if connect() gives up on the connection meanwhile, it sets
        // a new one, which this announce must not open.
        CountDownLatch latch = ready;
        try {
            client.subscribe(Topics.alert(deviceId), 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    try {
                        client.publish(Topics.status(deviceId), Topics.ONLINE.getBytes(StandardCharsets.US_ASCII), 1, true,
                                null, new IMqttActionListener() {
                                    @Override
                                    public void onSuccess(IMqttToken t) {
                                        if (latch == ready) {
                                            online = true;
                                        }
                                        latch.countDown();
                                    }

                                    @Override
                                    public void onFailure(IMqttToken t, Throwable cause) {
                                    }
                                });
                    } catch (MqttException e) {
                        // connection lost again; the next connectComplete repeats this
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                }
            });
        } catch (MqttException e) {
            // connection lost again; the next connectComplete repeats this
        }
    }

    private int batchSensor;

    @Override
    protected boolean send(Sample s, long sequence) {
        // A JSON batch names one sensor (docs/protocols.md §3.2): a sample of another sensor
        // sends the batch so far first.
        boolean sent = true;
        if (format == MqttPayloadFormat.JSON_BATCH && inBatch > 0 && s.sensor != batchSensor) {
            sent = publishBatch();
        }
        if (inBatch == 0) {
            batchSensor = s.sensor;
            batchT0 = s.timeS;
            batchSeq0 = sequence;
            json.setLength(0);
            binary.reset();
            switch (format) {
                case JSON_ARRAY -> json.append('[');
                case JSON_BATCH -> {
                    json.append("{\"sensor\":\"").append(s.placement().traceName()).append("\",\"t0\":");
                    DecimalFormatter.append(json, s.timeS, 6);
                    json.append(",\"seq0\":").append(sequence).append(",\"rows\":[");
                }
                case BINARY -> binary.write(0);
                default -> {
                }
            }
        }
        switch (format) {
            case JSON, JSON_ARRAY -> {
                if (inBatch > 0) {
                    json.append(',');
                }
                JsonSampleEncoder.appendObject(json, s, sequence);
            }
            case JSON_BATCH -> {
                if (inBatch > 0) {
                    json.append(',');
                }
                JsonSampleEncoder.appendRow(json, s, s.timeS - batchT0);
            }
            case BINARY -> {
                if (Double.isNaN(lastHelloT) || s.timeS - lastHelloT >= 10) {
                    lastHelloT = s.timeS;
                    int n = writer.hello(s.sensor, BinaryProtocol.DEFAULT_ACCEL_RANGE_G,
                            BinaryProtocol.DEFAULT_GYRO_RANGE_DPS, 0, (int) Math.round(rateHz()), deviceId).frame();
                    binary.write(writer.frameBytes(), 0, n);
                }
                int a = BinaryProtocol.DEFAULT_ACCEL_RANGE_G;
                int g = BinaryProtocol.DEFAULT_GYRO_RANGE_DPS;
                int n = writer.imu(s.sensor, (int) (sequence & 0xFFFF), Math.round(s.timeS * 1e6) & 0xFFFFFFFFL,
                        BinaryProtocol.toRaw(s.ax, a), BinaryProtocol.toRaw(s.ay, a), BinaryProtocol.toRaw(s.az, a),
                        BinaryProtocol.toRaw(s.gx, g), BinaryProtocol.toRaw(s.gy, g),
                        BinaryProtocol.toRaw(s.gz, g)).frame();
                binary.write(writer.frameBytes(), 0, n);
            }
        }
        if (inBatch == batchTimes.length) {
            batchTimes = java.util.Arrays.copyOf(batchTimes, inBatch * 2);
        }
        batchTimes[inBatch] = s.timeS;
        inBatch++;
        if (inBatch >= batchSize) {
            return publishBatch() && sent;
        }
        return sent;
    }

    @Override
    protected void flush() {
        if (inBatch > 0) {
            publishBatch();
        }
    }

    private boolean publishBatch() {
        byte[] payload;
        if (format == MqttPayloadFormat.BINARY) {
            payload = binary.toByteArray();
        } else {
            if (format == MqttPayloadFormat.JSON_ARRAY) {
                json.append(']');
            } else if (format == MqttPayloadFormat.JSON_BATCH) {
                json.append("]}");
            }
            payload = json.toString().getBytes(StandardCharsets.UTF_8);
        }
        int n = inBatch;
        inBatch = 0;
        if (!online) {
            return false;
        }
        try {
            client.publish(imuTopic, payload, 0, false);
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                recordSent(batchTimes[i], now);
            }
            return true;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Publishes raw bytes on this device's imu topic (tests of bad input). */
    public void publishRaw(byte[] payload) throws MqttException {
        client.publish(imuTopic, payload, 0, false);
    }

    @Override
    public void close() {
        Reconnector r = reconnector;
        if (r != null) {
            r.stop();
        }
        try {
            if (client.isConnected()) {
                client.publish(Topics.status(deviceId), Topics.OFFLINE.getBytes(StandardCharsets.US_ASCII), 1, true)
                        .waitForCompletion(1000);
            }
        } catch (MqttException ignored) {
            // going anyway
        }
        try {
            client.disconnectForcibly(0, 500, client.isConnected());
        } catch (MqttException ignored) {
            // not connected
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closed
        }
    }
}
