package org.formcoach.bridge.mqtt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Connects a Paho client, and connects it again whenever asked (after a lost connection),
 * until it is connected: used instead of Paho's automatic reconnect, which waits for a
 * CONNACK for ever (Paho issue #1028). A restarting or overloaded broker can take a CONNECT
 * and never answer it; with Paho's reconnect the client then stays "connecting" for good.
 * Here each attempt waits a bounded time for its CONNACK; an attempt that fails or times
 * out is dropped forcibly ({@link #abandon}), which closes its socket and leaves the client
 * ready for the next (a timed-out connect would otherwise stay "in progress" and refuse
 * every later one). Attempts come at once the first time, after {@value #FIRST_RECONNECT_PAUSE_MS}
 * ms after a loss, then with a pause of one second doubling up to a cap.
 *
 * <p>One loop at a time, on a daemon thread of its own. The options must have Paho's
 * automatic reconnect off.
 */
public final class Reconnector {
    /** The pause before the first attempt after a lost connection (the broker may be restarting). */
    static final long FIRST_RECONNECT_PAUSE_MS = 250;
    /** The pause after a failed attempt, doubled after each further one up to the cap. */
    private static final long FIRST_RETRY_PAUSE_MS = 1000;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final long connackWaitMs;
    private final long maxPauseMs;
    private final Consumer<String> note;
    private final String threadName;
    private final AtomicBoolean looping = new AtomicBoolean();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread thread;

    /**
     * @param note told, once per episode, why the broker cannot be reached, and that retrying
     *     stops when the broker refuses the credentials
     */
    public Reconnector(MqttAsyncClient client, MqttConnectOptions options, Duration connackWait, Duration maxPause,
                       Consumer<String> note, String threadName) {
        if (options.isAutomaticReconnect()) {
            throw new IllegalArgumentException("Paho's automatic reconnect must be off: this one replaces it");
        }
        this.client = client;
        this.options = options;
        this.connackWaitMs = Math.max(1, connackWait.toMillis());
        this.maxPauseMs = Math.max(FIRST_RETRY_PAUSE_MS, maxPause.toMillis());
        this.note = note;
        this.threadName = threadName;
    }

    /**
     * Starts connecting unless a loop is running already or this was stopped: at once, or
     * after a short pause when {@code afterLoss}. The loop checks, as it ends, whether the
     * connection it made was lost meanwhile, so a loss that finds it still running is not
     * missed.
     */
    public void connect(boolean afterLoss) {
        if (!running || !looping.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                loop(afterLoss);
            } finally {
                looping.set(false);
            }
            if (running && !client.isConnected()) {
                connect(true);
            }
        }, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** No more attempts; one under way is interrupted. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Attempts that failed or got no CONNACK in time, since the start. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Drops a connect attempt that failed or got no CONNACK: its socket closed, no DISCONNECT packet, no lost-connection callback. */
    public static void abandon(MqttAsyncClient client) {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException ignored) {
            // not connecting any more
        }
    }

    private void loop(boolean afterLoss) {
        long pauseMs = afterLoss ? FIRST_RECONNECT_PAUSE_MS : 0;
        boolean told = false;
        while (running) {
            if (pauseMs > 0) {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
            pauseMs = pauseMs == 0 ? FIRST_RETRY_PAUSE_MS : Math.min(2 * pauseMs, maxPauseMs);
            try {
                client.connect(options).waitForCompletion(connackWaitMs);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED) {
                    return;
                }
                abandon(client);
                if (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                    note.accept("the broker refused our username/password: not retrying");
                    return;
                }
                if (!running) {
                    return;
                }
                failedAttempts.incrementAndGet();
                if (!told) {
                    note.accept("cannot reach the MQTT broker at " + client.getServerURI() + " (" + why(e) + "); retrying");
                    told = true;
                }
            }
        }
    }

    private String why(MqttException e) {
        if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return String.format(java.util.Locale.ROOT, "no CONNACK within %.1f s", connackWaitMs / 1000.0);
        }
        return reason(e);
    }

    /** What went wrong, in words: the cause's message when Paho wraps one (its own is generic). */
    static String reason(Throwable e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
