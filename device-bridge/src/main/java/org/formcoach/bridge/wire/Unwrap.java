package org.formcoach.bridge.wire;

/**
 * Extends a wrapping counter (a 16-bit sequence number, a 32-bit microsecond clock that
 * wraps after 71.6 minutes) to 64 bits. Each new raw value is taken as the nearest one to
 * the last: a step of less than half the range forward is progress, a step of less than
 * half the range backward is time going backwards (left for the session checks to catch).
 */
public final class Unwrap {
    private final int bits;
    private final long mask;
    private final long half;
    private boolean started;
    private long lastRaw;
    private long extended;

    public Unwrap(int bits) {
        if (bits < 2 || bits > 62) {
            throw new IllegalArgumentException("bits must be 2..62");
        }
        this.bits = bits;
        this.mask = (1L << bits) - 1;
        this.half = 1L << (bits - 1);
    }

    /** @param raw the counter as received, 0 .. 2^bits − 1 */
    public long next(long raw) {
        raw &= mask;
        if (!started) {
            started = true;
            lastRaw = raw;
            extended = raw;
            return extended;
        }
        long delta = (raw - lastRaw) & mask;
        if (delta >= half) {
            delta -= 1L << bits;
        }
        lastRaw = raw;
        extended += delta;
        return extended;
    }

    /** Forgets the history: the next value starts afresh (a device that restarted). */
    public void reset() {
        started = false;
    }
}
