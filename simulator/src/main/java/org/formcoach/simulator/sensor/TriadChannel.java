package org.formcoach.simulator.sensor;

import java.util.SplittableRandom;

/**
 * One triad's error state for one session: the drawn matrices and offsets, the wandering
 * bias, the DLPF memory. {@link #process} turns a true vector into the reported one in
 * {@link #out} without allocating.
 */
final class TriadChannel {
    private final boolean perfect;
    /** (I + S)(I + M), row-major. */
    private final double[] matrix = new double[9];
    private final double[] offset = new double[3];
    private final double[] tempCoefficient = new double[3];
    private final double[] bias = new double[3];
    private final double biasDecay;
    private final double biasDrive;
    private final boolean wanders;
    /** σ of the white noise added before the DLPF, sized so that σ after it is ND·√B. */
    private final double noiseSigma;
    private final boolean clips;
    private final double fullScale;
    private final double lsb;
    private final double reportScale;
    private final double minCode;
    private final double maxCode;
    private final DeviceLowPass filter;
    private final double[] z1 = new double[3];
    private final double[] z2 = new double[3];
    private boolean started;
    private final SplittableRandom rng;

    /** The reported vector after {@link #process}. */
    final double[] out = new double[3];

    TriadChannel(TriadSpec spec, double rateHz, SplittableRandom rng) {
        this.rng = rng;
        this.perfect = spec.isPerfect();
        double[] scale = new double[3];
        for (int i = 0; i < 3; i++) {
            scale[i] = spec.scaleSigma() * rng.nextGaussian();
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double misalignment = i == j ? 1 : spec.crossAxisSigma() * rng.nextGaussian();
                matrix[3 * i + j] = (1 + scale[i]) * misalignment;
            }
        }
        TurnOnOffset turnOn = spec.offset();
        for (int i = 0; i < 3; i++) {
            boolean tail = turnOn.tailProbability() > 0 && rng.nextDouble() < turnOn.tailProbability();
            offset[i] = (tail ? turnOn.tailSigma() : turnOn.sigma(i)) * rng.nextGaussian();
        }
        GaussMarkov gm = spec.bias();
        double dt = 1 / rateHz;
        biasDecay = Math.exp(-dt / gm.timeConstantS());
        biasDrive = gm.sigma() * Math.sqrt(1 - Math.exp(-2 * dt / gm.timeConstantS()));
        wanders = gm.sigma() > 0;
        for (int i = 0; i < 3; i++) {
            bias[i] = wanders ? gm.sigma() * rng.nextGaussian() : 0; // start in the stationary state
            tempCoefficient[i] = spec.tempCoefficientSigma() * rng.nextGaussian();
        }
        filter = DeviceLowPass.of(spec.lowPass(), rateHz);
        noiseSigma = spec.noiseSigma(rateHz) / (filter == null ? 1 : filter.noiseGain);
        Range range = spec.range();
        clips = range != null;
        fullScale = clips ? range.fullScale() : Double.POSITIVE_INFINITY;
        lsb = clips ? range.lsb() : 0;
        reportScale = clips ? range.reportScale() : 1;
        minCode = clips ? -range.codes() : 0;
        maxCode = clips ? range.codes() - 1 : 0;
    }

    /**
     * @param x,y,z          the true vector
     * @param ex,ey,ez       an extra error already in the triad's unit (the gyro's g-sensitivity)
     * @param warmingC       how far the part has warmed since it was switched on, °C
     */
    void process(double x, double y, double z, double ex, double ey, double ez, double warmingC) {
        if (perfect) {
            out[0] = x + ex;
            out[1] = y + ey;
            out[2] = z + ez;
            return;
        }
        for (int i = 0; i < 3; i++) {
            int r = 3 * i;
            double v = matrix[r] * x + matrix[r + 1] * y + matrix[r + 2] * z
                    + offset[i] + bias[i] + tempCoefficient[i] * warmingC
                    + (i == 0 ? ex : i == 1 ? ey : ez);
            if (noiseSigma > 0) {
                v += noiseSigma * rng.nextGaussian();
            }
            if (wanders) {
                bias[i] = biasDecay * bias[i] + biasDrive * rng.nextGaussian();
            }
            v = Math.max(-fullScale, Math.min(fullScale, v)); // the analogue front end clips first
            if (filter != null) {
                v = filter(i, v);
            }
            out[i] = clips ? quantise(v) : v;
        }
        started = true;
    }

    private double filter(int axis, double x) {
        DeviceLowPass f = filter;
        if (!started) {
            // Start in the steady state of the first reading, not at zero: a part that has been
            // on for a while does not ring from 0 to 1 g at the first sample.
            z2[axis] = (f.b2 - f.a2) * x;
            z1[axis] = (f.b1 - f.a1) * x + z2[axis];
        }
        double y = f.b0 * x + z1[axis];
        z1[axis] = f.b1 * x - f.a1 * y + z2[axis];
        z2[axis] = f.b2 * x - f.a2 * y;
        return y;
    }

    private double quantise(double v) {
        double code = Math.rint(v / lsb);
        if (code > maxCode) {
            code = maxCode;
        } else if (code < minCode) {
            code = minCode;
        }
        return code * lsb * reportScale;
    }

    double[] matrix() {
        return matrix.clone();
    }

    double[] offset() {
        return offset.clone();
    }

    double[] bias() {
        return bias.clone();
    }

    double[] tempCoefficient() {
        return tempCoefficient.clone();
    }
}
