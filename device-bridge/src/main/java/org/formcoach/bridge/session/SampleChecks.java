package org.formcoach.bridge.session;

import org.formcoach.engine.sample.Placement;

/**
 * The clock and order checks of one device's stream, per sensor (biomechanics §5.4):
 * samples whose time goes backwards or repeats (or whose sequence number repeats) are
 * rejected; a jump in the sequence number or in time beyond 1.5 sample intervals is a gap,
 * counted with the samples it lost. The sample interval is learnt from the stream (a
 * running average of accepted steps), starting from the nominal rate. Primitive state,
 * no allocation; owned by the engine (whoever holds its lock, see {@code EngineLoop}).
 */
public final class SampleChecks {
    /** What {@link #check} decided. */
    public enum Verdict { OK, GAP, DUPLICATE, BACKWARDS }

    private static final double GAP_FACTOR = 1.5;
    private static final double AVERAGE_WEIGHT = 0.02;

    private final double[] lastTime = new double[Placement.count()];
    private final long[] lastSeq = new long[Placement.count()];
    private final double[] interval = new double[Placement.count()];
    private final double nominalInterval;
    private long duplicates;
    private long backwards;
    private long gaps;
    private long missing;
    private double gapSeconds;
    /** Set by {@link #check} when it returns GAP: the gap's length and the samples it lost. */
    private double lastGapSeconds;
    private long lastGapMissing;

    public SampleChecks(double nominalRateHz) {
        this.nominalInterval = 1.0 / nominalRateHz;
        java.util.Arrays.fill(lastTime, Double.NaN);
        java.util.Arrays.fill(lastSeq, -1);
        java.util.Arrays.fill(interval, nominalInterval);
    }

    /**
     * @param sequence the unwrapped sequence number, or -1 when the device sends none
     */
    public Verdict check(int sensor, double time, long sequence) {
        double last = lastTime[sensor];
        if (Double.isNaN(last)) {
            lastTime[sensor] = time;
            lastSeq[sensor] = sequence;
            return Verdict.OK;
        }
        long prevSeq = lastSeq[sensor];
        if (time < last) {
            backwards++;
            return Verdict.BACKWARDS;
        }
        if (time == last || (sequence >= 0 && sequence == prevSeq)) {
            duplicates++;
            return Verdict.DUPLICATE;
        }
        double step = time - last;
        lastTime[sensor] = time;
        lastSeq[sensor] = sequence;
        long seqJump = sequence >= 0 && prevSeq >= 0 && sequence > prevSeq ? sequence - prevSeq - 1 : 0;
        double expected = interval[sensor];
        if (seqJump > 0 || step > GAP_FACTOR * expected) {
            long lost = seqJump > 0 ? seqJump : Math.max(1, Math.round(step / expected) - 1);
            gaps++;
            missing += lost;
            gapSeconds += step - expected;
            lastGapSeconds = step;
            lastGapMissing = lost;
            return Verdict.GAP;
        }
        // Learn the device's real interval (clocks run 1-2 % off nominal) from ordinary steps only.
        interval[sensor] = expected + AVERAGE_WEIGHT * (step - expected);
        return Verdict.OK;
    }

    /** The time since the previous sample of the last GAP verdict, seconds. */
    public double lastGapSeconds() {
        return lastGapSeconds;
    }

    /** Samples lost in the last GAP verdict (by sequence number, else estimated from time). */
    public long lastGapMissing() {
        return lastGapMissing;
    }

    /** The learnt sample interval of a sensor, seconds. */
    public double interval(int sensor) {
        return interval[sensor];
    }

    public double nominalInterval() {
        return nominalInterval;
    }

    public long duplicates() {
        return duplicates;
    }

    public long backwards() {
        return backwards;
    }

    public long gaps() {
        return gaps;
    }

    public long missing() {
        return missing;
    }

    /** Total time lost to gaps, seconds. */
    public double gapSeconds() {
        return gapSeconds;
    }
}
