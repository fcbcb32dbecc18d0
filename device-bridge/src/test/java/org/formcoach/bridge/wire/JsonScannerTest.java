package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the scanner's numbers and short strings stop. Through the decoder a number or a
 * string cut by the end of the range only ever shows as a malformed message, so these check
 * on the scanner itself that nothing past the range is taken (the short strings are read
 * eight bytes at a time, some of them past it).
 */
class JsonScannerTest {
    private final JsonScanner scanner = new JsonScanner();

    @Test
    void shouldReadDigitRunsOfEveryLengthAsTheirValue() throws JsonScanner.Malformed {
        String digits = "98765432109876543";
        for (int length = 1; length <= digits.length(); length++) {
            for (String tail : new String[] {"", ",", "]", "x", "\u00e9"}) {
                String number = digits.substring(0, length);
                byte[] bytes = (number + tail).getBytes(StandardCharsets.UTF_8);
                scanner.reset(bytes, 0, bytes.length);
                assertEquals(Double.parseDouble(number), scanner.number(), number + tail);
                assertEquals(tail.isEmpty() ? -1 : bytes[length] & 0xFF, scanner.peek(), "stopped after " + number);
            }
        }
    }

    @Test
    void shouldStopANumberAtTheEndOfItsRangeThoughTheArrayHasMoreDigits() throws JsonScanner.Malformed {
        byte[] bytes = "0.12345678901234567".getBytes(StandardCharsets.US_ASCII);
        for (int end = 3; end <= bytes.length; end++) {
            scanner.reset(bytes, 0, end);
            assertEquals(Double.parseDouble(new String(bytes, 0, end, StandardCharsets.US_ASCII)), scanner.number(),
                    "range of " + end);
            assertEquals(-1, scanner.peek());
        }
    }

    @Test
    void shouldCodeAShortPlainStringAsItsBytes() {
        for (String s : new String[] {"", "t", "seq", "sacrum", "t0_us", "g_unit", "deg/s", "12345678"}) {
            byte[] bytes = ("\"" + s + "\":").getBytes(StandardCharsets.US_ASCII);
            byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 8);
            scanner.reset(padded, 0, bytes.length);
            assertEquals(JsonScanner.codeOf(s), scanner.shortString(), s);
            assertEquals(':', scanner.peek(), "after " + s);
            assertEquals(s, JsonScanner.stringOf(JsonScanner.codeOf(s)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "a\\u0062", "caf\u00e9", "\\\""})
    void shouldLeaveAStringWithoutACodeUnreadForTheLongWay(String s) throws JsonScanner.Malformed {
        byte[] bytes = ("\"" + s + "\":1, \"padding to eight\"").getBytes(StandardCharsets.UTF_8);
        scanner.reset(bytes, 0, bytes.length);
        assertEquals(JsonScanner.NOT_SHORT, scanner.shortString(), s);
        assertEquals('"', scanner.peek(), "nothing consumed");
        scanner.string();
        assertEquals(':', scanner.peek(), "the long way reads all of it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "x\u0001", "\u001f"})
    void shouldLeaveAnUnescapedControlCharacterToTheLongWayWhichRefusesIt(String s) {
        byte[] bytes = ("\"" + s + "\":1, \"padding to eight\"").getBytes(StandardCharsets.UTF_8);
        scanner.reset(bytes, 0, bytes.length);
        assertEquals(JsonScanner.NOT_SHORT, scanner.shortString(), s);
        assertThrows(JsonScanner.Malformed.class, scanner::string);
    }

    @Test
    void shouldNotTakeAQuotePastTheEndOfTheRangeAsTheStringsEnd() {
        byte[] bytes = "\"sacrum\"    ".getBytes(StandardCharsets.US_ASCII);
        for (int end = 1; end <= 7; end++) {
            scanner.reset(bytes, 0, end);
            assertEquals(JsonScanner.NOT_SHORT, scanner.shortString(), "range of " + end);
            assertThrows(JsonScanner.Malformed.class, scanner::string, "range of " + end);
        }
        byte[] eight = "\"abcdefgh\"        ".getBytes(StandardCharsets.US_ASCII);
        scanner.reset(eight, 0, 9);
        assertEquals(JsonScanner.NOT_SHORT, scanner.shortString(), "an eight-byte string whose quote is past the range");
    }

    @Test
    void shouldGiveNoCodeForAnEscapedNulSoThatItCannotPassForAShorterName() throws JsonScanner.Malformed {
        byte[] bytes = "\"t\\u0000\"".getBytes(StandardCharsets.US_ASCII);
        scanner.reset(bytes, 0, bytes.length);
        scanner.string();
        assertEquals(JsonScanner.NOT_SHORT, scanner.textCode());
        assertEquals(JsonScanner.NOT_SHORT, JsonScanner.codeOf("t\u0000"));
    }
}
