package org.formcoach.simulator.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Releases trace samples at their recorded pace: real time, N times faster, or as fast as
 * possible. The first sample fixes the origin; every later one waits until
 * {@code (t − t0) / speed} of wall time has passed. Waiting parks the thread; it never
 * spins, so a real-time replay costs no CPU between samples.
 */
public final class Pacer {
    /** Replays as fast as the consumer takes samples. */
    public static final double MAX = Double.POSITIVE_INFINITY;

    private final double speed;
    private double originTrace = Double.NaN;
    private long originNanos;

    /** @param speed 1 = real time, N = N times faster, {@link #MAX} = no waiting */
    public Pacer(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.speed = speed;
    }

    /** Parses "max", "1", "10", "0.5". */
    public static Pacer parse(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("max")) {
            return new Pacer(MAX);
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed must be 'max' or a positive number: " + text);
        }
        if (!(v > 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException("speed must be 'max' or a positive number: " + text);
        }
        return new Pacer(v);
    }

    public boolean isUnpaced() {
        return speed == MAX;
    }

    /** Blocks until the sample at trace time {@code t} is due. */
    public void await(double t) throws InterruptedException {
        if (speed == MAX) {
            return;
        }
        if (Double.isNaN(originTrace)) {
            originTrace = t;
            originNanos = System.nanoTime();
            return;
        }
        long due = originNanos + (long) ((t - originTrace) / speed * 1e9);
        while (true) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
