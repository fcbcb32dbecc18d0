package org.formcoach.simulator.body;

import java.util.SplittableRandom;

/**
 * Smooth band-limited noise: a sum of a few sinusoids with random frequencies inside a
 * band and random phases, scaled to unit RMS. Smooth (infinitely differentiable) so that
 * differencing it for accelerations and angular rates gives exact results, and cheap: each
 * component advances by one complex rotation per sample, no trigonometry in the loop.
 */
public final class BandNoise {
    private final double[] frequencies;
    private final double[] amplitudes;
    private final double[] phases;

    /**
     * @param lowHz, highHz the band
     * @param components how many sinusoids (5–8 look random enough)
     */
    public BandNoise(double lowHz, double highHz, int components, SplittableRandom rng) {
        frequencies = new double[components];
        amplitudes = new double[components];
        phases = new double[components];
        double power = 0;
        for (int j = 0; j < components; j++) {
            // Spread the components over the band (one per sub-band, jittered) so none cluster.
            double lo = lowHz + (highHz - lowHz) * j / components;
            double hi = lowHz + (highHz - lowHz) * (j + 1) / components;
            frequencies[j] = lo + (hi - lo) * rng.nextDouble();
            amplitudes[j] = 0.5 + 0.5 * rng.nextDouble();
            phases[j] = 2 * Math.PI * rng.nextDouble();
            power += 0.5 * amplitudes[j] * amplitudes[j];
        }
        double scale = 1 / Math.sqrt(power);
        for (int j = 0; j < components; j++) {
            amplitudes[j] *= scale;
        }
    }

    /** RMS of the noise's second time derivative, per unit RMS of the noise (1/s²). */
    public double secondDerivativeRms() {
        double power = 0;
        for (int j = 0; j < frequencies.length; j++) {
            double w2 = Math.pow(2 * Math.PI * frequencies[j], 2);
            power += 0.5 * Math.pow(amplitudes[j] * w2, 2);
        }
        return Math.sqrt(power);
    }

    /** RMS of the noise's first time derivative, per unit RMS of the noise (1/s). */
    public double derivativeRms() {
        double power = 0;
        for (int j = 0; j < frequencies.length; j++) {
            power += 0.5 * Math.pow(amplitudes[j] * 2 * Math.PI * frequencies[j], 2);
        }
        return Math.sqrt(power);
    }

    /**
     * Adds {@code gain × envelope[i] × noise(t0 + i·dt)} to {@code target[i]} for every i
     * (envelope null = 1).
     */
    public void addTo(double[] target, double[] envelope, double t0, double dt, double gain) {
        int n = target.length;
        for (int j = 0; j < frequencies.length; j++) {
            double w = 2 * Math.PI * frequencies[j];
            double c = Math.cos(w * t0 + phases[j]);
            double s = Math.sin(w * t0 + phases[j]);
            double cd = Math.cos(w * dt);
            double sd = Math.sin(w * dt);
            double a = gain * amplitudes[j];
            for (int i = 0; i < n; i++) {
                target[i] += (envelope == null ? a : a * envelope[i]) * s;
                double nc = c * cd - s * sd;
                s = s * cd + c * sd;
                c = nc;
            }
        }
    }
}
