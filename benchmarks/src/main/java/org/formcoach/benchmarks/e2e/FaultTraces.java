package org.formcoach.benchmarks.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.SampleSink;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.bridge.wire.TextLineDecoder;
import org.formcoach.bridge.wire.TextLineEncoder;
import org.formcoach.bridge.wire.WireCounters;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * What the simulated devices send: planks in which the hips sag by 8° (past the fault line)
 * over a second, stay down half a second and come back over a second, every
 * {@value #CYCLE_S} s — so the engine warns, escalates to a fault and clears, over and over
 * (an abrupt drop would read as the wearer shifting position, which re-baselines the hold). {@value #VARIANTS} variants differ in mounting, noise and how long
 * the first hold lasts (their faults start spread evenly over one cycle), so the devices'
 * faults do not all start in the same instant.
 *
 * <p>Every sample is encoded once, up front, as the device would send it (a JSON object,
 * a row of a compact JSON batch, a text line). JSON carries the device clock in whole
 * microseconds ({@code t_us}, {@code t0_us} + offsets), so a sample decodes to the same
 * time whether it came alone or in a batch. The samples the engine answers — those on
 * which an alert or a clear is decided — are found by running the real {@link Coach} over
 * the decoded payloads (so it sees exactly the numbers the live engine will see) and are
 * <em>marked</em>: the payload carries {@code "mark":[t]}, which the engine skips as an
 * unknown key and the echo baseline answers. Engine and echo thus answer the same samples.
 */
final class FaultTraces {
    /**
     * One variant per device up to 100 devices. Devices that share a variant decide on the
     * same sample, so one stall of the machine delays all their answers at once; with 25
     * variants, four answers at a time, which made a run's p99 hang on fewer independent
     * moments than it counts.
     */
    static final int VARIANTS = 100;
    /** Seconds of one sag cycle: sag, hold low, come back, hold level. */
    static final double CYCLE_S = 3.9;
    /**
     * Seconds of samples a run goes on sending after its measurement window (not measured),
     * so the window's last answers do not meet whatever happens when the traffic stops.
     */
    static final double TAIL_S = 0.5;

    /** One variant: times, encodings and which samples are answered. */
    static final class Variant {
        final int id;
        final double rateHz;
        final int count;
        final double[] t;
        /** Device time in whole microseconds, as the JSON payloads carry it. */
        final long[] micros;
        final String[] times;
        /** "ax,ay,az,gx,gy,gz" as sent (5 and 4 decimals). */
        final String[] readings;
        /** One JSON sample object per message, marked ones with their mark. */
        final byte[][] single;
        /** Text lines (with "\n"). */
        final byte[][] lines;
        final boolean[] markedJson;
        final boolean[] markedText;

        Variant(int id, double rateHz, List<Sample> samples, boolean faulty) {
            this.id = id;
            this.rateHz = rateHz;
            this.count = samples.size();
            t = new double[count];
            micros = new long[count];
            times = new String[count];
            readings = new String[count];
            single = new byte[count][];
            lines = new byte[count][];
            StringBuilder b = new StringBuilder(160);
            for (int k = 0; k < count; k++) {
                Sample s = samples.get(k);
                t[k] = s.timeS;
                micros[k] = Math.round(s.timeS * 1e6);
                b.setLength(0);
                times[k] = DecimalFormatter.append(b, s.timeS, 6).toString();
                b.setLength(0);
                readings[k] = TextLineEncoder.appendReadings(b, s).toString();
                lines[k] = (times[k] + ",sacrum," + readings[k] + "\n").getBytes(StandardCharsets.US_ASCII);
            }
            markedJson = faulty ? answeredSamples(this, true) : new boolean[count];
            markedText = faulty ? answeredSamples(this, false) : new boolean[count];
            for (int k = 0; k < count; k++) {
                single[k] = singleJson(k, markedJson[k]).getBytes(StandardCharsets.US_ASCII);
            }
        }

        private String singleJson(int k, boolean marked) {
            int i = readings[k].indexOf(',', readings[k].indexOf(',', readings[k].indexOf(',') + 1) + 1);
            StringBuilder b = new StringBuilder(160);
            b.append("{\"t_us\":").append(micros[k]).append(",\"sensor\":\"sacrum\",\"seq\":").append(k);
            b.append(",\"a\":[").append(readings[k], 0, i).append("],\"g\":[").append(readings[k], i + 1,
                    readings[k].length()).append(']');
            if (marked) {
                b.append(",\"mark\":[").append(times[k]).append(']');
            }
            return b.append('}').toString();
        }

        /** A compact batch of samples [from, to] (docs/protocols.md §3.2) with the marks it holds. */
        byte[] batch(int from, int to, StringBuilder b) {
            b.setLength(0);
            b.append("{\"sensor\":\"sacrum\",\"t0_us\":").append(micros[from]).append(",\"seq0\":").append(from);
            boolean any = false;
            for (int k = from; k <= to; k++) {
                if (markedJson[k]) {
                    b.append(any ? "," : ",\"mark\":[").append(times[k]);
                    any = true;
                }
            }
            b.append(any ? "]," : ",").append("\"rows\":[");
            for (int k = from; k <= to; k++) {
                b.append(k == from ? "[" : ",[");
                b.append(micros[k] - micros[from]).append(',').append(readings[k]).append(']');
            }
            b.append("]}");
            byte[] out = new byte[b.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) b.charAt(i);
            }
            return out;
        }

        /** Sample index of a device time as sent (6 decimals). */
        int indexOf(double time) {
            return (int) Math.round(time * rateHz);
        }

        int marks(boolean json, int from, int to) {
            boolean[] m = json ? markedJson : markedText;
            int n = 0;
            for (int k = Math.max(0, from); k < Math.min(to, count); k++) {
                if (m[k]) {
                    n++;
                }
            }
            return n;
        }
    }

    private FaultTraces() {
    }

    /** The sample index (exclusive) a run plays up to: {@value #TAIL_S} s past {@code windowTo}. */
    static int playTo(int windowTo, double rateHz) {
        return windowTo + (int) Math.round(TAIL_S * rateHz);
    }

    static Variant variant(int id, double rateHz, double seconds, boolean faulty) {
        BodyMotion motion = BodyMotion.at(rateHz).mounting(BodyMotion.randomMounting(11 + id))
                .noise(0.1, 0.002, 100 + id).stand(3).move(2.5, 85, 0, 0).hold(4.0 + CYCLE_S * id / VARIANTS);
        if (faulty) {
            while (motion.duration() < seconds) {
                motion.move(1.0, 93, 0, 0).hold(0.5).move(1.0, 85, 0, 0).hold(CYCLE_S - 2.5);
            }
        } else {
            motion.hold(Math.max(0, seconds - motion.duration()));
        }
        return new Variant(id, rateHz, motion.samples(Placement.SACRUM), faulty);
    }

    static List<Variant> variants(int n, double rateHz, double seconds, boolean faulty) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(variant(i, rateHz, seconds, faulty));
        }
        return out;
    }

    /**
     * The samples on which the engine decides an alert or a clear, found by the real coach
     * on the decoded payloads (JSON objects or text lines).
     */
    private static boolean[] answeredSamples(Variant v, boolean json) {
        boolean[] marked = new boolean[v.count];
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), v.rateHz, event -> {
            double t = Double.NaN;
            if (event instanceof CoachEvent.Alert a) {
                t = a.t();
            } else if (event instanceof CoachEvent.Clear c) {
                t = c.t();
            }
            if (!Double.isNaN(t)) {
                int k = v.indexOf(t);
                if (k >= 0 && k < marked.length) {
                    marked[k] = true;
                }
            }
        });
        SampleSink sink = (s, seq) -> coach.accept(s);
        if (json) {
            JsonSampleDecoder decoder = new JsonSampleDecoder(new WireCounters(), sink);
            for (int k = 0; k < v.count; k++) {
                byte[] p = v.singleJson(k, false).getBytes(StandardCharsets.US_ASCII);
                decoder.decode(p, 0, p.length, 0);
            }
        } else {
            TextLineDecoder decoder = new TextLineDecoder(TextFormat.defaults(), new WireCounters(), sink);
            byte[] header = SerialRun.HEADER;
            decoder.feed(header, 0, header.length, 0);
            for (int k = 0; k < v.count; k++) {
                decoder.feed(v.lines[k], 0, v.lines[k].length, 0);
            }
        }
        return marked;
    }

}
