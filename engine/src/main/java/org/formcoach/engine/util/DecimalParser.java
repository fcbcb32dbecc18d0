package org.formcoach.engine.util;

/**
 * Parses decimal numbers out of a character range without creating a String. Decoders
 * (trace rows, serial text lines) call it once per field, so it must not allocate.
 *
 * <p>Numbers with at most 15 significant digits and a small decimal exponent — every
 * reading a sensor or our writer produces — are converted exactly: the digits form an
 * integer that a double holds exactly, and one multiplication or division by an exactly
 * representable power of ten is correctly rounded. Anything else falls back to
 * {@link Double#parseDouble}, which allocates but is rare.
 *
 * <p>Invalid text returns {@link Double#NaN}; the caller treats NaN as a bad field, so
 * "NaN" written in a file is rejected the same way as garbage.
 */
public final class DecimalParser {
    private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final int MAX_EXACT_DIGITS = 15;

    private DecimalParser() {
    }

    /**
     * @return the number in {@code chars[from, to)} with surrounding blanks ignored, or NaN
     *         when the text is not a finite decimal number
     */
    public static double parse(char[] chars, int from, int to) {
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (chars[i] == '-' || chars[i] == '+') {
            negative = chars[i] == '-';
            i++;
        }
        long digits = 0;
        int significant = 0;
        int decimalExponent = 0;
        boolean sawDigit = false;
        boolean sawPoint = false;
        boolean exact = true;
        for (; i < to; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (digits == 0 && c == '0') {
                    if (sawPoint) {
                        decimalExponent--;
                    }
                    continue;
                }
                if (significant < MAX_EXACT_DIGITS) {
                    digits = digits * 10 + (c - '0');
                    significant++;
                    if (sawPoint) {
                        decimalExponent--;
                    }
                } else {
                    exact = false;
                    if (!sawPoint) {
                        decimalExponent++;
                    }
                }
            } else if (c == '.' && !sawPoint) {
                sawPoint = true;
            } else {
                break;
            }
        }
        if (!sawDigit) {
            return Double.NaN;
        }
        if (i < to) {
            char c = chars[i];
            if (c != 'e' && c != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (chars[i] == '-' || chars[i] == '+')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            if (i >= to) {
                return Double.NaN;
            }
            int exponent = 0;
            for (; i < to; i++) {
                char d = chars[i];
                if (d < '0' || d > '9') {
                    return Double.NaN;
                }
                if (exponent < 10_000) {
                    exponent = exponent * 10 + (d - '0');
                }
            }
            decimalExponent += negativeExponent ? -exponent : exponent;
        }
        double value;
        if (digits == 0) {
            value = 0.0;
        } else if (exact && decimalExponent >= -22 && decimalExponent <= 22) {
            value = decimalExponent < 0
                    ? digits / POWERS_OF_TEN[-decimalExponent]
                    : digits * POWERS_OF_TEN[decimalExponent];
        } else {
            value = slowParse(chars, from, to);
            return Double.isFinite(value) ? value : Double.NaN;
        }
        return negative ? -value : value;
    }

    private static double slowParse(char[] chars, int from, int to) {
        try {
            return Double.parseDouble(new String(chars, from, to - from));
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
