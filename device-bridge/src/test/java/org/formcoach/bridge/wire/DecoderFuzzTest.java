package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing of every decoder: random bytes, valid streams with mutations
 * (bit flips, dropped, inserted and duplicated bytes, cuts) — no exception escapes, every
 * unit ends in exactly one outcome, and what reaches the sink is what the counters say.
 */
class DecoderFuzzTest {

    // ----- binary -----

    @Property(tries = 300)
    void shouldCountEveryBinaryFrameOfRandomBytesOnce(@ForAll @Size(max = 3000) byte[] bytes,
                                                      @ForAll @IntRange(min = 1, max = 64) int chunk) {
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        BinaryFrameDecoder d = new BinaryFrameDecoder(counters, out);
        feedInChunks(bytes, chunk, (b, from, to) -> d.feed(b, from, to, 0));
        assertEquals(expectedFrames(bytes, BinaryProtocol.MAX_ENCODED_LENGTH, (byte) 0, false), counters.total());
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
    }

    @Property(tries = 300)
    void shouldSurviveMutatedValidBinaryStreams(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 8) int mutations) {
        Random r = new Random(seed);
        byte[] valid = validBinaryStream(r, 40);
        byte[] mutated = mutate(valid, r, mutations);
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        BinaryFrameDecoder d = new BinaryFrameDecoder(counters, out);
        feedInChunks(mutated, 1 + r.nextInt(50), (b, from, to) -> d.feed(b, from, to, 0));
        assertEquals(expectedFrames(mutated, BinaryProtocol.MAX_ENCODED_LENGTH, (byte) 0, false), counters.total());
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        if (mutations == 0) {
            assertEquals(40, counters.get(Outcome.SAMPLE) + counters.get(Outcome.HELLO), "an intact stream decodes whole");
        } else {
            assertTrue(counters.get(Outcome.SAMPLE) + counters.get(Outcome.HELLO) >= 40 - 3L * mutations,
                    "each mutation costs a few frames at most");
        }
    }

    // ----- text -----

    @Property(tries = 300)
    void shouldCountEveryTextLineOfRandomBytesOnce(@ForAll("textish") byte[] bytes,
                                                   @ForAll @IntRange(min = 1, max = 64) int chunk) {
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        TextLineDecoder d = new TextLineDecoder(TextFormat.defaults(), counters, out);
        feedInChunks(bytes, chunk, (b, from, to) -> d.feed(b, from, to, 0));
        assertEquals(expectedFrames(bytes, TextFormat.MAX_LINE_LENGTH, (byte) '\n', true), counters.total());
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
    }

    @Property(tries = 300)
    void shouldSurviveMutatedValidTextStreams(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 8) int mutations) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("time_s,sensor,ax,ay,az,gx,gy,gz\n");
        for (int i = 0; i < 40; i++) {
            s.append(i * 0.01).append(",sacrum,").append(r.nextGaussian() * 0.1).append(',').append(r.nextGaussian() * 0.1)
                    .append(",0.98,").append(r.nextGaussian()).append(",0.5,-0.25\n");
        }
        byte[] mutated = mutate(s.toString().getBytes(StandardCharsets.US_ASCII), r, mutations);
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        TextLineDecoder d = new TextLineDecoder(TextFormat.defaults(), counters, out);
        feedInChunks(mutated, 1 + r.nextInt(50), (b, from, to) -> d.feed(b, from, to, 0));
        assertEquals(expectedFrames(mutated, TextFormat.MAX_LINE_LENGTH, (byte) '\n', true), counters.total());
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        if (mutations == 0) {
            assertEquals(40, out.samples.size());
        }
    }

    // ----- JSON -----

    @Property(tries = 300)
    void shouldSurviveRandomJsonPayloads(@ForAll("jsonish") byte[] bytes) {
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        new JsonSampleDecoder(counters, out).decode(bytes, 0, bytes.length, 0);
        assertTrue(counters.total() >= 1, "every payload is accounted for");
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
    }

    @Property(tries = 300)
    void shouldSurviveMutatedValidJsonBatches(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 6) int mutations) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            s.append(i == 0 ? "" : ",").append("{\"t\":").append(i * 0.01).append(",\"sensor\":\"lumbar\",\"a\":[0,")
                    .append(r.nextGaussian() * 0.1).append(",1],\"g\":[").append(r.nextGaussian()).append(",0,0]}");
        }
        byte[] mutated = mutate(s.append(']').toString().getBytes(StandardCharsets.US_ASCII), r, mutations);
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        new JsonSampleDecoder(counters, out).decode(mutated, 0, mutated.length, 0);
        assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        assertTrue(counters.total() >= 1);
        if (mutations == 0) {
            assertEquals(10, out.samples.size());
            assertEquals(10, counters.total());
        }
    }

    // ----- helpers -----

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<byte[]> textish() {
        Arbitrary<Byte> alphabet = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of((byte) '0', (byte) '1', (byte) '9', (byte) '.', (byte) '-')),
                net.jqwik.api.Tuple.of(4, Arbitraries.of((byte) ',', (byte) '\t', (byte) ' ')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((byte) '\n', (byte) '\r', (byte) '#', (byte) 'e', (byte) 'N')),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return alphabet.array(byte[].class).ofMaxSize(3000);
    }

    @Provide
    Arbitrary<byte[]> jsonish() {
        Arbitrary<Byte> alphabet = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) ',',
                        (byte) ':', (byte) '"')),
                net.jqwik.api.Tuple.of(6, Arbitraries.of((byte) 't', (byte) 'a', (byte) 'g', (byte) '0', (byte) '1',
                        (byte) '.', (byte) 'e', (byte) '-')),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return alphabet.array(byte[].class).ofMaxSize(500);
    }

    /**
     * Units a stream holds: each run of bytes up to a delimiter counts once if terminated and
     * not blank; a run past the limit counts once (when it overflows) whether terminated or not.
     */
    static long expectedFrames(byte[] bytes, int limit, byte delimiter, boolean text) {
        long n = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            boolean end = i == bytes.length;
            if (end || bytes[i] == delimiter) {
                int len = i - start;
                if (len > limit) {
                    n++;
                } else if (!end && len > 0 && (!text || !blank(bytes, start, i))) {
                    n++;
                }
                start = i + 1;
            }
        }
        return n;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            char ch = c < 0x80 ? (char) c : '\uFFFD';
            if (ch > ' ') {
                return false;
            }
        }
        return true;
    }

    private static byte[] validBinaryStream(Random r, int frames) {
        BinaryProtocol.Writer w = new BinaryProtocol.Writer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            byte[] f = i % 10 == 0
                    ? w.hello(r.nextInt(3), 8, 1000, 0, 100, "dev-" + r.nextInt(1000)).toFrame()
                    : w.imu(r.nextInt(3), i, i * 10_000L, (short) r.nextInt(), (short) r.nextInt(), (short) r.nextInt(),
                    (short) r.nextInt(), (short) r.nextInt(), (short) r.nextInt()).toFrame();
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** Bit flips, dropped, inserted and duplicated bytes, a cut at the end. */
    static byte[] mutate(byte[] in, Random r, int mutations) {
        byte[] b = in.clone();
        for (int m = 0; m < mutations && b.length > 1; m++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b = concat(java.util.Arrays.copyOfRange(b, 0, at), java.util.Arrays.copyOfRange(b, at + 1, b.length));
                case 2 -> b = concat(concat(java.util.Arrays.copyOfRange(b, 0, at), new byte[]{(byte) r.nextInt()}),
                        java.util.Arrays.copyOfRange(b, at, b.length));
                case 3 -> b = concat(java.util.Arrays.copyOfRange(b, 0, at + 1), java.util.Arrays.copyOfRange(b, at, b.length));
                default -> b = java.util.Arrays.copyOfRange(b, 0, b.length - 1 - r.nextInt(Math.min(5, b.length - 1)));
            }
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    interface Feeder {
        void feed(byte[] b, int from, int to);
    }

    static void feedInChunks(byte[] bytes, int chunk, Feeder f) {
        for (int i = 0; i < bytes.length; i += chunk) {
            f.feed(bytes, i, Math.min(bytes.length, i + chunk));
        }
    }

    static List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }
}
