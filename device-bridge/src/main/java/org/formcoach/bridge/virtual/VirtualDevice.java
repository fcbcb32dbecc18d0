package org.formcoach.bridge.virtual;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.formcoach.bridge.wire.AlertCodec;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.sample.Sample;

/**
 * A pretend sensor that plays a trace over a real transport and listens for the alerts sent
 * back: what the tests, {@code formcoach stream} and the latency harness use instead of
 * hardware. The device keeps its own clock: {@link #skip} moves it on as if the device had
 * kept sampling through an outage, so the bridge sees the gap a real device would cause.
 *
 * <p>Playing is done on the caller's thread, paced in real time, N× or as fast as possible.
 */
public abstract class VirtualDevice implements AutoCloseable {
    protected final String deviceId;
    private final Object receiptLock = new Object();
    private final List<AlertReceipt> receipts = new ArrayList<>();
    private double[] sentTimes = new double[1024];
    private long[] sentNanos = new long[1024];
    private int sentCount;
    private double clockOffset;
    private long seqOffset;
    private long sent;
    private long dropped;
    private double rateHz = 100;
    private volatile java.util.function.Consumer<AlertReceipt> receiptListener = r -> {
    };

    protected VirtualDevice(String deviceId) {
        this.deviceId = deviceId;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The nominal rate announced (binary hello) and used to advance the sequence number in {@link #skip}. */
    public VirtualDevice rateHz(double hz) {
        this.rateHz = hz;
        return this;
    }

    protected double rateHz() {
        return rateHz;
    }

    /** Plays all of {@code trace}. */
    public void play(List<Sample> trace, double speed) throws InterruptedException {
        play(trace, 0, trace.size(), speed);
    }

    /**
     * Plays samples {@code [from, to)} of {@code trace}, their times shifted by the clock
     * offset built up by {@link #skip}.
     *
     * @param speed 1 = real time, N = N times faster, {@link Double#POSITIVE_INFINITY} = no waiting
     */
    public void play(List<Sample> trace, int from, int to, double speed) throws InterruptedException {
        Pace pacer = new Pace(speed);
        Sample s = new Sample();
        for (int i = from; i < to; i++) {
            s.copyFrom(trace.get(i));
            s.timeS += clockOffset;
            pacer.await(s.timeS);
            long seq = i + seqOffset;
            if (send(s, seq)) {
                sent++;
            } else {
                dropped++;
            }
        }
        flush();
    }

    /** The device's clock (and sequence counter) moves on by {@code seconds} without sending anything. */
    public void skip(double seconds) {
        clockOffset += seconds;
        seqOffset += Math.round(seconds * rateHz);
    }

    /** Sends one sample (or adds it to a batch). @return false when it could not be sent */
    protected abstract boolean send(Sample s, long sequence);

    /** Sends what a batch holds. */
    protected void flush() {
    }

    /** Records that samples up to device time {@code t} left the device now. */
    protected final void recordSent(double t, long nanos) {
        synchronized (receiptLock) {
            if (sentCount == sentTimes.length) {
                sentTimes = Arrays.copyOf(sentTimes, sentCount * 2);
                sentNanos = Arrays.copyOf(sentNanos, sentCount * 2);
            }
            sentTimes[sentCount] = t;
            sentNanos[sentCount] = nanos;
            sentCount++;
        }
    }

    /** Called by the transport's reader when a command arrives. */
    protected final void received(AlertCodec.Command command) {
        long now = System.nanoTime();
        synchronized (receiptLock) {
            long latency = -1;
            if (Double.isFinite(command.t())) {
                int i = nearest(command.t());
                if (i >= 0) {
                    latency = now - sentNanos[i];
                }
            }
            AlertReceipt receipt = new AlertReceipt(command, now, latency);
            receipts.add(receipt);
            receiptLock.notifyAll();
            receiptListener.accept(receipt);
        }
    }

    /** The sample sent with device time nearest {@code t} (within 2 ms; binary alerts carry the low 32 bits of µs). */
    private int nearest(double t) {
        int best = -1;
        double bestErr = 0.002;
        for (int i = sentCount - 1; i >= 0; i--) {
            double err = Math.abs(sentTimes[i] - t);
            double wrapped = Math.abs((sentTimes[i] * 1e6 % 4294967296.0) / 1e6 - t);
            double e = Math.min(err, wrapped);
            if (e <= bestErr) {
                bestErr = e;
                best = i;
            }
        }
        return best;
    }

    /** Called (on the transport's thread) for each command as it arrives. */
    public void onReceipt(java.util.function.Consumer<AlertReceipt> listener) {
        this.receiptListener = listener;
    }

    public List<AlertReceipt> receipts() {
        synchronized (receiptLock) {
            return List.copyOf(receipts);
        }
    }

    /**
     * Waits until an alert (not a clear) for {@code fault} has arrived.
     *
     * @return the receipt, or null after the timeout
     */
    public AlertReceipt awaitAlert(Fault fault, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (receiptLock) {
            while (true) {
                for (AlertReceipt r : receipts) {
                    if (r.command().isAlert() && r.command().fault() == fault) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                receiptLock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until at least {@code n} commands have arrived; returns whether they did. */
    public boolean awaitReceipts(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (receiptLock) {
            while (receipts.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                receiptLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Samples handed to the transport. */
    public long sent() {
        return sent;
    }

    /** Samples the transport could not take (link down). */
    public long dropped() {
        return dropped;
    }
}
