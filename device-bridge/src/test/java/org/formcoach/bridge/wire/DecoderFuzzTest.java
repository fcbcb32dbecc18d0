package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Randomised fuzzing of every decoder: random bytes, valid streams with mutations (bit
 * flips, dropped, inserted and duplicated bytes, cuts) — no exception escapes, every unit
 * ends in exactly one outcome, and what reaches the sink is what the counters say. Each
 * property runs {@value #TRIES} seeded cases plus the edge cases (empty, one byte, the
 * size limit); a failure names its seed, so it can be replayed.
 */
class DecoderFuzzTest {
    static final int TRIES = 300;

    interface Case {
        void run(Random r, long seed);
    }

    /** Runs the property for every seed; the seed is in the failure message. */
    static void forAllSeeds(Case c) {
        for (long seed = 1; seed <= TRIES; seed++) {
            try {
                c.run(new Random(seed * 0x9E3779B97F4A7C15L), seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /** Random bytes of a random length up to max, with the empty and one-byte arrays first. */
    static byte[] randomBytes(Random r, long seed, int max) {
        if (seed == 1) {
            return new byte[0];
        }
        if (seed == 2) {
            return new byte[]{(byte) r.nextInt()};
        }
        byte[] b = new byte[seed == 3 ? max : r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** Bytes drawn mostly from an alphabet, sometimes any byte. */
    static byte[] alphabetBytes(Random r, int max, byte[] likely, byte[] sometimes) {
        byte[] b = new byte[r.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            int pick = r.nextInt(10);
            b[i] = pick < 7 ? likely[r.nextInt(likely.length)]
                    : pick < 9 ? sometimes[r.nextInt(sometimes.length)] : (byte) r.nextInt();
        }
        return b;
    }

    static final byte[] TEXT_LIKELY = "0199.-,,\t ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TEXT_SOMETIMES = "\n\r#eN".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JSON_LIKELY = "{}[],:\"tag01.e-".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JSON_SOMETIMES = " \"sa".getBytes(StandardCharsets.US_ASCII);

    // ----- binary -----

    @Test
    void shouldCountEveryBinaryFrameOfRandomBytesOnce() {
        forAllSeeds((r, seed) -> {
            byte[] bytes = randomBytes(r, seed, 3000);
            int chunk = 1 + r.nextInt(64);
            WireCounters counters = new WireCounters();
            Recorder out = new Recorder();
            BinaryFrameDecoder d = new BinaryFrameDecoder(counters, out);
            feedInChunks(bytes, chunk, (b, from, to) -> d.feed(b, from, to, 0));
            assertEquals(expectedFrames(bytes, BinaryProtocol.MAX_ENCODED_LENGTH, (byte) 0, false), counters.total());
            assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        });
    }

    @Test
    void shouldSurviveMutatedValidBinaryStreams() {
        forAllSeeds((r, seed) -> {
            int mutations = r.nextInt(9);
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
        });
    }

    // ----- text -----

    @Test
    void shouldCountEveryTextLineOfRandomBytesOnce() {
        forAllSeeds((r, seed) -> {
            byte[] bytes = seed <= 3 ? randomBytes(r, seed, 3000) : alphabetBytes(r, 3000, TEXT_LIKELY, TEXT_SOMETIMES);
            int chunk = 1 + r.nextInt(64);
            WireCounters counters = new WireCounters();
            Recorder out = new Recorder();
            TextLineDecoder d = new TextLineDecoder(TextFormat.defaults(), counters, out);
            feedInChunks(bytes, chunk, (b, from, to) -> d.feed(b, from, to, 0));
            assertEquals(expectedFrames(bytes, TextFormat.MAX_LINE_LENGTH, (byte) '\n', true), counters.total());
            assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        });
    }

    @Test
    void shouldSurviveMutatedValidTextStreams() {
        forAllSeeds((r, seed) -> {
            int mutations = r.nextInt(9);
            StringBuilder s = new StringBuilder("time_s,sensor,ax,ay,az,gx,gy,gz\n");
            for (int i = 0; i < 40; i++) {
                s.append(i * 0.01).append(",sacrum,").append(r.nextGaussian() * 0.1).append(',')
                        .append(r.nextGaussian() * 0.1).append(",0.98,").append(r.nextGaussian()).append(",0.5,-0.25\n");
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
        });
    }

    // ----- JSON -----

    @Test
    void shouldSurviveRandomJsonPayloads() {
        forAllSeeds((r, seed) -> {
            byte[] bytes = seed <= 3 ? randomBytes(r, seed, 500) : alphabetBytes(r, 500, JSON_LIKELY, JSON_SOMETIMES);
            WireCounters counters = new WireCounters();
            Recorder out = new Recorder();
            new JsonSampleDecoder(counters, out).decode(bytes, 0, bytes.length, 0);
            assertTrue(counters.total() >= 1, "every payload is accounted for");
            assertEquals(counters.get(Outcome.SAMPLE), out.samples.size());
        });
    }

    @Test
    void shouldSurviveMutatedValidJsonBatches() {
        forAllSeeds((r, seed) -> {
            int mutations = r.nextInt(7);
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
        });
    }

    // ----- helpers -----

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

    static byte[] concat(byte[] a, byte[] b) {
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
