package org.formcoach.simulator.sensor;

/**
 * The offset a triad has from the moment it is switched on (zero-g offset, zero-rate
 * offset), drawn once per session and per axis from N(0, σ²). An optional tail — with a
 * small probability the axis is drawn from a wider N(0, σ_tail²) — models parts that users
 * find out of their typical spec (BMI270 gyro x at −3 dps against 0.5 dps typical).
 *
 * @param sigmaX          1σ of the x offset
 * @param sigmaY          1σ of the y offset
 * @param sigmaZ          1σ of the z offset (MPU-6050 accel z has a wider tolerance)
 * @param tailProbability probability that an axis is drawn from the tail instead
 * @param tailSigma       1σ of the tail
 */
public record TurnOnOffset(double sigmaX, double sigmaY, double sigmaZ, double tailProbability, double tailSigma) {
    public static final TurnOnOffset NONE = new TurnOnOffset(0, 0, 0, 0, 0);

    public TurnOnOffset {
        if (!(sigmaX >= 0 && sigmaY >= 0 && sigmaZ >= 0 && tailSigma >= 0)
                || !(tailProbability >= 0 && tailProbability <= 1)) {
            throw new IllegalArgumentException("offset spreads must be >= 0 and the tail probability in [0, 1]");
        }
    }

    /** The same spread on every axis, no tail. */
    public static TurnOnOffset sigma(double sigma) {
        return new TurnOnOffset(sigma, sigma, sigma, 0, 0);
    }

    /** A tolerance read as ±3σ (InvenSense "initial tolerance", any min/max figure). */
    public static TurnOnOffset tolerance(double xy, double z) {
        return new TurnOnOffset(xy / 3, xy / 3, z / 3, 0, 0);
    }

    public double sigma(int axis) {
        return switch (axis) {
            case 0 -> sigmaX;
            case 1 -> sigmaY;
            default -> sigmaZ;
        };
    }

    /** The standard deviation of the whole distribution on that axis (body and tail). */
    public double totalSigma(int axis) {
        double s = sigma(axis);
        return Math.sqrt((1 - tailProbability) * s * s + tailProbability * tailSigma * tailSigma);
    }

    public TurnOnOffset withTail(double probability, double sigma) {
        return new TurnOnOffset(sigmaX, sigmaY, sigmaZ, probability, sigma);
    }
}
