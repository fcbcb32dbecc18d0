package org.formcoach.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
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

    private static final String[] CORPUS = {
            "0", "-0", "+0", "0.0", "-0.000", "00012.5000", "-007", ".5", "5.", "-.25", "+3", "0.0123", "-0.0201",
            "1e3", "1E3", "1e+3", "1e-3", "-2.5e-7", "12.5E+02", "1e22", "1e23", "1e-22", "1e-23", "123456789e-30",
            "9007199254740992", "9007199254740993", "1234567890123456", "12345678901234567", "0.12345678901234567890",
            "123456789012345678901234", "0.000000000000000000000000001", "4.9e-324", "1.7976931348623157e308",
            "1e999", "-1e999", "1e-999", "0e999", " 1.5 ", "\t-2\r",
            "", " ", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-", "1.2.3", "--1", "1-", "0x10", "1,5", "NaN",
            "Infinity", "1 2", "1e5.5", "1d", "1f", "١"
    };

    @Test
    void shouldParseBytesAsItParsesChars() {
        for (String text : CORPUS) {
            char[] chars = text.toCharArray();
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(Double.valueOf(DecimalParser.parse(chars, 0, chars.length)),
                    Double.valueOf(DecimalParser.parse(bytes, 0, bytes.length)), text);
        }
    }

    @Test
    void shouldParseEveryFiniteNumberOfTheCorpusAsTheJdkDoes() {
        for (String text : CORPUS) {
            double jdk;
            try {
                jdk = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                continue;
            }
            if (Double.isFinite(jdk) && !text.strip().startsWith("N") && !text.contains("d") && !text.contains("f")) {
                assertEquals(Double.valueOf(jdk), Double.valueOf(DecimalParser.parse(text)), text);
            }
        }
    }

    @Test
    void shouldParseSixteenDigitsAndMoreExactly() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(r.nextBoolean() ? "-" : "");
            int digits = 16 + r.nextInt(10);
            int point = r.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                text.append(d == point ? "." : "").append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                text.append('e').append(r.nextInt(60) - 30);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(Double.parseDouble(text.toString()), DecimalParser.parse(bytes, 0, bytes.length), 0.0,
                    text.toString());
        }
    }

    @Test
    void shouldRejectEveryByteAboveAsciiInsideANumber() {
        for (int b = 0x80; b <= 0xFF; b++) {
            byte[] bytes = {'1', '.', (byte) b, '5'};
            assertTrue(Double.isNaN(DecimalParser.parse(bytes, 0, bytes.length)), "byte " + b);
        }
    }

    @Test
    void shouldScanANumberUpToTheFirstByteThatCannotContinueIt() {
        DecimalParser.Cursor stop = new DecimalParser.Cursor();
        byte[] line = "12.5e3,-0.25\r\n7x,1e,".getBytes(StandardCharsets.US_ASCII);
        assertEquals(12500.0, DecimalParser.scan(line, 0, line.length, stop), 0.0);
        assertEquals(6, stop.end());
        assertEquals(-0.25, DecimalParser.scan(line, 7, line.length, stop), 0.0);
        assertEquals(12, stop.end());
        assertEquals(7.0, DecimalParser.scan(line, 14, line.length, stop), 0.0);
        assertEquals(15, stop.end());
        assertTrue(Double.isNaN(DecimalParser.scan(line, 17, line.length, stop)), "an 'e' without digits");
        assertTrue(Double.isNaN(DecimalParser.scan(line, 6, line.length, stop)), "no number at a comma");
    }

    @Test
    void shouldScanNoFurtherThanTheEndItIsGiven() {
        DecimalParser.Cursor stop = new DecimalParser.Cursor();
        byte[] text = "0.125".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0.12, DecimalParser.scan(text, 0, 4, stop), 0.0);
        assertEquals(4, stop.end());
        assertNotEquals(0.125, DecimalParser.parse(text, 0, 4));
    }
}
