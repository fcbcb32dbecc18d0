package org.formcoach.simulator.sensor;

import java.util.SplittableRandom;

/**
 * The magnetometer's error state for one session: hard iron, white noise, digitisation and
 * transient disturbances (random ones, and ones the simulator schedules around "barbell"
 * moments). A disturbance is a raised-cosine bump of a fixed vector:
 * {@code d(t) = v·sin²(π(t − t0)/D)} for t0 ≤ t < t0 + D.
 */
final class MagChannel {
    /** Scheduled disturbances are kept in fixed arrays so {@link #process} never allocates. */
    static final int MAX_SCHEDULED = 1024;

    private final boolean perfect;
    private final double[] hardIron = new double[3];
    private final double noiseSigma;
    private final boolean clips;
    private final double fullScale;
    private final double lsb;
    private final double reportScale;
    private final double minCode;
    private final double maxCode;
    private final double startProbability;
    private final double randomPeak;
    private final double randomDuration;
    private final SplittableRandom rng;
    private final SplittableRandom scheduleRng;

    private boolean randomActive;
    private double randomStart;
    private final double[] randomVector = new double[3];

    private int scheduled;
    private final double[] scheduledStart = new double[MAX_SCHEDULED];
    private final double[] scheduledDuration = new double[MAX_SCHEDULED];
    private final double[] scheduledVector = new double[3 * MAX_SCHEDULED];

    final double[] out = new double[3];

    MagChannel(MagSpec spec, double rateHz, SplittableRandom rng) {
        this.rng = rng;
        this.scheduleRng = rng.split();
        this.perfect = spec.isPerfect();
        for (int i = 0; i < 3; i++) {
            hardIron[i] = spec.hardIronSigma() * rng.nextGaussian();
        }
        noiseSigma = spec.noiseSigma();
        Range range = spec.range();
        clips = range != null;
        fullScale = clips ? range.fullScale() : Double.POSITIVE_INFINITY;
        lsb = clips ? range.lsb() : 0;
        reportScale = clips ? range.reportScale() : 1;
        minCode = clips ? -range.codes() : 0;
        maxCode = clips ? range.codes() - 1 : 0;
        startProbability = spec.disturbanceRatePerMin() / 60.0 / rateHz;
        randomPeak = spec.disturbancePeak();
        randomDuration = spec.disturbanceDurationS();
    }

    void schedule(double startS, double durationS, double peakUt) {
        if (scheduled == MAX_SCHEDULED) {
            throw new IllegalStateException("at most " + MAX_SCHEDULED + " scheduled magnetic disturbances");
        }
        if (!(durationS > 0) || !Double.isFinite(startS) || !(peakUt >= 0)) {
            throw new IllegalArgumentException("a disturbance needs a finite start, duration > 0 and peak >= 0");
        }
        scheduledStart[scheduled] = startS;
        scheduledDuration[scheduled] = durationS;
        randomDirection(scheduleRng, peakUt, scheduledVector, 3 * scheduled);
        scheduled++;
    }

    void process(double timeS, double x, double y, double z) {
        if (perfect) {
            out[0] = x;
            out[1] = y;
            out[2] = z;
            return;
        }
        if (!randomActive && startProbability > 0 && rng.nextDouble() < startProbability) {
            randomActive = true;
            randomStart = timeS;
            randomDirection(rng, randomPeak * (0.5 + 0.5 * rng.nextDouble()), randomVector, 0);
        }
        double dx = 0;
        double dy = 0;
        double dz = 0;
        if (randomActive) {
            double phase = (timeS - randomStart) / randomDuration;
            if (phase >= 1 || phase < 0) {
                randomActive = false;
            } else {
                double w = bump(phase);
                dx += w * randomVector[0];
                dy += w * randomVector[1];
                dz += w * randomVector[2];
            }
        }
        for (int k = 0; k < scheduled; k++) {
            double phase = (timeS - scheduledStart[k]) / scheduledDuration[k];
            if (phase >= 0 && phase < 1) {
                double w = bump(phase);
                dx += w * scheduledVector[3 * k];
                dy += w * scheduledVector[3 * k + 1];
                dz += w * scheduledVector[3 * k + 2];
            }
        }
        out[0] = report(x + hardIron[0] + dx);
        out[1] = report(y + hardIron[1] + dy);
        out[2] = report(z + hardIron[2] + dz);
    }

    private double report(double v) {
        if (noiseSigma > 0) {
            v += noiseSigma * rng.nextGaussian();
        }
        if (!clips) {
            return v;
        }
        v = Math.max(-fullScale, Math.min(fullScale, v));
        double code = Math.rint(v / lsb);
        if (code > maxCode) {
            code = maxCode;
        } else if (code < minCode) {
            code = minCode;
        }
        return code * lsb * reportScale;
    }

    private static double bump(double phase) {
        double s = Math.sin(Math.PI * phase);
        return s * s;
    }

    private static void randomDirection(SplittableRandom rng, double size, double[] into, int at) {
        double x = rng.nextGaussian();
        double y = rng.nextGaussian();
        double z = rng.nextGaussian();
        double n = Math.sqrt(x * x + y * y + z * z);
        if (n == 0) {
            x = 1;
            n = 1;
        }
        into[at] = size * x / n;
        into[at + 1] = size * y / n;
        into[at + 2] = size * z / n;
    }

    double[] hardIron() {
        return hardIron.clone();
    }
}
