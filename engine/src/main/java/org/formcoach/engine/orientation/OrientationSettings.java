package org.formcoach.engine.orientation;

/**
 * How the orientation filter behaves; see {@code docs/orientation.md}.
 *
 * @param gain              the correction gain K once start-up has ended (default 0.5)
 * @param gyroRangeDps      the gyroscope's full-scale range; readings above 98 % of it
 *                          restart the start-up phase. 0 turns the check off
 * @param accelRejectionDeg accelerometer readings further than this from the predicted
 *                          "up" are ignored (outside start-up and recovery). 0 = off
 * @param magRejectionDeg   the same for the magnetometer's heading. 0 = off
 * @param rejectionTimeoutS after this long of mostly rejected readings the filter trusts
 *                          them again (recovery). 0 turns rejection off altogether
 * @param rateHz            the nominal sample rate, used to count start-up, recovery and
 *                          offset-estimation periods in samples
 * @param useMagnetometer   whether magnetometer readings correct the heading; without
 *                          it the heading is held at 0 during start-up
 */
public record OrientationSettings(double gain, double gyroRangeDps, double accelRejectionDeg,
                                  double magRejectionDeg, double rejectionTimeoutS, double rateHz,
                                  boolean useMagnetometer) {

    public static final double DEFAULT_GAIN = 0.5;
    public static final double DEFAULT_RATE_HZ = 100.0;

    public OrientationSettings {
        requireNonNegative("gain", gain);
        requireNonNegative("gyroRangeDps", gyroRangeDps);
        requireNonNegative("accelRejectionDeg", accelRejectionDeg);
        requireNonNegative("magRejectionDeg", magRejectionDeg);
        requireNonNegative("rejectionTimeoutS", rejectionTimeoutS);
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be a positive number: " + rateHz);
        }
    }

    /** Gain 0.5 at 100 Hz, no rejection, no range check, no magnetometer: the "simple" settings. */
    public static OrientationSettings simple() {
        return new OrientationSettings(DEFAULT_GAIN, 0, 0, 0, 0, DEFAULT_RATE_HZ, false);
    }

    /**
     * What the engine uses for a body-worn sensor: 2000 deg/s range, 10° rejection with a
     * 5 s timeout, no magnetometer (gyms are full of steel).
     */
    public static OrientationSettings wearable(double rateHz) {
        return new OrientationSettings(DEFAULT_GAIN, 2000, 10, 10, 5, rateHz, false);
    }

    public OrientationSettings withRate(double newRateHz) {
        return new OrientationSettings(gain, gyroRangeDps, accelRejectionDeg, magRejectionDeg, rejectionTimeoutS,
                newRateHz, useMagnetometer);
    }

    public OrientationSettings withMagnetometer(boolean use) {
        return new OrientationSettings(gain, gyroRangeDps, accelRejectionDeg, magRejectionDeg, rejectionTimeoutS,
                rateHz, use);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0: " + value);
        }
    }
}
