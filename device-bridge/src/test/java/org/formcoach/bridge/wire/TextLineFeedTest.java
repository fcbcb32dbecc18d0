package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.formcoach.engine.sample.Sample;

/**
 * The text decoder reads a line straight from the bytes it is fed when the whole line is
 * there, carries an unfinished line over to the next feed, and decodes common lines in a
 * fast pass that leaves everything else to the full path. None of that may change what a
 * stream decodes to.
 */
class TextLineFeedTest {
    private static final TextFormat SENSOR_COLUMNS =
            TextFormat.defaults().withColumns(TextColumn.parseList("time_s,sensor,ax,ay,az,gx,gy,gz,_"));

    /** What a decoder made of its input: every counter and every sample it passed on. */
    private record Decoded(List<Long> counters, List<String> samples) {
    }

    private static final class Run {
        final WireCounters counters = new WireCounters();
        final Recorder out = new Recorder();
        final TextLineDecoder decoder;

        Run(TextFormat format) {
            decoder = new TextLineDecoder(format, counters, out);
        }

        void feed(byte[] bytes, int from, int to) {
            decoder.feed(bytes, from, to, 7);
        }

        Decoded decoded() {
            List<Long> c = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                c.add(counters.get(o));
            }
            List<String> s = new ArrayList<>();
            for (int i = 0; i < out.samples.size(); i++) {
                s.add(describe(out.samples.get(i)) + " seq " + out.sequences.get(i));
            }
            return new Decoded(c, s);
        }
    }

    private static String describe(Sample s) {
        return s.timeS + " " + s.sensor + " " + s.ax + " " + s.ay + " " + s.az + " " + s.gx + " " + s.gy + " " + s.gz
                + " " + s.hasMag + " " + (s.hasMag ? s.mx + " " + s.my + " " + s.mz : "");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Decoded whole(TextFormat format, byte[] stream) {
        Run run = new Run(format);
        run.feed(stream, 0, stream.length);
        return run.decoded();
    }

    /** Every kind of line: header, comment, blank, CR LF, blanks, bad numbers, a byte past ASCII, too long. */
    private static final String MIXED = String.join("\n",
            "time_s,seq,sensor,ax,ay,az,gx,gy,gz",
            "# started",
            "0.01,1,sacrum,0.0123,-0.0201,0.9981,0.10,-0.15,0.11\r",
            "",
            " 0.02 , 2 , lumbar , 1e-2 , -2.01E-2 , 0.9981 , .10 , -0.15 , +0.11 ",
            "0.03,3,sacrum,0.0123,-0.0201,0.99\u00b281,0.10,-0.15,0.11",
            "0.04,4,sacrum,0.0123,,0.9981,0.10,-0.15,0.11",
            "0.05,5,2,0.0123,-0.0201,0.9981,0.10,-0.15,0.11,9",
            "0.06,6,nowhere,0.0123,-0.0201,0.9981,0.10,-0.15,0.11",
            "0.07,7.5,sacrum,0.0123,-0.0201,0.9981,0.10,-0.15,0.11",
            "0.08," + "0".repeat(300) + ",sacrum,0,0,1,0,0,0",
            "0.09,9,sacrum,0.000000000000000000123,-0.0201,12345678901234567e-16,0.10,-0.15,0.11",
            "0.10\t10\tsacrum\t0.0123\t-0.0201\t0.9981\t0.10\t-0.15\t0.11",
            "0.11 11 thoracolumbar 0.0123 -0.0201 0.9981 0.10 -0.15 0.11",
            "0.12,12,sacrum,0.0123,-0.0201,0.9981,0.10,-0.15,0.11",
            "");

    @Test
    void shouldDecodeALineSplitAcrossTwoFeedsAtEveryByteAsItDecodesWhole() {
        byte[] stream = bytes(MIXED);
        Decoded expected = whole(TextFormat.defaults(), stream);
        assertEquals(6, expected.samples().size(), "the stream's good lines");
        assertEquals(List.of(Outcome.values()).stream().map(o -> switch (o) {
            case SAMPLE -> 6L;
            case HEADER, COMMENT, WRONG_FIELD_COUNT, BAD_SENSOR, TOO_LONG -> 1L;
            case BAD_NUMBER -> 3L;
            default -> 0L;
        }).toList(), expected.counters(), "one outcome a line: " + List.of(Outcome.values()));
        for (int split = 0; split <= stream.length; split++) {
            Run run = new Run(TextFormat.defaults());
            run.feed(stream, 0, split);
            run.feed(stream, split, stream.length);
            assertEquals(expected, run.decoded(), "split at " + split);
        }
    }

    @Test
    void shouldDecodeAStreamFedOneByteAtATimeAsItDecodesWhole() {
        byte[] stream = bytes(MIXED);
        Run run = new Run(TextFormat.defaults());
        for (int i = 0; i < stream.length; i++) {
            run.feed(stream, i, i + 1);
        }
        assertEquals(whole(TextFormat.defaults(), stream), run.decoded());
    }

    @Test
    void shouldFailANumberHoldingAByteAboveAscii() {
        for (int b = 0x80; b <= 0xFF; b++) {
            Run run = new Run(TextFormat.defaults());
            byte[] good = bytes("0.01,0.0123,-0.0201,0.9981,0.10,-0.15,0.11\n");
            byte[] line = bytes("0.02,0.0123,-0.0201,0.9X81,0.10,-0.15,0.11\n");
            line[22] = (byte) b;
            run.feed(good, 0, good.length); // the next line takes the fast path if it can
            run.feed(line, 0, line.length);
            assertEquals(1, run.counters.get(Outcome.SAMPLE), "byte " + b);
            assertEquals(1, run.counters.get(Outcome.BAD_NUMBER), "byte " + b);
        }
    }

    @Test
    void shouldDecodeALineOfTheLongestLengthAndCountOneByteLongerTooLong() {
        String line = "0.01,0.0123,-0.0201,0.9981,0.10,-0.15,0.11";
        String longest = " ".repeat(TextFormat.MAX_LINE_LENGTH - line.length()) + line;
        byte[] stream = bytes(line + "\n" + longest + "\n " + longest + "\n" + line + "\n");
        for (int split = 0; split <= stream.length; split++) {
            Run run = new Run(TextFormat.defaults());
            run.feed(stream, 0, split);
            run.feed(stream, split, stream.length);
            assertEquals(3, run.counters.get(Outcome.SAMPLE), "split at " + split);
            assertEquals(1, run.counters.get(Outcome.TOO_LONG), "split at " + split);
        }
    }

    @Test
    void shouldDecodeEveryMutatedLineAfterAGoodOneAsAFreshDecoderDoes() {
        Random r = new Random(11);
        String[] templates = {
                "0.5,0.0123,-0.0201,0.9981,0.10,-0.15,0.11",
                "0.5\t0.0123\t-0.0201\t0.9981\t0.10\t-0.15\t0.11",
                "0.5 0.0123 -0.0201 0.9981 0.10 -0.15 0.11",
                "0.5,lumbar,0.0123,-0.0201,0.9981,0.10,-0.15,0.11,23.5",
        };
        byte[] alphabet = bytes(",\t \r.-+eE0123456789#axsl_\u00b2\u00ff");
        for (String template : templates) {
            TextFormat format = template.contains("lumbar") ? SENSOR_COLUMNS : TextFormat.defaults();
            byte[] good = bytes(template + "\n");
            for (int n = 0; n < 3000; n++) {
                StringBuilder line = new StringBuilder(template);
                for (int m = r.nextInt(3); m >= 0; m--) {
                    int at = r.nextInt(line.length() + 1);
                    char c = (char) (alphabet[r.nextInt(alphabet.length)] & 0xFF);
                    switch (r.nextInt(3)) {
                        case 0 -> line.insert(at, c);
                        case 1 -> line.deleteCharAt(Math.min(at, line.length() - 1));
                        default -> line.setCharAt(Math.min(at, line.length() - 1), c);
                    }
                }
                byte[] mutated = bytes(line + (r.nextBoolean() ? "\r\n" : "\n"));
                Run warm = new Run(format);
                warm.feed(good, 0, good.length);
                Decoded before = warm.decoded();
                warm.feed(mutated, 0, mutated.length);
                Run fresh = new Run(format);
                fresh.feed(mutated, 0, mutated.length);
                assertEquals(fresh.decoded(), minus(warm.decoded(), before), line.toString());
            }
        }
    }

    @Test
    void shouldReadSensorNamesInAnyCaseButNoOtherLetters() {
        Run run = new Run(SENSOR_COLUMNS);
        byte[] stream = bytes("0.01,SaCrUm,0,0,1,0,0,0,x\n0.02,THORACOLUMBAR,0,0,1,0,0,0,x\n"
                + "0.03,sacr\u00dcm,0,0,1,0,0,0,x\n0.04,lumbar,0,0,1,0,0,0,x\n");
        run.feed(stream, 0, stream.length);
        assertEquals(List.of(0, 2, 1), run.out.samples.stream().map(s -> s.sensor).toList());
        assertEquals(1, run.counters.get(Outcome.BAD_SENSOR));
    }

    /** What a run decoded after {@code before}. */
    private static Decoded minus(Decoded after, Decoded before) {
        List<Long> c = new ArrayList<>();
        for (int i = 0; i < after.counters().size(); i++) {
            c.add(after.counters().get(i) - before.counters().get(i));
        }
        return new Decoded(c, after.samples().subList(before.samples().size(), after.samples().size()));
    }
}
