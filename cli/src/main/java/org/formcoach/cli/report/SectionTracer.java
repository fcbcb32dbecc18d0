package org.formcoach.cli.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/**
 * Watches a coach during one exercise's stretch of a replay: after each sample it reads
 * every fault rule ({@link Coach#readFaults}) and the posture angles, adds up the time over
 * each threshold, keeps the angle ranges, and keeps a plot point every
 * {@value #PLOT_INTERVAL_S} s. Per sample it allocates nothing.
 */
final class SectionTracer implements Coach.FaultReadingConsumer {
    /** Plot points every 50 ms (20 Hz): finer than any alert timing a reader can see. */
    static final double PLOT_INTERVAL_S = 0.05;
    /** A longer interval between samples is a gap in the stream and does not count as time over a threshold. */
    static final double MAX_STEP_S = 1.0;
    private static final int FAULTS = Fault.values().length;
    private static final int INCLINATION = 0;
    private static final int LATERAL = 1;
    private static final int LUMBAR = 2;

    private final Exercise exercise;
    private double start;
    private final PlotSeries plot = new PlotSeries();

    private final boolean[] present = new boolean[FAULTS];
    private final double[] value = new double[FAULTS];
    private final double[] warn = new double[FAULTS];
    private final double[] fault = new double[FAULTS];

    private final boolean[] seen = new boolean[FAULTS];
    private final double[] activeS = new double[FAULTS];
    private final double[] aboveWarnS = new double[FAULTS];
    private final double[] aboveFaultS = new double[FAULTS];
    private final double[] maxValue = new double[FAULTS];

    private final double[] angleMin = {Double.NaN, Double.NaN, Double.NaN};
    private final double[] angleMax = {Double.NaN, Double.NaN, Double.NaN};
    private double lastT = Double.NaN;
    private double nextPlotT = Double.NEGATIVE_INFINITY;

    SectionTracer(Exercise exercise, double start) {
        this.exercise = exercise;
        this.start = start;
        java.util.Arrays.fill(maxValue, Double.NaN);
    }

    /** Call once per time step, after the coach took the step's sample(s). */
    void onStep(Coach coach, double t) {
        if (Double.isNaN(start)) {
            start = t;
        }
        double step = Double.isNaN(lastT) ? 0 : t - lastT;
        if (step > MAX_STEP_S || step < 0) {
            step = 0;
        }
        lastT = t;
        for (int i = 0; i < FAULTS; i++) {
            present[i] = false;
        }
        boolean calibrated = coach.isCalibrated();
        double inclination = Double.NaN;
        double lateral = Double.NaN;
        double lumbar = Double.NaN;
        if (calibrated) {
            // Before calibration (and after it is lost) the rules hold stale readings: ignore them.
            coach.readFaults(this);
            inclination = coach.inclinationDeg();
            lateral = coach.lateralDeg();
            lumbar = coach.lumbarAngleDeg();
            range(INCLINATION, inclination);
            range(LATERAL, lateral);
            range(LUMBAR, lumbar);
            for (int i = 0; i < FAULTS; i++) {
                double v = value[i];
                if (!present[i] || Double.isNaN(v)) {
                    continue;
                }
                seen[i] = true;
                activeS[i] += step;
                if (v >= warn[i]) {
                    aboveWarnS[i] += step;
                }
                if (v >= fault[i]) {
                    aboveFaultS[i] += step;
                }
                if (Double.isNaN(maxValue[i]) || v > maxValue[i]) {
                    maxValue[i] = v;
                }
            }
        }
        if (t >= nextPlotT) {
            plot.add(t, inclination, lateral, lumbar, present, value, warn, fault);
            nextPlotT = Math.max(nextPlotT + PLOT_INTERVAL_S, t + PLOT_INTERVAL_S / 2);
        }
    }

    @Override
    public void accept(Fault f, double valueDeg, double warnDeg, double faultDeg, int level) {
        int i = f.ordinal();
        present[i] = true;
        value[i] = valueDeg;
        warn[i] = warnDeg;
        fault[i] = faultDeg;
    }

    private void range(int angle, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (Double.isNaN(angleMin[angle]) || v < angleMin[angle]) {
            angleMin[angle] = v;
        }
        if (Double.isNaN(angleMax[angle]) || v > angleMax[angle]) {
            angleMax[angle] = v;
        }
    }

    /** The result for the stretch that ends at {@code end}. */
    SectionTrace finish(double end) {
        Map<Fault, FaultTime> times = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            int i = f.ordinal();
            if (seen[i] || plot.faults().containsKey(f)) {
                times.put(f, new FaultTime(activeS[i], aboveWarnS[i], aboveFaultS[i], maxValue[i]));
            }
        }
        List<AngleRange> angles = new ArrayList<>();
        angles.add(new AngleRange("Forward tilt", "lower sensor's inclination from standing; 90° is horizontal",
                angleMin[INCLINATION], angleMax[INCLINATION]));
        angles.add(new AngleRange("Sideways tilt", "roll of the lower sensor about the spine; + = the left side up",
                angleMin[LATERAL], angleMax[LATERAL]));
        if (!Double.isNaN(angleMin[LUMBAR])) {
            angles.add(new AngleRange("Lumbar angle", "upper minus lower sensor inclination; + = rounded",
                    angleMin[LUMBAR], angleMax[LUMBAR]));
        }
        double s = Double.isNaN(start) ? end : start;
        return new SectionTrace(exercise, s, Math.max(s, end), plot, times, angles);
    }
}
