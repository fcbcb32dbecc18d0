package org.formcoach.simulator.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which timing faults to put into a stream and how strong (design brief §5.4). Parsed from a
 * short text, a list of items separated by commas; later items override earlier ones
 * (except {@code gap}, which adds):
 * <pre>
 *   none | usb | ble | wifi | harsh            a named profile
 *   jitter=DURATION                            σ of the timestamp jitter          jitter=2ms
 *   drop=P                                     Bernoulli packet loss              drop=0.01, drop=1%
 *   burst=P:DURATION                           Gilbert–Elliott loss bursts: chance per packet
 *                                              of a burst starting, mean length   burst=0.005:50ms
 *   dup=P[:stamp|data|both]                    duplicates: same stamp with new data, or the
 *                                              same data with a new stamp (default both)
 *   drift=RATE | random[:RATE]                 device clock rate error ε          drift=20000ppm, drift=-1.5%
 *                                              random: ε ~ U(−RATE, +RATE), RATE default 2 %
 *   offset=DURATION                            device clock offset                offset=12.5
 *   gap=AT:DURATION | random:DURATION          the stream stops (repeatable)      gap=12.5:3
 *   stall=P:DURATION                           host stalls: chance per packet, length
 *   batch=INTERVAL[:MAX]                       BLE-style delivery every INTERVAL, at most MAX
 *                                              samples per delivery (default 10)  batch=45ms:10
 *   poll=HZ | RATIOx                           the host polls at another rate     poll=104, poll=1.04x
 *   clock=device|host                          stamps from the device clock (default) or the
 *                                              host's arrival time
 * </pre>
 * DURATION is a number of seconds or has a unit {@code s}, {@code ms}, {@code us}; P is a
 * probability (0.01) or a percentage (1%); RATE is a fraction, a percentage or ppm.
 */
public record TimingFaultSpec(double clockOffsetS, double rateError, double randomRateErrorBound,
                              double jitterS, double dropProbability,
                              double burstProbability, double burstMeanS,
                              double duplicateProbability, DuplicateKind duplicateKind,
                              double batchIntervalS, int batchMaxSamples,
                              double stallProbability, double stallS,
                              List<Gap> gaps, double pollHz, double pollRatio, Stamping stamping) {

    /** Which kind of duplicate. */
    public enum DuplicateKind {
        /** A sample carries the previous sample's stamp (data new): dt 2.5, 2.5, 0, 5.1 ms. */
        STAMP,
        /** A sample carries the previous sample's data under its own stamp (a stale register read). */
        DATA,
        /** Either, with equal odds. */
        BOTH
    }

    /** Where the stamps come from. */
    public enum Stamping {
        /** The device's own clock: delivery clumping does not show in the stamps. */
        DEVICE,
        /** The host stamps on arrival (sketches without a clock): clumps show. */
        HOST
    }

    /**
     * The stream stops at {@code atS} (true time) for {@code durationS}; a NaN start means a
     * random place in the middle 80 % of the stream.
     */
    public record Gap(double atS, double durationS) {
        public boolean random() {
            return Double.isNaN(atS);
        }
    }

    /** The named profiles and what they stand for. */
    private static final String[][] PROFILES = {
            {"none", ""},
            // Device stamps over USB: BMI055 DRDY jitter σ ≈ 20 µs [S51-px4-15002].
            {"usb", "jitter=20us"},
            // micro:bit BLE: deliveries every ~45 ms with 1–3 ms inside [S51-microbit300];
            // notification gaps and packet loss [S51-ble][S51-shimmer].
            {"ble", "jitter=20us,batch=45ms:10,drop=0.005,burst=0.002:50ms"},
            // Host-side stamps σ 0.5–3 ms plus 10–20 ms scheduler stalls [S51-vectornav]; drops.
            {"wifi", "jitter=2ms,stall=0.002:20ms,drop=0.01"},
            {"harsh", "jitter=3ms,drop=0.02,burst=0.005:80ms,dup=0.005:both,drift=random:2%,offset=100,"
                    + "gap=random:1.5,stall=0.002:20ms,batch=30ms:8,poll=1.04x"}
    };

    public TimingFaultSpec {
        gaps = List.copyOf(gaps);
        if (duplicateKind == null || stamping == null) {
            throw new IllegalArgumentException("duplicate kind and stamping are required");
        }
    }

    /** No fault at all: the stream comes out as it went in. */
    public static TimingFaultSpec none() {
        return new Builder().build();
    }

    /** Names of the profiles: "none, usb, ble, wifi, harsh". */
    public static String profileNames() {
        StringBuilder b = new StringBuilder();
        for (String[] p : PROFILES) {
            b.append(b.length() == 0 ? "" : ", ").append(p[0]);
        }
        return b.toString();
    }

    /**
     * Parses a spec such as {@code jitter=0.002,drop=0.01,burst=0.005:0.05} or {@code ble,drop=0.05}.
     *
     * @throws IllegalArgumentException naming the item that is wrong and what was expected
     */
    public static TimingFaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty timing fault spec (use 'none', a profile (" + profileNames()
                    + ") or items like jitter=2ms,drop=0.01)");
        }
        Builder b = new Builder();
        b.apply(spec, true);
        return b.build();
    }

    /** True when this spec changes nothing. */
    public boolean isNone() {
        return equals(none());
    }

    /** The spec as text that {@link #parse} reads back to an equal spec. */
    public String describe() {
        List<String> items = new ArrayList<>();
        if (clockOffsetS != 0) {
            items.add("offset=" + num(clockOffsetS));
        }
        if (randomRateErrorBound > 0) {
            items.add("drift=random:" + num(randomRateErrorBound));
        } else if (rateError != 0) {
            items.add("drift=" + num(rateError));
        }
        if (jitterS > 0) {
            items.add("jitter=" + num(jitterS));
        }
        if (dropProbability > 0) {
            items.add("drop=" + num(dropProbability));
        }
        if (burstProbability > 0) {
            items.add("burst=" + num(burstProbability) + ":" + num(burstMeanS));
        }
        if (duplicateProbability > 0) {
            items.add("dup=" + num(duplicateProbability) + ":" + duplicateKind.name().toLowerCase(Locale.ROOT));
        }
        if (batchIntervalS > 0) {
            items.add("batch=" + num(batchIntervalS) + ":" + batchMaxSamples);
        }
        if (stallProbability > 0) {
            items.add("stall=" + num(stallProbability) + ":" + num(stallS));
        }
        for (Gap g : gaps) {
            items.add("gap=" + (g.random() ? "random" : num(g.atS())) + ":" + num(g.durationS()));
        }
        if (pollHz > 0) {
            items.add("poll=" + num(pollHz));
        } else if (pollRatio > 0) {
            items.add("poll=" + num(pollRatio) + "x");
        }
        if (stamping == Stamping.HOST) {
            items.add("clock=host");
        }
        return items.isEmpty() ? "none" : String.join(",", items);
    }

    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Collects items while parsing. */
    private static final class Builder {
        double offset;
        double rateError;
        double randomBound;
        double jitter;
        double drop;
        double burstP;
        double burstS;
        double dupP;
        DuplicateKind dupKind = DuplicateKind.BOTH;
        double batchS;
        int batchMax = 10;
        double stallP;
        double stallS;
        final List<Gap> gaps = new ArrayList<>();
        double pollHz;
        double pollRatio;
        Stamping stamping = Stamping.DEVICE;

        TimingFaultSpec build() {
            return new TimingFaultSpec(offset, rateError, randomBound, jitter, drop, burstP, burstS, dupP, dupKind,
                    batchS, batchMax, stallP, stallS, gaps, pollHz, pollRatio, stamping);
        }

        void apply(String spec, boolean allowProfiles) {
            for (String raw : spec.split(",")) {
                String item = raw.strip();
                if (item.isEmpty()) {
                    throw new IllegalArgumentException("timing fault spec '" + spec + "': empty item");
                }
                int eq = item.indexOf('=');
                if (eq < 0) {
                    String profile = profile(item.toLowerCase(Locale.ROOT));
                    if (profile == null || !allowProfiles) {
                        throw new IllegalArgumentException("timing fault spec: '" + item + "' is neither a profile ("
                                + profileNames() + ") nor a key=value item (" + KEYS + ")");
                    }
                    if (!profile.isEmpty()) {
                        apply(profile, false);
                    }
                    continue;
                }
                String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = item.substring(eq + 1).strip();
                try {
                    set(key, value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("timing fault spec item '" + item + "': " + e.getMessage(), e);
                }
            }
        }

        private void set(String key, String value) {
            String[] parts = value.split(":", -1);
            switch (key) {
                case "jitter" -> jitter = duration(one(parts, "jitter=2ms"));
                case "drop" -> drop = probability(one(parts, "drop=0.01"));
                case "burst" -> {
                    two(parts, "burst=0.005:50ms");
                    burstP = probability(parts[0]);
                    burstS = positiveDuration(parts[1]);
                }
                case "dup" -> {
                    if (parts.length > 2) {
                        throw new IllegalArgumentException("expected dup=P or dup=P:stamp|data|both");
                    }
                    dupP = probability(parts[0]);
                    dupKind = parts.length == 2 ? duplicateKind(parts[1]) : DuplicateKind.BOTH;
                }
                case "drift" -> {
                    if (parts[0].strip().equalsIgnoreCase("random")) {
                        if (parts.length > 2) {
                            throw new IllegalArgumentException("expected drift=random or drift=random:2%");
                        }
                        randomBound = parts.length == 2 ? Math.abs(rate(parts[1])) : 0.02;
                        if (randomBound == 0) {
                            throw new IllegalArgumentException("a random drift needs a bound > 0");
                        }
                        rateError = 0;
                    } else {
                        rateError = rate(one(parts, "drift=20000ppm"));
                        randomBound = 0;
                    }
                }
                case "offset" -> offset = duration(one(parts, "offset=12.5"), true);
                case "gap" -> {
                    two(parts, "gap=12.5:3 or gap=random:3");
                    double at = parts[0].strip().equalsIgnoreCase("random") ? Double.NaN : duration(parts[0]);
                    gaps.add(new Gap(at, positiveDuration(parts[1])));
                }
                case "stall" -> {
                    two(parts, "stall=0.001:20ms");
                    stallP = probability(parts[0]);
                    stallS = positiveDuration(parts[1]);
                }
                case "batch" -> {
                    if (parts.length > 2) {
                        throw new IllegalArgumentException("expected batch=INTERVAL or batch=INTERVAL:MAX");
                    }
                    batchS = positiveDuration(parts[0]);
                    batchMax = parts.length == 2 ? positiveInt(parts[1]) : 10;
                }
                case "poll" -> {
                    String v = one(parts, "poll=104 or poll=1.04x").toLowerCase(Locale.ROOT);
                    if (v.endsWith("x")) {
                        pollRatio = positive(number(v.substring(0, v.length() - 1)));
                        pollHz = 0;
                    } else {
                        pollHz = positive(number(v.endsWith("hz") ? v.substring(0, v.length() - 2) : v));
                        pollRatio = 0;
                    }
                }
                case "clock" -> stamping = switch (one(parts, "clock=device").toLowerCase(Locale.ROOT)) {
                    case "device" -> Stamping.DEVICE;
                    case "host" -> Stamping.HOST;
                    default -> throw new IllegalArgumentException("expected clock=device or clock=host");
                };
                default -> throw new IllegalArgumentException("unknown key '" + key + "' (known: " + KEYS
                        + "; profiles: " + profileNames() + ")");
            }
        }

        private static final String KEYS = "jitter, drop, burst, dup, drift, offset, gap, stall, batch, poll, clock";

        private static String profile(String name) {
            for (String[] p : PROFILES) {
                if (p[0].equals(name)) {
                    return p[1];
                }
            }
            return null;
        }

        private static String one(String[] parts, String example) {
            if (parts.length != 1) {
                throw new IllegalArgumentException("expected one value, e.g. " + example);
            }
            return parts[0];
        }

        private static void two(String[] parts, String example) {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected two values separated by ':', e.g. " + example);
            }
        }

        private static DuplicateKind duplicateKind(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "stamp" -> DuplicateKind.STAMP;
                case "data" -> DuplicateKind.DATA;
                case "both" -> DuplicateKind.BOTH;
                default -> throw new IllegalArgumentException("duplicate kind must be stamp, data or both");
            };
        }

        private static double number(String text) {
            String t = text.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("missing number");
            }
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "' is not a number");
            }
        }

        private static double probability(String text) {
            String t = text.strip();
            double p = t.endsWith("%") ? number(t.substring(0, t.length() - 1)) / 100 : number(t);
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("a probability must be between 0 and 1 (or 0% and 100%): " + t);
            }
            return p;
        }

        private static double rate(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            double r;
            if (t.endsWith("ppm")) {
                r = number(t.substring(0, t.length() - 3)) * 1e-6;
            } else if (t.endsWith("%")) {
                r = number(t.substring(0, t.length() - 1)) / 100;
            } else {
                r = number(t);
            }
            if (Math.abs(r) >= 0.5) {
                throw new IllegalArgumentException("a clock rate error must be well below 50 %: " + text.strip());
            }
            return r;
        }

        private static double duration(String text) {
            return duration(text, false);
        }

        private static double duration(String text, boolean signed) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            double divisor = 1; // divide, not multiply by 1e-3: 20/1e6 is exactly the double nearest 20 µs
            if (t.endsWith("ms")) {
                divisor = 1e3;
                t = t.substring(0, t.length() - 2);
            } else if (t.endsWith("us") || t.endsWith("µs")) {
                divisor = 1e6;
                t = t.substring(0, t.length() - 2);
            } else if (t.endsWith("s")) {
                t = t.substring(0, t.length() - 1);
            }
            double v = number(t) / divisor;
            if (!signed && v < 0) {
                throw new IllegalArgumentException("a duration must not be negative: " + text.strip());
            }
            return v;
        }

        private static double positiveDuration(String text) {
            double v = duration(text);
            if (v <= 0) {
                throw new IllegalArgumentException("a duration must be > 0: " + text.strip());
            }
            return v;
        }

        private static double positive(double v) {
            if (v <= 0) {
                throw new IllegalArgumentException("must be > 0: " + v);
            }
            return v;
        }

        private static int positiveInt(String text) {
            try {
                int v = Integer.parseInt(text.strip());
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a whole number > 0");
            }
        }
    }
}
