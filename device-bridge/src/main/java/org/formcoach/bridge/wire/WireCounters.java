package org.formcoach.bridge.wire;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One counter per {@link Outcome}, for one device or one link. Written by the decoding
 * thread, read by whoever reports (live status, the summary at exit); increments allocate
 * nothing.
 */
public final class WireCounters {
    private final AtomicLongArray counts = new AtomicLongArray(Outcome.count());

    /**
     * Counts one unit. Single writer: one device's input is decoded on one thread (its serial
     * reader, or the MQTT client's callback thread), so a plain read and an ordered write do;
     * an atomic increment (a locked instruction) cost about a fifth of a binary frame's
     * decoding. Other threads read the counts at any time.
     */
    public void add(Outcome outcome) {
        int i = outcome.ordinal();
        counts.lazySet(i, counts.get(i) + 1);
    }

    public long get(Outcome outcome) {
        return counts.get(outcome.ordinal());
    }

    /** Every unit seen: the sum over all outcomes. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** Units that were bad input. */
    public long bad() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            if (Outcome.ofIndex(i).isBad()) {
                sum += counts.get(i);
            }
        }
        return sum;
    }

    /** "12 bad CRC, 3 lost sync" — the non-zero bad counters, or "" when there are none. */
    public String describeBad() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < counts.length(); i++) {
            Outcome o = Outcome.ofIndex(i);
            long n = counts.get(i);
            if (o.isBad() && n > 0) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(n).append(' ').append(o.label());
            }
        }
        return out.toString();
    }
}
