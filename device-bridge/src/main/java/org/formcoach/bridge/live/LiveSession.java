package org.formcoach.bridge.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;

/**
 * A live coaching session: transports → the engine (coached on the transport's thread when
 * the engine is idle, else through the sample queue to the engine thread) → events to a
 * listener and alerts back to the devices. The command line's {@code live}, the dashboard
 * and the recorder all build on this.
 *
 * <pre>{@code
 * try (LiveSession s = LiveSession.builder(Exercise.PLANK, listener)
 *         .transport(new SerialTransport(SerialOptions.of("/dev/ttyUSB0")))
 *         .start()) {
 *     s.awaitShutdownSignal();
 * }
 * }</pre>
 */
public final class LiveSession implements AutoCloseable {
    private final DeviceRegistry registry;
    private final SampleQueue queue;
    private final EngineLoop engine;
    private final Thread engineThread;
    private final List<Transport> transports;
    private final List<AutoCloseable> resources;
    private final Duration closeTimeout;
    private boolean closed;

    private LiveSession(Builder b) {
        this.registry = new DeviceRegistry(b.maxDevices);
        this.queue = new SampleQueue(b.queueCapacity);
        this.engine = new EngineLoop(registry, queue, b.exercise, b.settings, b.rateHz, b.reportGapSeconds, b.listener,
                b.tap, b.alertsToDevices, b.coachInline);
        this.engineThread = new Thread(engine, "formcoach-engine");
        this.transports = List.copyOf(b.transports);
        this.resources = List.copyOf(b.resources);
        this.closeTimeout = b.closeTimeout;
    }

    public static Builder builder(Exercise exercise, LiveListener listener) {
        return new Builder(exercise, listener);
    }

    /** Settings of a session; every one has a default. */
    public static final class Builder {
        private final Exercise exercise;
        private final LiveListener listener;
        private CoachSettings settings = CoachSettings.defaults();
        private double rateHz = 100;
        private double reportGapSeconds = 0.25;
        private int maxDevices = 1024;
        private int queueCapacity = 1 << 16;
        private Duration closeTimeout = Duration.ofSeconds(3);
        private SampleTap tap = SampleTap.NONE;
        private boolean alertsToDevices = true;
        private boolean coachInline = true;
        private final List<Transport> transports = new ArrayList<>();
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder(Exercise exercise, LiveListener listener) {
            this.exercise = exercise;
            this.listener = listener;
        }

        public Builder settings(CoachSettings s) {
            this.settings = s;
            return this;
        }

        /** Nominal rate of devices that do not announce theirs (Hz). */
        public Builder rateHz(double hz) {
            if (!(hz > 0) || Double.isInfinite(hz)) {
                throw new IllegalArgumentException("rate must be positive: " + hz);
            }
            this.rateHz = hz;
            return this;
        }

        /** Gaps in a device's stream at least this long are reported (all are counted). */
        public Builder reportGapSeconds(double s) {
            this.reportGapSeconds = s;
            return this;
        }

        public Builder maxDevices(int n) {
            this.maxDevices = n;
            return this;
        }

        public Builder queueCapacity(int n) {
            this.queueCapacity = n;
            return this;
        }

        public Builder closeTimeout(Duration d) {
            this.closeTimeout = d;
            return this;
        }

        /** Sees every sample as the engine sees it, before and after the coach (recorder, live view). */
        public Builder tap(SampleTap t) {
            this.tap = SampleTap.both(this.tap, t);
            return this;
        }

        /** Whether alerts go back to the devices (default true; false: the listener alone hears them). */
        public Builder alertsToDevices(boolean send) {
            this.alertsToDevices = send;
            return this;
        }

        /**
         * Whether a transport thread may coach a sample itself when the engine thread is idle
         * and nothing is queued (default true). It saves a thread wake-up per sample, which is
         * most of the bridge's own latency on a busy machine; false sends every sample through
         * the queue to the engine thread (to compare the two, or when a tap or listener is
         * slow enough that the transport's thread should not wait for it).
         */
        public Builder coachInlineWhenIdle(boolean inline) {
            this.coachInline = inline;
            return this;
        }

        public Builder transport(Transport t) {
            transports.add(t);
            return this;
        }

        /** Something to close after the transports (the embedded broker). */
        public Builder closeAfterwards(AutoCloseable c) {
            resources.add(c);
            return this;
        }

        /** Builds and starts: the engine thread first, then every transport. */
        public LiveSession start() {
            LiveSession s = new LiveSession(this);
            s.startAll();
            return s;
        }
    }

    private void startAll() {
        engineThread.start();
        Ingest ingest = new Ingest(registry, queue, engine);
        for (Transport t : transports) {
            t.start(ingest);
        }
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public EngineLoop engine() {
        return engine;
    }

    public List<Transport> transports() {
        return transports;
    }

    /** Samples waiting for the engine. */
    public int queued() {
        return queue.size();
    }

    /**
     * Ends the session: the engine finishes what is queued and ends every device's coaching
     * (the clears of active alerts still go out, so no device keeps buzzing), the transports
     * deliver what they can and close (each within the timeout), every device's counters are
     * emitted, then the resources close.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.stop();
        try {
            engineThread.join(closeTimeout.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Transport t : transports) {
            try {
                t.close(closeTimeout);
            } catch (RuntimeException e) {
                engine.postNote("closing " + t.describe() + ": " + e);
            }
        }
        if (engine.isFinished()) {
            engine.emitDeviceSummaries();
        }
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
