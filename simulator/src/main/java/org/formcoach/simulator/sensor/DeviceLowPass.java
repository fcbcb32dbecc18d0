package org.formcoach.simulator.sensor;

/**
 * Coefficients of the device DLPF at one output rate, as a biquad
 * {@code y = b0·x + b1·x[−1] + b2·x[−2] − a1·y[−1] − a2·y[−2]} (unity gain at DC). First
 * order is the one-pole smoother with α = 1 − e^(−2π·fc/fs); second order is a Butterworth
 * section from the bilinear transform with a prewarped corner (kept below 0.45·fs, where
 * the transform still behaves). A corner at the Nyquist frequency means no filter.
 */
final class DeviceLowPass {
    final double b0;
    final double b1;
    final double b2;
    final double a1;
    final double a2;
    /** √(Σ h[k]²): the filter's white-noise gain, so noise can be sized to come out at ND·√B. */
    final double noiseGain;

    private DeviceLowPass(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
        this.noiseGain = Math.sqrt(impulseEnergy());
    }

    /** @return the filter for this spec at this rate, or null when it does not filter */
    static DeviceLowPass of(LowPass spec, double rateHz) {
        if (spec == null) {
            return null;
        }
        double corner = spec.cornerAt(rateHz);
        if (corner >= rateHz / 2) {
            return null;
        }
        if (spec.order() == 1) {
            double alpha = 1 - Math.exp(-2 * Math.PI * corner / rateHz);
            return new DeviceLowPass(alpha, 0, 0, -(1 - alpha), 0);
        }
        double k = Math.tan(Math.PI * Math.min(corner, 0.45 * rateHz) / rateHz);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        double b0 = k * k * norm;
        return new DeviceLowPass(b0, 2 * b0, b0, 2 * (k * k - 1) * norm, (1 - Math.sqrt(2) * k + k * k) * norm);
    }

    private double impulseEnergy() {
        double z1 = 0;
        double z2 = 0;
        double energy = 0;
        for (int n = 0; n < 100_000; n++) {
            double x = n == 0 ? 1 : 0;
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            energy += y * y;
            if (n > 10 && Math.abs(y) < 1e-12 && Math.abs(z1) < 1e-12) {
                break;
            }
        }
        return energy;
    }
}
