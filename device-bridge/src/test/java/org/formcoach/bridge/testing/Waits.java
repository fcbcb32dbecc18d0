package org.formcoach.bridge.testing;

import java.time.Duration;

import org.formcoach.bridge.live.DeviceInfo;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.wire.Outcome;

/** Polling waits for conditions no latch can signal (counters of another component). */
public final class Waits {
    private Waits() {
    }

    /** Until the device has decoded {@code n} samples and the engine has taken them all from the queue. */
    public static boolean untilDecoded(LiveSession session, String device, long n, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            DeviceInfo d = session.registry().find(device);
            if (d != null && d.wire().get(Outcome.SAMPLE) >= n && session.queued() == 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
