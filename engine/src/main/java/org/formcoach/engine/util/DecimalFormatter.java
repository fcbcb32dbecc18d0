package org.formcoach.engine.util;

/**
 * Appends numbers to a {@link StringBuilder} with a fixed number of decimals, in the
 * locale-free form CSV and JSON need ('.' as the separator, no grouping), without creating
 * intermediate Strings. Trailing zeros are trimmed so that traces stay small.
 */
public final class DecimalFormatter {
    private static final long[] POWERS_OF_TEN = {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L
    };

    private DecimalFormatter() {
    }

    /**
     * Appends {@code value} rounded half away from zero to {@code decimals} places
     * (0–10), trailing zeros removed. NaN and infinities are appended as empty text so a
     * CSV cell reads as "no value".
     */
    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        return append(out, value, decimals, true);
    }

    /** As {@link #append(StringBuilder, double, int)}, keeping trailing zeros when {@code trim} is false. */
    public static StringBuilder append(StringBuilder out, double value, int decimals, boolean trim) {
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be 0..10: " + decimals);
        }
        if (!Double.isFinite(value)) {
            return out;
        }
        long scale = POWERS_OF_TEN[decimals];
        double scaled = Math.abs(value) * scale;
        if (scaled >= 9.0e18) {
            // Too large for the integer path; not a sensor value. Fall back to the JDK.
            return out.append(value);
        }
        long units = (long) (scaled + 0.5);
        if (units == 0) {
            out.append('0');
            return out;
        }
        if (value < 0) {
            out.append('-');
        }
        long whole = units / scale;
        long fraction = units % scale;
        out.append(whole);
        if (decimals == 0) {
            return out;
        }
        int kept = decimals;
        if (trim) {
            while (kept > 0 && fraction % 10 == 0) {
                fraction /= 10;
                kept--;
            }
            if (kept == 0) {
                return out;
            }
        }
        out.append('.');
        for (int d = kept - 1; d >= 1; d--) {
            if (fraction < POWERS_OF_TEN[d]) {
                out.append('0');
            } else {
                break;
            }
        }
        out.append(fraction);
        return out;
    }
}
