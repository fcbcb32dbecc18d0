package org.formcoach.engine.util;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers out of a range of chars or bytes without creating a String. Decoders
 * (trace rows, serial text lines) call it once per field, so it must not allocate.
 *
 * <p>Numbers whose digits form an integer of at most 2^53 (every number of up to 15
 * significant digits) and have a small decimal exponent — every reading a sensor or our
 * writer produces — are converted exactly: a double holds that integer exactly, and one
 * multiplication or division by an exactly representable power of ten is correctly
 * rounded. Anything else falls back to {@link Double#parseDouble}, which allocates but is
 * rare.
 *
 * <p>Invalid text returns {@link Double#NaN}; the caller treats NaN as a bad field, so
 * "NaN" written in a file is rejected the same way as garbage.
 */
public final class DecimalParser {
    private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    /** Integers up to 2^53 are exact doubles. */
    private static final long MAX_EXACT_INTEGER = 1L << 53;
    private static final int MAX_DIGITS_IN_LONG = 18;

    private DecimalParser() {
    }

    /**
     * @return the number in {@code chars[from, to)} with surrounding blanks ignored, or NaN
     *         when the text is not a finite decimal number
     */
    public static double parse(char[] chars, int from, int to) {
        return parseText(chars, from, to);
    }

    /**
     * The same for bytes as a device sends them (ASCII): a byte of 0x80 or above is never
     * part of a number, so it makes the result NaN.
     */
    public static double parse(byte[] bytes, int from, int to) {
        return parseText(bytes, from, to);
    }

    /** Where {@link #scan} stopped; reused, so a decoder reading fields in one pass allocates nothing. */
    public static final class Cursor {
        private int end;

        /** The index of the first byte after the number. */
        public int end() {
            return end;
        }
    }

    /**
     * Reads the number that starts at {@code from} (no blanks before it) and ends before
     * the first byte that cannot continue it, which {@code stop} then points at. Same
     * numbers, same exactness as {@link #parse(byte[], int, int)}.
     *
     * @return the number, or NaN when none starts at {@code from}
     */
    public static double scan(byte[] bytes, int from, int to, Cursor stop) {
        return number(bytes, from, to, stop);
    }

    /**
     * One parser for both inputs: {@code text} is a char[] or a byte[]. The type test is
     * the same on every character of one call, so the compiler moves it out of the loops.
     */
    private static int at(Object text, int i) {
        return text instanceof byte[] bytes ? bytes[i] & 0xFF : ((char[]) text)[i];
    }

    /** The whole range, blanks around it aside, must be one number. */
    private static double parseText(Object text, int from, int to) {
        while (from < to && at(text, from) <= ' ') {
            from++;
        }
        while (to > from && at(text, to - 1) <= ' ') {
            to--;
        }
        return number(text, from, to, null);
    }

    /**
     * With a {@code stop}, reads a number at the start of the range; without, the whole
     * range must be one. Kept small, with the exponent and the rare cases in methods of
     * their own, so that the compiler inlines it into a decoder's loop.
     */
    private static double number(Object text, int from, int to, Cursor stop) {
        int i = from;
        boolean negative = false;
        if (i < to && (at(text, i) == '-' || at(text, i) == '+')) {
            negative = at(text, i) == '-';
            i++;
        }
        // All digits, leading zeros included, go into one long; more than 18 could overflow it.
        long digits = 0;
        int start = i;
        int d;
        while (i < to && (d = at(text, i) - '0') >= 0 && d <= 9) {
            digits = digits * 10 + d;
            i++;
        }
        int count = i - start;
        int fractionDigits = 0;
        if (i < to && at(text, i) == '.') {
            int point = ++i;
            while (i < to && (d = at(text, i) - '0') >= 0 && d <= 9) {
                digits = digits * 10 + d;
                i++;
            }
            fractionDigits = i - point;
            count += fractionDigits;
        }
        if (count == 0) {
            return Double.NaN;
        }
        if (i < to && (at(text, i) | 0x20) == 'e') {
            return withExponent(text, from, i + 1, to, stop, digits, count, -fractionDigits, negative);
        }
        return value(text, from, i, to, stop, digits, count, -fractionDigits, negative);
    }

    /** The number goes on after its 'e' at {@code i}. */
    private static double withExponent(Object text, int from, int i, int to, Cursor stop, long digits, int count,
            int decimalExponent, boolean negative) {
        boolean negativeExponent = false;
        if (i < to && (at(text, i) == '-' || at(text, i) == '+')) {
            negativeExponent = at(text, i) == '-';
            i++;
        }
        int exponentStart = i;
        int exponent = 0;
        int d;
        while (i < to && (d = at(text, i) - '0') >= 0 && d <= 9) {
            if (exponent < 10_000) {
                exponent = exponent * 10 + d;
            }
            i++;
        }
        if (i == exponentStart) {
            return Double.NaN;
        }
        int e = decimalExponent + (negativeExponent ? -exponent : exponent);
        return value(text, from, i, to, stop, digits, count, e, negative);
    }

    /** The number read from {@code [from, end)}: digits × 10^decimalExponent. */
    private static double value(Object text, int from, int end, int to, Cursor stop, long digits, int count,
            int decimalExponent, boolean negative) {
        if (stop != null) {
            stop.end = end;
        } else if (end < to) {
            return Double.NaN;
        }
        double value = exactValue(digits, count, decimalExponent, negative);
        return Double.isNaN(value) ? slowParse(text, from, end) : value;
    }

    /**
     * {@code ±digits × 10^decimalExponent} when one exact operation gives it, for a reader
     * that takes a number's digits apart itself (the JSON reader checks its grammar in the
     * same pass); NaN when it cannot, and the reader then parses the text with
     * {@link #parse(byte[], int, int)}. {@code count} is how many digits went into
     * {@code digits}, leading zeros included (past 18 the long may have overflowed).
     */
    public static double exactValue(long digits, int count, int decimalExponent, boolean negative) {
        double value;
        if (count <= MAX_DIGITS_IN_LONG && digits <= MAX_EXACT_INTEGER
                && decimalExponent >= -22 && decimalExponent <= 22) {
            // digits is exact as a double, and so is the power of ten: one correctly rounded operation.
            value = decimalExponent < 0
                    ? digits / POWERS_OF_TEN[-decimalExponent]
                    : digits * POWERS_OF_TEN[decimalExponent];
        } else if (count <= MAX_DIGITS_IN_LONG && digits == 0) {
            value = 0.0;
        } else {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    /** Too many digits or too large an exponent for one exact operation: rare, and it allocates. */
    private static double slowParse(Object text, int from, int to) {
        String s = text instanceof byte[] bytes
                ? new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
                : new String((char[]) text, from, to - from);
        try {
            double value = Double.parseDouble(s);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Convenience for tests and non-hot callers. */
    public static double parse(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        return parse(chars, 0, chars.length);
    }
}
