package org.formcoach.simulator.sensor;

/**
 * The error parameters of one triad (accelerometer in g, or gyroscope in deg/s), following
 * the brief's model (§5.3): {@code y = Q(LPF(clip((I + S)(I + M)·x + b0 + b(t) + k_T·ΔT + n)))}.
 *
 * @param range                full scale and digitisation; null for a perfect triad (no clipping, no steps)
 * @param noiseDensity         white-noise density, unit/√Hz, one-sided datasheet convention:
 *                             per-sample σ = ND·√B with B the low-pass corner (or ODR/2)
 * @param offset               turn-on offset drawn per session
 * @param bias                 slow offset wander (Gauss–Markov)
 * @param scaleSigma           1σ of each diagonal scale error (fraction: 0.01 = 1 %)
 * @param crossAxisSigma       1σ of each off-diagonal cross-axis/misalignment term (fraction)
 * @param tempCoefficientSigma 1σ of each axis's offset temperature coefficient, unit/°C
 * @param lowPass              the device DLPF; null for none (noise bandwidth ODR/2)
 */
public record TriadSpec(Range range, double noiseDensity, TurnOnOffset offset, GaussMarkov bias,
                        double scaleSigma, double crossAxisSigma, double tempCoefficientSigma, LowPass lowPass) {
    /** No error of any kind: the true value is reported unchanged. */
    public static final TriadSpec PERFECT = new TriadSpec(null, 0, TurnOnOffset.NONE, GaussMarkov.NONE, 0, 0, 0, null);

    public TriadSpec {
        if (offset == null || bias == null) {
            throw new IllegalArgumentException("offset and bias are required (use NONE)");
        }
        if (!(noiseDensity >= 0 && scaleSigma >= 0 && crossAxisSigma >= 0 && tempCoefficientSigma >= 0)) {
            throw new IllegalArgumentException("noise density and error spreads must be >= 0");
        }
    }

    /** True when this triad changes nothing. */
    public boolean isPerfect() {
        return range == null && noiseDensity == 0 && offset.equals(TurnOnOffset.NONE)
                && bias.sigma() == 0 && scaleSigma == 0 && crossAxisSigma == 0
                && tempCoefficientSigma == 0 && lowPass == null;
    }

    /** The per-sample white-noise σ at this output rate: ND·√B_eff. */
    public double noiseSigma(double rateHz) {
        return noiseDensity * Math.sqrt(noiseBandwidth(rateHz));
    }

    /** B_eff: the low-pass corner, or ODR/2 without one. */
    public double noiseBandwidth(double rateHz) {
        return lowPass == null ? rateHz / 2 : lowPass.cornerAt(rateHz);
    }

    public TriadSpec withRange(Range value) {
        return new TriadSpec(value, noiseDensity, offset, bias, scaleSigma, crossAxisSigma, tempCoefficientSigma, lowPass);
    }

    public TriadSpec withNominalRange(double fullScale) {
        if (range == null) {
            throw new IllegalStateException("a perfect triad has no range to change");
        }
        return withRange(range.withNominal(fullScale));
    }

    public TriadSpec withNoiseDensity(double value) {
        return new TriadSpec(range, value, offset, bias, scaleSigma, crossAxisSigma, tempCoefficientSigma, lowPass);
    }

    public TriadSpec withOffset(TurnOnOffset value) {
        return new TriadSpec(range, noiseDensity, value, bias, scaleSigma, crossAxisSigma, tempCoefficientSigma, lowPass);
    }

    public TriadSpec withBias(GaussMarkov value) {
        return new TriadSpec(range, noiseDensity, offset, value, scaleSigma, crossAxisSigma, tempCoefficientSigma, lowPass);
    }

    public TriadSpec withScaleAndCrossAxis(double scale, double crossAxis) {
        return new TriadSpec(range, noiseDensity, offset, bias, scale, crossAxis, tempCoefficientSigma, lowPass);
    }

    public TriadSpec withTempCoefficient(double value) {
        return new TriadSpec(range, noiseDensity, offset, bias, scaleSigma, crossAxisSigma, value, lowPass);
    }

    public TriadSpec withLowPass(LowPass value) {
        return new TriadSpec(range, noiseDensity, offset, bias, scaleSigma, crossAxisSigma, tempCoefficientSigma, value);
    }
}
