package org.formcoach.simulator.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.formcoach.engine.sample.Sample;

/**
 * Turns a clean stream into what a host receives from a real device (design brief §5.4).
 *
 * <p>The clean stream has true times, in order; the samples of several sensors of one
 * device that share a time form one <em>packet</em>, because the sensors of one device share
 * its clock and its radio. Every fault acts on packets, so a drop removes every sensor's
 * sample of that moment and the sensors stay consistent. In order:
 * <ol>
 *   <li>polling at another rate than the ODR (sample-and-hold: repeats or skips);</li>
 *   <li>long gaps, Gilbert–Elliott loss bursts, Bernoulli drops;</li>
 *   <li>arrival at the host: batched deliveries, host stalls, first-in first-out;</li>
 *   <li>stamps: the device clock {@code offset + (1 + ε)·t} (or the host's arrival time),
 *       plus jitter, never going backwards;</li>
 *   <li>duplicates: a repeated stamp with new data, or repeated data with a new stamp.</li>
 * </ol>
 * The simulated arrival time goes into {@link Sample#receiveNanos} (nanoseconds from true
 * time 0) so that streaming can pace deliveries the way the device would.
 *
 * <p>Each fault draws from its own generator split off the given one, so a seed gives the
 * same faults every time and switching one fault on does not move the others.
 */
public final class TimingFaultInjector {
    /** Spacing of samples inside one batched delivery (micro:bit BLE: 1–3 ms). */
    static final double BATCH_SPACING_S = 0.001;

    private final TimingFaultSpec spec;
    private final double rateHz;
    private final double rateError;
    private final SplittableRandom pollRng;
    private final SplittableRandom gapRng;
    private final SplittableRandom dropRng;
    private final SplittableRandom burstRng;
    private final SplittableRandom stallRng;
    private final SplittableRandom jitterRng;
    private final SplittableRandom dupRng;

    public TimingFaultInjector(TimingFaultSpec spec, double rateHz, SplittableRandom rng) {
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("nominal rate must be a positive number of Hz: " + rateHz);
        }
        this.spec = spec;
        this.rateHz = rateHz;
        SplittableRandom clockRng = rng.split();
        pollRng = rng.split();
        gapRng = rng.split();
        dropRng = rng.split();
        burstRng = rng.split();
        stallRng = rng.split();
        jitterRng = rng.split();
        dupRng = rng.split();
        double bound = spec.randomRateErrorBound();
        rateError = bound > 0 ? (2 * clockRng.nextDouble() - 1) * bound : spec.rateError();
    }

    public TimingFaultSpec spec() {
        return spec;
    }

    /** The device clock's rate error ε in effect (drawn once when the spec says random). */
    public double rateError() {
        return rateError;
    }

    /** The device clock reading at a true time (offset + drift). */
    public double deviceTime(double trueTimeS) {
        return spec.clockOffsetS() + (1 + rateError) * trueTimeS;
    }

    /**
     * The clean stream (timeS = true time, in order, possibly interleaved sensors) as the
     * device delivers it: device clock times, jitter, drops, duplicates, bursts, gaps.
     * Appends a description of every injected fault to log.
     */
    public List<Sample> apply(List<Sample> clean, List<TimingFaultEvent> log) {
        Packets in = Packets.of(clean);
        if (in.count == 0) {
            return new ArrayList<>();
        }
        Stream s = poll(in, log);
        dropPackets(in, s, log);
        arrive(in, s, log);
        stamp(in, s, log);
        duplicate(s, log);
        return emit(clean, in, s);
    }

    /** The output packets: which clean packet each carries, and when. */
    private static final class Stream {
        final int n;
        /** The clean packet the host read (its timing). */
        final int[] src;
        /** The clean packet whose data is delivered (differs for a stale-data duplicate). */
        final int[] data;
        /** True time of the read. */
        final double[] t;
        final boolean[] dropped;
        final double[] arrival;
        final double[] stamp;

        Stream(int n) {
            this.n = n;
            src = new int[n];
            data = new int[n];
            t = new double[n];
            dropped = new boolean[n];
            arrival = new double[n];
            stamp = new double[n];
        }
    }

    private Stream poll(Packets in, List<TimingFaultEvent> log) {
        double pollHz = spec.pollHz() > 0 ? spec.pollHz() : spec.pollRatio() * rateHz;
        if (!(pollHz > 0)) {
            Stream s = new Stream(in.count);
            for (int p = 0; p < in.count; p++) {
                s.src[p] = p;
                s.data[p] = p;
                s.t[p] = in.time[p];
            }
            return s;
        }
        double first = in.time[0];
        double last = in.time[in.count - 1];
        // The host's polling phase against the sensor's ODR is arbitrary: draw it.
        double phase = pollRng.nextDouble() / pollHz;
        int reads = (int) Math.floor((last - first - phase) * pollHz) + 1;
        Stream s = new Stream(Math.max(reads, 0));
        int source = 0;
        int previous = -1;
        for (int k = 0; k < s.n; k++) {
            double when = first + phase + k / pollHz;
            while (source + 1 < in.count && in.time[source + 1] <= when + 1e-12) {
                source++;
            }
            s.src[k] = source;
            s.data[k] = source;
            s.t[k] = when;
            if (previous >= 0 && source == previous) {
                log.add(new TimingFaultEvent("poll-repeat", deviceTime(when), deviceTime(when), in.size(source)));
            } else if (previous >= 0 && source > previous + 1) {
                int skipped = 0;
                for (int q = previous + 1; q < source; q++) {
                    skipped += in.size(q);
                }
                log.add(new TimingFaultEvent("poll-skip", deviceTime(in.time[previous + 1]),
                        deviceTime(in.time[source - 1]), skipped));
            }
            previous = source;
        }
        return s;
    }

    private void dropPackets(Packets in, Stream s, List<TimingFaultEvent> log) {
        if (s.n == 0) {
            return;
        }
        double first = s.t[0];
        double last = s.t[s.n - 1];
        for (TimingFaultSpec.Gap gap : spec.gaps()) {
            double at = gap.atS();
            if (gap.random()) {
                double lo = first + 0.1 * (last - first);
                double hi = Math.max(lo, first + 0.9 * (last - first) - gap.durationS());
                at = lo + gapRng.nextDouble() * (hi - lo);
            }
            int lost = 0;
            for (int k = 0; k < s.n; k++) {
                if (s.t[k] >= at && s.t[k] < at + gap.durationS() && !s.dropped[k]) {
                    s.dropped[k] = true;
                    lost += in.size(s.src[k]);
                }
            }
            log.add(new TimingFaultEvent("gap", deviceTime(at), deviceTime(at + gap.durationS()), lost));
        }
        double enter = spec.burstProbability();
        double leave = enter > 0 ? Math.min(1, 1 / (spec.burstMeanS() * rateHz)) : 0;
        boolean bad = false;
        int burstFirst = -1;
        int burstLast = -1;
        int burstSamples = 0;
        for (int k = 0; k < s.n; k++) {
            // Every packet draws, dropped or not, so the sequence does not depend on other faults.
            double burstDraw = enter > 0 ? burstRng.nextDouble() : 1;
            double dropDraw = spec.dropProbability() > 0 ? dropRng.nextDouble() : 1;
            if (enter > 0) {
                bad = bad ? burstDraw >= leave : burstDraw < enter;
            }
            if (bad) {
                if (!s.dropped[k]) {
                    s.dropped[k] = true;
                    burstSamples += in.size(s.src[k]);
                    if (burstFirst < 0) {
                        burstFirst = k;
                    }
                    burstLast = k;
                }
                continue;
            }
            if (burstFirst >= 0) {
                log.add(new TimingFaultEvent("burst-drop", deviceTime(s.t[burstFirst]), deviceTime(s.t[burstLast]),
                        burstSamples));
                burstFirst = -1;
                burstSamples = 0;
            }
            if (dropDraw < spec.dropProbability() && !s.dropped[k]) {
                s.dropped[k] = true;
                log.add(new TimingFaultEvent("drop", deviceTime(s.t[k]), deviceTime(s.t[k]), in.size(s.src[k])));
            }
        }
        if (burstFirst >= 0) {
            log.add(new TimingFaultEvent("burst-drop", deviceTime(s.t[burstFirst]), deviceTime(s.t[burstLast]),
                    burstSamples));
        }
    }

    private void arrive(Packets in, Stream s, List<TimingFaultEvent> log) {
        double interval = spec.batchIntervalS();
        long slot = Long.MIN_VALUE;
        int inSlot = 0;
        double stallEnd = Double.NEGATIVE_INFINITY;
        int stallFirst = -1;
        int stallSamples = 0;
        int batched = 0;
        double previous = Double.NEGATIVE_INFINITY;
        double first = s.n > 0 ? s.t[0] : 0;
        for (int k = 0; k < s.n; k++) {
            double t = s.t[k];
            double stallDraw = spec.stallProbability() > 0 ? stallRng.nextDouble() : 1;
            boolean stalled = t < stallEnd - 1e-9; // a packet due exactly at the end is not held
            if (!stalled && stallFirst >= 0) {
                log.add(new TimingFaultEvent("stall", deviceTime(s.t[stallFirst]), deviceTime(stallEnd), stallSamples));
                stallFirst = -1;
                stallSamples = 0;
            }
            if (!stalled && stallDraw < spec.stallProbability()) {
                stallEnd = t + spec.stallS();
                stallFirst = k;
                stalled = true;
            }
            if (s.dropped[k]) {
                continue;
            }
            double a = t;
            if (interval > 0) {
                long due = (long) Math.ceil((t - first) / interval - 1e-9);
                if (due > slot) {
                    slot = due;
                    inSlot = 0;
                } else if (inSlot >= spec.batchMaxSamples()) {
                    slot++;
                    inSlot = 0;
                }
                a = first + slot * interval + inSlot * BATCH_SPACING_S;
                inSlot++;
                if (a > t) {
                    batched += in.size(s.src[k]);
                }
            }
            if (stalled) {
                a = Math.max(a, stallEnd);
                stallSamples += in.size(s.src[k]);
            }
            a = Math.max(a, previous); // the link is first in, first out
            s.arrival[k] = a;
            previous = a;
        }
        if (stallFirst >= 0) {
            log.add(new TimingFaultEvent("stall", deviceTime(s.t[stallFirst]), deviceTime(stallEnd), stallSamples));
        }
        if (interval > 0 && s.n > 0) {
            log.add(new TimingFaultEvent("batch", deviceTime(s.t[0]), deviceTime(s.t[s.n - 1]), batched));
        }
    }

    private void stamp(Packets in, Stream s, List<TimingFaultEvent> log) {
        double sigma = spec.jitterS();
        boolean host = spec.stamping() == TimingFaultSpec.Stamping.HOST;
        double previous = Double.NEGATIVE_INFINITY;
        int delivered = 0;
        double firstStamp = Double.NaN;
        for (int k = 0; k < s.n; k++) {
            double jitter = sigma > 0 ? sigma * jitterRng.nextGaussian() : 0;
            if (s.dropped[k]) {
                continue;
            }
            double stamp = deviceTime(host ? s.arrival[k] : s.t[k]) + jitter;
            stamp = Math.max(stamp, previous); // stamps of one clock never go backwards
            s.stamp[k] = stamp;
            previous = stamp;
            delivered += in.size(s.src[k]);
            if (Double.isNaN(firstStamp)) {
                firstStamp = stamp;
            }
        }
        if (delivered == 0) {
            return;
        }
        if (spec.clockOffsetS() != 0 || rateError != 0) {
            log.add(new TimingFaultEvent("clock", firstStamp, previous, delivered));
        }
        if (sigma > 0) {
            log.add(new TimingFaultEvent("jitter", firstStamp, previous, delivered));
        }
    }

    private void duplicate(Stream s, List<TimingFaultEvent> log) {
        double p = spec.duplicateProbability();
        if (p <= 0) {
            return;
        }
        int previous = -1;
        for (int k = 0; k < s.n; k++) {
            double draw = dupRng.nextDouble();
            double kindDraw = dupRng.nextDouble();
            if (s.dropped[k]) {
                continue;
            }
            if (previous >= 0 && draw < p) {
                boolean stampKind = switch (spec.duplicateKind()) {
                    case STAMP -> true;
                    case DATA -> false;
                    case BOTH -> kindDraw < 0.5;
                };
                if (stampKind) {
                    s.stamp[k] = s.stamp[previous];
                    log.add(new TimingFaultEvent("dup-stamp", s.stamp[k], s.stamp[k], 1));
                } else {
                    s.data[k] = s.data[previous];
                    log.add(new TimingFaultEvent("dup-data", s.stamp[k], s.stamp[k], 1));
                }
            }
            previous = k;
        }
    }

    private static List<Sample> emit(List<Sample> clean, Packets in, Stream s) {
        List<Sample> out = new ArrayList<>(clean.size());
        for (int k = 0; k < s.n; k++) {
            if (s.dropped[k]) {
                continue;
            }
            int packet = s.data[k];
            long arrivalNanos = Math.round(s.arrival[k] * 1e9);
            for (int i = in.start[packet]; i < in.start[packet + 1]; i++) {
                Sample copy = new Sample();
                copy.copyFrom(clean.get(i));
                copy.timeS = s.stamp[k];
                copy.receiveNanos = arrivalNanos;
                out.add(copy);
            }
        }
        return out;
    }

    /** The clean stream cut into packets: runs of samples with the same true time. */
    private static final class Packets {
        final int count;
        /** Index of each packet's first sample; start[count] = number of samples. */
        final int[] start;
        final double[] time;

        private Packets(int count, int[] start, double[] time) {
            this.count = count;
            this.start = start;
            this.time = time;
        }

        int size(int packet) {
            return start[packet + 1] - start[packet];
        }

        static Packets of(List<Sample> clean) {
            int n = clean.size();
            int[] start = new int[n + 1];
            double[] time = new double[n];
            int count = 0;
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double t = clean.get(i).timeS;
                if (!Double.isFinite(t) || t < previous) {
                    throw new IllegalArgumentException("the clean stream must be in time order with finite times; sample "
                            + i + " has " + t + " after " + previous);
                }
                if (i == 0 || t != previous) {
                    start[count] = i;
                    time[count] = t;
                    count++;
                }
                previous = t;
            }
            start[count] = n;
            return new Packets(count, start, time);
        }
    }
}
