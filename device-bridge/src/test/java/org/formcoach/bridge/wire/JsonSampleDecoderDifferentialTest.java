package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.formcoach.engine.sample.Sample;

/**
 * The allocation-free JSON decoder must read every payload exactly as the Jackson-based one
 * it replaced ({@link JacksonSampleDecoder}): the same samples, bit for bit, with the same
 * sequence numbers, and the same count for every outcome. Payloads: the grammar's corners
 * one by one, then well-formed messages of every shape with random mutations, then random
 * JSON-ish bytes.
 */
class JsonSampleDecoderDifferentialTest {
    private static final int TRIES = 3000;

    /** Corners of the grammar and of the sample fields, each a whole payload. */
    static Stream<String> corners() {
        String one = "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]}";
        return Stream.of(
                "", " ", "{}", "[]", "[{}]", "null", "5", "\"x\"", "true", "{\"t\":1", one + " ", one + one,
                one + "x", "[" + one + "," + one + "]", "[" + one + ",]", "[" + one + " " + one + "]",
                "\uFEFF" + one, "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],}", "{,}", "{\"t\" 1}", "{\"t\":1 \"a\":[]}",
                "{'t':1}", "{t:1}", "{\"t\":01,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":-0,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1.,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":.5,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":+1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1e,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1E+2,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1e-2,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":-,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":NaN,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":Infinity,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1e999,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":-1e999,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1e-999,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":123456789012345678901234567890,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":0.1234567890123456789012345,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":null,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":true,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":\"1\",\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":[1],\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a\":[0,0,1,2],\"g\":[0,0,0]}", "{\"t\":1,\"a\":[],\"g\":[0,0,0]}",
                "{\"t\":1,\"a\":[0,null,1],\"g\":[0,0,0]}", "{\"t\":1,\"a\":[0,[1],1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a\":{},\"g\":[0,0,0]}", "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"m\":[1,2]}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"m\":[1,2,3]}", "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"m\":\"x\"}",
                "{\"\\u0074\":1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\\u0030\":1,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"\\q\"}", "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"\\u12G4\"}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"tab\there\"}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"caf\u00e9 \u20ac \uD83D\uDE00\"}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":tru}", "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":falsey}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":[true,false,null,{\"y\":[[]]}]}",
                "{\"t\":1,\"sensor\":\"SACRUM\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"sensor\":\"thoracolumbar\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"sensor\":\"s\\u0061crum\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"sensor\":5,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"sensor\":[\"sacrum\"],\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"sensor\":\"" + "x".repeat(200) + "\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"" + "k".repeat(100) + "\":1,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"seq\":-1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"seq\":1.5,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"seq\":9e15,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"seq\":\"7\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t_us\":4294967295,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t_us\":1.5,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t_us\":-1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t_us\":1e999,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a_unit\":\"m/s\u00b2\",\"g_unit\":\"\u00b0/s\",\"a\":[0,0,9.80665],\"g\":[0,0,1]}",
                "{\"t\":1,\"a_unit\":\"M/S2 \",\"g_unit\":\"RAD/S\",\"a\":[0,0,9.80665],\"g\":[0,0,1]}",
                "{\"t\":1,\"a_unit\":\"furlong\",\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"g_unit\":7,\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a_unit\":[\"g\"],\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t\":1,\"a_unit\":\"" + "g".repeat(80) + "\",\"a\":[0,0,1],\"g\":[0,0,0]}",
                "{\"t0\":1,\"rows\":[[0,0,0,1,0,0,0],[0.01,0,0,1,0,0,0,20,0,-40]]}",
                "{\"t0\":1,\"rows\":[[0,0,0,1,0,0],[0.01,0,0,1,0,0,0,1,2],[],{},5,\"r\",[0,0,0,1,0,0,0]]}",
                "{\"t0\":1,\"rows\":[[0,0,0,1,0,0,\"x\"],[0,0,0,1,0,0,[1]],[0,0,0,1,0,0,null]]}",
                "{\"t0\":1,\"rows\":[]}", "{\"t0\":1,\"rows\":{}}", "{\"t0\":1,\"rows\":\"x\"}", "{\"rows\":[[0,0,0,1,0,0,0]]}",
                "{\"t0_us\":4294967000,\"seq0\":4,\"rows\":[[0,0,0,1,0,0,0],[1000,0,0,1,0,0,0]]}",
                "{\"t0\":1,\"sensor\":\"knee\",\"rows\":[[0,0,0,1,0,0,0]]}", "{\"t0\":1,\"seq0\":-2,\"rows\":[[0,0,0,1,0,0,0]]}",
                "{\"t0\":1,\"rows\":[[0,0,0,1,0,0,0]],\"t\":5}", "{\"t0\":1,\"rows\":[[0,0,0,1,0,0,0]],\"x\":}",
                "[5, \"s\", [1], " + one + "]", "[\"bad\u0001\", " + one + "]", "[[1,x], " + one + "]",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"\u0001\"}", nested(1000), nested(1001),
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":1" + "0".repeat(1000) + "}",
                "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":1" + "0".repeat(998) + "}");
    }

    private static String nested(int depth) {
        return "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @ParameterizedTest
    @MethodSource("corners")
    void shouldReadEveryCornerOfTheGrammarAsJacksonDid(String payload) {
        assertSameReading(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadInvalidUtf8InAStringAsJacksonDid() {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC3, 'x'}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x80},
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xFF}};
        for (byte[] inside : bad) {
            byte[] head = "[{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]},{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\"}]".getBytes(StandardCharsets.US_ASCII);
            assertSameReading(DecoderFuzzTest.concat(DecoderFuzzTest.concat(head, inside), tail));
        }
    }

    @Test
    void shouldReadMutatedMessagesOfEveryShapeAsJacksonDid() {
        DecoderFuzzTest.forAllSeeds((r, seed) -> {
            byte[] valid = message(r).getBytes(StandardCharsets.UTF_8);
            assertSameReading(DecoderFuzzTest.mutate(valid, r, r.nextInt(4)));
        });
    }

    @Test
    void shouldReadRandomJsonLikeBytesAsJacksonDid() {
        for (long seed = 1; seed <= TRIES; seed++) {
            Random r = new Random(seed * 0x2545F4914F6CDD1DL);
            assertSameReading(DecoderFuzzTest.alphabetBytes(r, 200, DecoderFuzzTest.JSON_LIKELY,
                    "\\ \"samtrunlfg[]{}".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /**
     * One sample object written compactly, the message the decoder reads the quick way,
     * with numbers of every form and mutations: the quick way must read exactly what Jackson
     * did or leave the message to the general reader. Most of the unmutated ones must take it.
     */
    @Test
    void shouldReadCompactSampleObjectsTheQuickWayAsJacksonDid() {
        long quick = 0;
        long tries = 0;
        for (long seed = 1; seed <= TRIES; seed++) {
            Random r = new Random(seed * 0x9E3779B97F4A7C15L);
            byte[] payload = compactSampleObject(r).getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(3) == 0) {
                payload = DecoderFuzzTest.mutate(payload, r, 1 + r.nextInt(3));
            } else {
                tries++;
                JsonSampleDecoder decoder = new JsonSampleDecoder(new WireCounters(), new Recorder());
                decoder.decode(payload, 0, payload.length, 7);
                quick += decoder.compactReads();
            }
            assertSameReading(payload);
        }
        assertTrue(quick > tries / 2, quick + " of " + tries + " read the quick way");
    }

    /** A sample object as firmware writes it compactly: plain decimals mostly, now and then anything else. */
    private static String compactSampleObject(Random r) {
        List<String> members = new ArrayList<>();
        members.add((r.nextInt(8) == 0 ? "\"t_us\":" : "\"t\":") + plainNumber(r));
        members.add("\"a\":[" + plainNumber(r) + "," + plainNumber(r) + "," + plainNumber(r) + "]");
        members.add("\"g\":[" + plainNumber(r) + "," + plainNumber(r) + "," + plainNumber(r) + "]");
        if (r.nextInt(4) == 0) {
            members.add("\"m\":[" + plainNumber(r) + "," + plainNumber(r) + "," + plainNumber(r) + "]");
        }
        if (r.nextBoolean()) {
            members.add("\"seq\":" + (r.nextInt(10) == 0 ? plainNumber(r) : Integer.toString(r.nextInt(100_000))));
        }
        if (r.nextBoolean()) {
            members.add("\"sensor\":\"" + (r.nextInt(10) == 0 ? "Lumbar" : r.nextBoolean() ? "sacrum" : "lumbar") + "\"");
        }
        if (r.nextInt(10) == 0) {
            members.add("\"a_unit\":\"" + (r.nextBoolean() ? "m/s2" : "g") + "\"");
        }
        if (r.nextInt(10) == 0) {
            members.add("\"g_unit\":\"" + (r.nextBoolean() ? "rad/s" : "deg/s") + "\"");
        }
        if (r.nextInt(20) == 0) {
            members.add(members.get(r.nextInt(members.size())));
        }
        java.util.Collections.shuffle(members, r);
        return "{" + String.join(",", members) + "}";
    }

    /** A reading as compact firmware prints it: 0 to 9 decimals; one in twenty in another form. */
    private static String plainNumber(Random r) {
        double v = r.nextGaussian() * (r.nextBoolean() ? 1 : 300);
        return r.nextInt(20) == 0 ? number(r) : String.format(java.util.Locale.ROOT, "%." + r.nextInt(10) + "f", v);
    }

    /** A well-formed message: one sample, an array of samples, or a compact batch, with the optional keys at random. */
    private static String message(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> sampleObject(r);
            case 1 -> {
                StringBuilder s = new StringBuilder("[");
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append(sampleObject(r));
                }
                yield s.append(']').toString();
            }
            default -> {
                boolean micros = r.nextBoolean();
                StringBuilder s = new StringBuilder("{");
                s.append(micros ? "\"t0_us\":" + r.nextInt(1 << 30) : "\"t0\":" + r.nextInt(100) * 0.01);
                if (r.nextBoolean()) {
                    s.append(",\"seq0\":").append(r.nextInt(1000));
                }
                if (r.nextBoolean()) {
                    s.append(",\"sensor\":\"").append(r.nextBoolean() ? "sacrum" : "lumbar").append('"');
                }
                units(r, s);
                s.append(",\"rows\":[");
                int n = 1 + r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "[" : ",[").append(micros ? i * 10_000 : i * 0.01);
                    int values = r.nextBoolean() ? 6 : 9;
                    for (int k = 0; k < values; k++) {
                        s.append(',').append(number(r));
                    }
                    s.append(']');
                }
                yield s.append("]}").toString();
            }
        };
    }

    private static String sampleObject(Random r) {
        List<String> members = new ArrayList<>();
        members.add(r.nextBoolean() ? "\"t\":" + r.nextInt(1000) * 0.01 : "\"t_us\":" + r.nextInt(1 << 30));
        members.add("\"a\":[" + number(r) + "," + number(r) + "," + number(r) + "]");
        members.add("\"g\":[" + number(r) + "," + number(r) + "," + number(r) + "]");
        if (r.nextBoolean()) {
            members.add("\"m\":[" + number(r) + "," + number(r) + "," + number(r) + "]");
        }
        if (r.nextBoolean()) {
            members.add("\"seq\":" + r.nextInt(100_000));
        }
        if (r.nextBoolean()) {
            members.add("\"sensor\":\"" + (r.nextBoolean() ? "sacrum" : "thoracolumbar") + "\"");
        }
        if (r.nextInt(4) == 0) {
            members.add("\"temp\":{\"c\":[21.5,\"x\\u00e9\",true,null]}");
        }
        java.util.Collections.shuffle(members, r);
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < members.size(); i++) {
            s.append(i == 0 ? "" : r.nextBoolean() ? "," : " ,\n ").append(members.get(i));
        }
        units(r, s);
        return s.append('}').toString();
    }

    private static void units(Random r, StringBuilder s) {
        if (r.nextInt(3) == 0) {
            s.append(",\"a_unit\":\"").append(r.nextBoolean() ? "m/s2" : "g").append('"');
        }
        if (r.nextInt(3) == 0) {
            s.append(",\"g_unit\":\"").append(r.nextBoolean() ? "rad/s" : "deg/s").append('"');
        }
    }

    /** A reading as firmware prints it: a few decimals, sometimes an exponent. */
    private static String number(Random r) {
        double v = r.nextGaussian() * (r.nextBoolean() ? 1 : 200);
        return switch (r.nextInt(4)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(java.util.Locale.ROOT, "%.4f", v);
            case 2 -> String.format(java.util.Locale.ROOT, "%.3e", v);
            default -> Integer.toString((int) v);
        };
    }

    /**
     * Numbers of every length, in the integer and the fraction part, so that the eight-at-a-time
     * digit reading meets runs of 1 to 20 digits at every alignment (the last byte of the
     * array included: the reading is also done inside a larger array, see below).
     */
    static Stream<String> numbersOfEveryLength() {
        List<String> payloads = new ArrayList<>();
        String digits = "12345678901234567890";
        for (int whole = 1; whole <= 20; whole++) {
            for (int fraction = 0; fraction <= 20; fraction += fraction < 10 ? 1 : 5) {
                String n = digits.substring(0, whole) + (fraction == 0 ? "" : "." + "9081726354".repeat(2).substring(0, fraction));
                payloads.add("{\"t\":" + n + ",\"a\":[-" + n + ",0.0" + n.replace(".", "") + "," + n + "e-3],\"g\":[0,0," + n + "]}");
            }
        }
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0.000000000000000000001]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,99999999]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,100000000]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,9007199254740993]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,-0.00000000]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,1.2345678a]}");
        payloads.add("{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,1.2345678\u00e9]}");
        return payloads.stream();
    }

    @ParameterizedTest
    @MethodSource("numbersOfEveryLength")
    void shouldReadNumbersOfEveryLengthAsJacksonDid(String payload) {
        assertSameReading(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keys, placements and units of every length around the 8 bytes read at once, with a
     * quote, a backslash, a control character or a non-ASCII char at every place in them,
     * and in every case.
     */
    static Stream<String> shortStrings() {
        List<String> payloads = new ArrayList<>();
        String[] breakers = {"\\\"", "\\\\", "\\u0061", "\\u0000", "\u0001", "\u00e9", "\t", "x"};
        String[] words = {"sacrum", "lumbar", "sensor", "t_us", "t0_us", "seq0", "a_unit", "g_unit", "rad/s", "m/s2"};
        for (String word : words) {
            String padded = (word + "abcdefghij").substring(0, 10);
            for (int length = 0; length <= 10; length++) {
                String w = padded.substring(0, length);
                payloads.add(shortStringPayload(w));
                for (int at = 0; at < length; at++) {
                    for (String b : breakers) {
                        payloads.add(shortStringPayload(w.substring(0, at) + b + w.substring(at + 1)));
                    }
                }
            }
            payloads.add(shortStringPayload(word.toUpperCase(java.util.Locale.ROOT)));
            payloads.add(shortStringPayload(word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1)));
            payloads.add(shortStringPayload(word.replace('a', '@').replace('u', 'U')));
        }
        payloads.add(shortStringPayload("lumbar\\u0000"));
        payloads.add(shortStringPayload("THORACOLUMBAR"));
        payloads.add(shortStringPayload("sacru\u212A"));
        return payloads.stream();
    }

    /** The word as a key, as the sensor, and as both units, in one sample object. */
    private static String shortStringPayload(String word) {
        return "[{\"" + word + "\":1,\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]},{\"t\":1,\"sensor\":\"" + word
                + "\",\"a\":[0,0,1],\"g\":[0,0,0]},{\"t\":1,\"a_unit\":\"" + word + "\",\"g_unit\":\"" + word
                + "\",\"a\":[0,0,1],\"g\":[0,0,0]},{\"" + word + "\":[1,2,3],\"" + word + "\":\"" + word + "\"}]";
    }

    @Test
    void shouldReadShortStringsOfEveryLengthAndBreakAsJacksonDid() {
        shortStrings().forEach(payload -> assertSameReading(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** What sits around a payload in a larger buffer: digits and quotes that must not be read as part of it. */
    private static final byte[] BEFORE = "\"9999\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = "1234567890\"sacrum\":1}\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Holds the decoder to Jackson on the payload as its own array and as a range inside a
     * larger one whose bytes around it would change the reading if read (the decoder reads
     * eight bytes at a time, some of them past the range).
     */
    private static void assertSameReading(byte[] payload) {
        WireCounters expectedCounts = new WireCounters();
        Recorder expected = new Recorder();
        new JacksonSampleDecoder(expectedCounts, expected).decode(payload, 0, payload.length, 7);
        String shown = new String(payload, StandardCharsets.UTF_8);
        String where = shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
        byte[] framed = DecoderFuzzTest.concat(DecoderFuzzTest.concat(BEFORE, payload), AFTER);
        for (boolean inLargerArray : new boolean[] {false, true}) {
            WireCounters actualCounts = new WireCounters();
            Recorder actual = new Recorder();
            if (inLargerArray) {
                new JsonSampleDecoder(actualCounts, actual).decode(framed, BEFORE.length, BEFORE.length + payload.length, 7);
            } else {
                new JsonSampleDecoder(actualCounts, actual).decode(payload, 0, payload.length, 7);
            }
            String how = (inLargerArray ? " (inside a larger array)" : "") + " for " + where;
            for (Outcome o : Outcome.values()) {
                assertEquals(expectedCounts.get(o), actualCounts.get(o), o + " count" + how);
            }
            assertEquals(describe(expected), describe(actual), "samples" + how);
        }
    }

    private static List<String> describe(Recorder r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.samples.size(); i++) {
            Sample s = r.samples.get(i);
            out.add(s + " mag=" + s.hasMag + " " + s.mx + "," + s.my + "," + s.mz
                    + " seq=" + r.sequences.get(i) + " rx=" + s.receiveNanos);
        }
        return out;
    }
}
