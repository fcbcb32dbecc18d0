package org.formcoach.bridge.wire;

import org.formcoach.engine.sample.Sample;

/**
 * Readings no body-worn IMU reports. Accelerometers top out at ±16 g in consumer parts (a
 * few reach ±32 g, shock sensors more); gyroscopes at ±4000 deg/s; the Earth's field is
 * 25–65 µT and sensors saturate around ±4900 µT. Anything past these limits is a unit
 * mix-up or garbage, counted and skipped rather than fed to the engine.
 */
public final class SampleLimits {
    public static final double MAX_ACCEL_G = 64;
    public static final double MAX_GYRO_DPS = 10_000;
    public static final double MAX_MAG_UT = 5_000;
    /** Device clocks: 0 to ~31.7 years of uptime, in seconds. */
    public static final double MAX_TIME_S = 1e9;

    private SampleLimits() {
    }

    /** {@link Outcome#SAMPLE} when the sample may go on, else why not. */
    public static Outcome check(Sample s) {
        if (!s.isFinite()) {
            return Outcome.NON_FINITE;
        }
        if (s.timeS < 0 || s.timeS > MAX_TIME_S
                || Math.abs(s.ax) > MAX_ACCEL_G || Math.abs(s.ay) > MAX_ACCEL_G || Math.abs(s.az) > MAX_ACCEL_G
                || Math.abs(s.gx) > MAX_GYRO_DPS || Math.abs(s.gy) > MAX_GYRO_DPS || Math.abs(s.gz) > MAX_GYRO_DPS
                || (s.hasMag && (Math.abs(s.mx) > MAX_MAG_UT || Math.abs(s.my) > MAX_MAG_UT
                || Math.abs(s.mz) > MAX_MAG_UT))) {
            return Outcome.OUT_OF_RANGE;
        }
        return Outcome.SAMPLE;
    }
}
