package org.formcoach.engine.orientation;

import org.formcoach.engine.sample.Sample;

/**
 * The orientation of one sensor from its stream of samples: optional gyroscope offset
 * estimation, the time step (measured from the device clock, or fixed at the nominal
 * rate), and the {@link OrientationFilter}. This is the loop {@code formcoach orient}
 * runs and the first stage of the coaching pipeline.
 */
public final class SensorOrientation {
    /** How the time step of each update is found. */
    public enum TimeStep {
        /** t[i] − t[i−1] from the device clock; 0 for the first sample. */
        MEASURED,
        /** 1 / nominal rate, whatever the clock says. */
        FIXED
    }

    private final OrientationFilter filter;
    private final GyroOffsetEstimator offset;
    private final TimeStep timeStep;
    private final float fixedDt;
    private final float maxDt;
    private double lastTime = Double.NaN;
    private long updates;

    /**
     * @param estimateOffset whether to estimate and remove the gyroscope offset while still
     * @param maxDtS         a measured step longer than this (a gap in the stream) is
     *                       clamped to it so that one late sample cannot spin the
     *                       orientation; use {@code Double.POSITIVE_INFINITY} to reproduce
     *                       the reference exactly
     */
    public SensorOrientation(OrientationSettings settings, boolean estimateOffset, TimeStep timeStep, double maxDtS) {
        this.filter = new OrientationFilter(settings);
        this.offset = estimateOffset ? new GyroOffsetEstimator(settings.rateHz()) : null;
        this.timeStep = timeStep;
        this.fixedDt = (float) (1.0 / settings.rateHz());
        this.maxDt = (float) maxDtS;
    }

    public void update(Sample s) {
        update(s.timeS, (float) s.gx, (float) s.gy, (float) s.gz, s.ax, s.ay, s.az, s.hasMag, s.mx, s.my, s.mz);
    }

    /**
     * As {@link #update(Sample)}, with the readings given one by one: the coach passes its
     * offset-corrected gyroscope rates this way instead of copying the sample.
     */
    public void update(double timeS, float gx, float gy, float gz, double ax, double ay, double az,
                       boolean hasMag, double mx, double my, double mz) {
        if (offset != null) {
            offset.update(gx, gy, gz);
            gx = offset.x();
            gy = offset.y();
            gz = offset.z();
        }
        float dt = timeStep == TimeStep.FIXED ? fixedDt : measuredStep(lastTime, timeS, maxDt);
        lastTime = timeS;
        if (hasMag) {
            filter.update(gx, gy, gz, (float) ax, (float) ay, (float) az, (float) mx, (float) my, (float) mz, dt);
        } else {
            filter.update(gx, gy, gz, (float) ax, (float) ay, (float) az, 0f, 0f, 0f, dt);
        }
        updates++;
    }

    /**
     * The time step from a sample at {@code lastTime} to one at {@code timeS}, from the device
     * clock: 0 for the first sample ({@code lastTime} NaN) or a clock going back, at most
     * {@code maxDt} (a gap).
     */
    public static float measuredStep(double lastTime, double timeS, float maxDt) {
        float dt = Double.isNaN(lastTime) ? 0f : (float) (timeS - lastTime);
        if (dt < 0) {
            return 0;
        }
        return dt > maxDt ? maxDt : dt;
    }

    public OrientationFilter filter() {
        return filter;
    }

    /** The offset estimator, or null when the offset is not estimated. */
    public GyroOffsetEstimator offset() {
        return offset;
    }

    public long updates() {
        return updates;
    }

    /** Forgets the previous sample time, so the next update uses dt = 0 (after a gap). */
    public void restartClock() {
        lastTime = Double.NaN;
    }
}
