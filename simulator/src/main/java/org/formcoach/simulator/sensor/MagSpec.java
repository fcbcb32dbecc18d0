package org.formcoach.simulator.sensor;

/**
 * A magnetometer's errors, in µT: a hard-iron offset of tens of µT from the board and
 * battery (drawn per session), white noise, digitisation, and transient disturbances —
 * a barbell or a rack passing near the belt (brief §5.3, assumption) — that arrive at
 * random at {@code disturbanceRatePerMin} or where the simulator schedules them.
 *
 * @param range                 full scale and digitisation; null for a perfect magnetometer
 * @param noiseSigma            per-sample white-noise σ, µT
 * @param hardIronSigma         1σ of each axis's hard-iron offset, µT
 * @param disturbanceRatePerMin mean number of random disturbances per minute (0 = only scheduled ones)
 * @param disturbancePeak       peak size of a random disturbance, µT (drawn between half and all of it)
 * @param disturbanceDurationS  length of a random disturbance, seconds
 */
public record MagSpec(Range range, double noiseSigma, double hardIronSigma,
                      double disturbanceRatePerMin, double disturbancePeak, double disturbanceDurationS) {
    /** Reports the true field unchanged. */
    public static final MagSpec PERFECT = new MagSpec(null, 0, 0, 0, 0, 1);

    public MagSpec {
        if (!(noiseSigma >= 0 && hardIronSigma >= 0 && disturbanceRatePerMin >= 0 && disturbancePeak >= 0)
                || !(disturbanceDurationS > 0)) {
            throw new IllegalArgumentException("magnetometer spreads must be >= 0 and the disturbance duration > 0");
        }
    }

    public boolean isPerfect() {
        return range == null && noiseSigma == 0 && hardIronSigma == 0 && disturbanceRatePerMin == 0;
    }

    public MagSpec withDisturbances(double ratePerMin, double peak, double durationS) {
        return new MagSpec(range, noiseSigma, hardIronSigma, ratePerMin, peak, durationS);
    }
}
