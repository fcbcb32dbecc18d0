package org.formcoach.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {
    @Test
    void shouldParseExactlyWhatTheJdkParses() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 4);
            String text = switch (i % 4) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", v);
                case 2 -> String.format(java.util.Locale.ROOT, "%.9e", v);
                default -> Long.toString((long) v);
            };
            assertEquals(Double.parseDouble(text), DecimalParser.parse(text), 0.0, text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1.2.3", "--1", "1e", "1e+", "NaN", "Infinity", "-Infinity", "0x10", "1,5", "1e999"})
    void shouldReturnNaNForTextThatIsNotAFiniteDecimal(String text) {
        assertTrue(Double.isNaN(DecimalParser.parse(text)), text);
    }

    @Test
    void shouldIgnoreSurroundingBlanks() {
        assertEquals(-0.25, DecimalParser.parse("  -0.25\t"), 0.0);
        assertEquals(3.0, DecimalParser.parse("+3"), 0.0);
        assertEquals(0.5, DecimalParser.parse(".5"), 0.0);
    }

    @Test
    void shouldFormatWithFixedDecimalsTrimmingZerosAndRoundingHalfAway() {
        assertEquals("0.1235", DecimalFormatter.append(new StringBuilder(), 0.123456, 4).toString());
        assertEquals("-2.5", DecimalFormatter.append(new StringBuilder(), -2.5, 6).toString());
        assertEquals("1.005", DecimalFormatter.append(new StringBuilder(), 1.005, 3).toString());
        assertEquals("0.001", DecimalFormatter.append(new StringBuilder(), 0.0005, 3).toString());
        assertEquals("0", DecimalFormatter.append(new StringBuilder(), -0.00001, 3).toString());
        assertEquals("12", DecimalFormatter.append(new StringBuilder(), 12.0, 4).toString());
        assertEquals("1.000", DecimalFormatter.append(new StringBuilder(), 1.0, 3, false).toString());
        assertEquals("", DecimalFormatter.append(new StringBuilder(), Double.NaN, 3).toString(), "NaN is an empty cell");
    }

    @Test
    void shouldRoundTripThroughParserAndFormatter() {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            double v = Math.round((r.nextDouble() - 0.5) * 2e6) / 1e6;
            sb.setLength(0);
            DecimalFormatter.append(sb, v, 6);
            assertEquals(v, DecimalParser.parse(sb), 0.0, sb.toString());
        }
    }
}
