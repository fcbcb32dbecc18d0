package org.formcoach.bridge.virtual;

import java.util.concurrent.locks.LockSupport;

/**
 * Releases samples at their device-time pace: the first fixes the origin, each later one
 * waits until {@code (t − t0) / speed} of wall time has passed (parking, not spinning).
 * The bridge cannot use the simulator's pacer (the simulator depends on nothing of ours and
 * we on nothing of it), hence this small twin.
 */
final class Pace {
    private final double speed;
    private double originT = Double.NaN;
    private long originNanos;

    Pace(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.speed = speed;
    }

    void await(double t) throws InterruptedException {
        if (Double.isInfinite(speed)) {
            return;
        }
        if (Double.isNaN(originT)) {
            originT = t;
            originNanos = System.nanoTime();
            return;
        }
        long due = originNanos + (long) ((t - originT) / speed * 1e9);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
