package org.formcoach.cli.live;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/**
 * What a live view shows about one device at one moment: plain mutable fields, filled by
 * {@link DeviceSnapshot} (the engine's copy) and copied out of it by the views
 * (each view keeps its own). Angles in degrees, times in device seconds.
 */
public final class LiveStatus {
    /** Fault rules shown at most (the exercises have two or three). */
    public static final int MAX_RULES = 4;
    private static final Exercise[] EXERCISES = Exercise.values();
    private static final Fault[] FAULTS = Fault.values();

    String device = "";
    /** Updates so far (one per sample); 0 = nothing seen yet. */
    long updates;
    /** Wall clock ({@link System#nanoTime}) of the last sample. */
    long lastSampleNanos;
    double t = Double.NaN;
    double firstT = Double.NaN;
    int exercise;
    String phase = "";
    boolean calibrated;
    double inclinationDeg = Double.NaN;
    double lateralDeg = Double.NaN;
    double lumbarDeg = Double.NaN;
    int reps;
    /** The coach's rep count when the current exercise started (it counts across exercises). */
    int repBase;
    int alerts;
    double holdStart = Double.NaN;
    int ruleCount;
    final int[] ruleFault = new int[MAX_RULES];
    final double[] ruleValue = new double[MAX_RULES];
    final double[] ruleWarn = new double[MAX_RULES];
    final double[] ruleFaultDeg = new double[MAX_RULES];
    final int[] ruleLevel = new int[MAX_RULES];
    long samples;
    long missing;
    long gaps;
    boolean linkUp = true;
    long linkLosses;

    void copyFrom(LiveStatus o) {
        device = o.device;
        updates = o.updates;
        lastSampleNanos = o.lastSampleNanos;
        t = o.t;
        firstT = o.firstT;
        exercise = o.exercise;
        phase = o.phase;
        calibrated = o.calibrated;
        inclinationDeg = o.inclinationDeg;
        lateralDeg = o.lateralDeg;
        lumbarDeg = o.lumbarDeg;
        reps = o.reps;
        repBase = o.repBase;
        alerts = o.alerts;
        holdStart = o.holdStart;
        ruleCount = o.ruleCount;
        System.arraycopy(o.ruleFault, 0, ruleFault, 0, MAX_RULES);
        System.arraycopy(o.ruleValue, 0, ruleValue, 0, MAX_RULES);
        System.arraycopy(o.ruleWarn, 0, ruleWarn, 0, MAX_RULES);
        System.arraycopy(o.ruleFaultDeg, 0, ruleFaultDeg, 0, MAX_RULES);
        System.arraycopy(o.ruleLevel, 0, ruleLevel, 0, MAX_RULES);
        samples = o.samples;
        missing = o.missing;
        gaps = o.gaps;
        linkUp = o.linkUp;
        linkLosses = o.linkLosses;
    }

    public String device() {
        return device;
    }

    /** Whether any sample has arrived. */
    public boolean seen() {
        return updates > 0;
    }

    public long updates() {
        return updates;
    }

    public double t() {
        return t;
    }

    /** Device seconds since the device's first sample. */
    public double elapsed() {
        return seen() ? t - firstT : 0;
    }

    public Exercise exercise() {
        return EXERCISES[exercise];
    }

    public String phase() {
        return phase;
    }

    public boolean calibrated() {
        return calibrated;
    }

    public double inclinationDeg() {
        return inclinationDeg;
    }

    public double lateralDeg() {
        return lateralDeg;
    }

    /** Two sensors: the lumbar angle between them; NaN otherwise. */
    public double lumbarDeg() {
        return lumbarDeg;
    }

    /** Reps of the whole session. */
    public int reps() {
        return reps;
    }

    /** Reps since the current exercise started. */
    public int exerciseReps() {
        return reps - repBase;
    }

    public int alerts() {
        return alerts;
    }

    /** Seconds of the hold in progress, NaN when not holding. */
    public double holdSeconds() {
        return Double.isNaN(holdStart) ? Double.NaN : Math.max(0, t - holdStart);
    }

    public int ruleCount() {
        return ruleCount;
    }

    public Fault ruleFault(int i) {
        return FAULTS[ruleFault[i]];
    }

    /** The rule's value now (degrees past neutral), NaN when it does not apply in this phase. */
    public double ruleValue(int i) {
        return ruleValue[i];
    }

    public double ruleWarn(int i) {
        return ruleWarn[i];
    }

    public double ruleFaultDeg(int i) {
        return ruleFaultDeg[i];
    }

    /** 0 none, 1 warn, 2 fault. */
    public int ruleLevel(int i) {
        return ruleLevel[i];
    }

    /**
     * The rule to show first: an alerting one, else the one closest to (or furthest past)
     * its warn threshold among those that apply now, else the first; -1 without rules.
     */
    public int primaryRule() {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ruleCount; i++) {
            double v = ruleValue[i];
            double score = ruleLevel[i] * 1000.0 + (Double.isNaN(v) ? -1000.0
                    : ruleWarn[i] > 0 ? v / ruleWarn[i] : v);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** Samples accepted by the coach. */
    public long samples() {
        return samples;
    }

    /** Samples lost in gaps of the device's stream. */
    public long missing() {
        return missing;
    }

    /** Share of the device's samples lost, percent. */
    public double lossPercent() {
        long total = samples + missing;
        return total == 0 ? 0 : 100.0 * missing / total;
    }

    public boolean linkUp() {
        return linkUp;
    }

    public long linkLosses() {
        return linkLosses;
    }

    /** Wall-clock seconds since the last sample arrived (0 before the first). */
    public double silentSeconds(long nowNanos) {
        return seen() ? Math.max(0, (nowNanos - lastSampleNanos) / 1e9) : 0;
    }
}
