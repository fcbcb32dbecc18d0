package org.formcoach.simulator.sensor;

import java.util.SplittableRandom;

import org.formcoach.engine.sample.Sample;

/**
 * What one IMU part reports instead of the truth, for one session (design brief §5.3):
 * <pre>
 *   f_m = Q(LPF(clip((I + S_a)(I + M_a)·f + b_a0 + b_a(t) + k_a·ΔT + n_a)))
 *   ω_m = Q(LPF(clip((I + S_g)(I + M_g)·ω + b_g0 + b_g(t) + k_g·ΔT + G_g·f + n_g)))
 *   m_m = Q(clip(m + b_hard + d(t) + n_m))
 * </pre>
 * The constructor draws the session's scale and cross-axis matrices, turn-on offsets,
 * temperature coefficients, g-sensitivity and hard iron; {@link #apply} advances the
 * wandering bias, the warming and the DLPF by one output sample. One instance per sensor
 * stream; {@code apply} is called once per output sample in time order and allocates nothing.
 *
 * <p>Each part of the model draws from its own stream split off the given generator, so
 * the same seed gives the same session and switching one term off leaves the others' draws
 * unchanged.
 */
public final class SensorErrorModel {
    private final SensorSpec spec;
    private final boolean perfect;
    private final TriadChannel accel;
    private final TriadChannel gyro;
    private final MagChannel mag;
    /** G_g, deg/s per g, row-major. */
    private final double[] gSensitivity = new double[9];
    private final double warmingDecay;
    private final double warmingRise;
    private double warmingC;
    private boolean started;

    /** Draws this sensor's turn-on offsets, scale and cross-axis errors from the preset. */
    public SensorErrorModel(SensorPreset preset, double rateHz, SplittableRandom rng) {
        this(preset.spec(), rateHz, rng);
    }

    /** The same from any spec (a preset at another range, or with a term switched off). */
    public SensorErrorModel(SensorSpec spec, double rateHz, SplittableRandom rng) {
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("output rate must be a positive number of Hz: " + rateHz);
        }
        this.spec = spec;
        this.perfect = spec.isPerfect();
        SplittableRandom accelRng = rng.split();
        SplittableRandom gyroRng = rng.split();
        SplittableRandom magRng = rng.split();
        SplittableRandom gRng = rng.split();
        accel = new TriadChannel(spec.accel(), rateHz, accelRng);
        gyro = new TriadChannel(spec.gyro(), rateHz, gyroRng);
        mag = spec.mag() == null ? null : new MagChannel(spec.mag(), rateHz, magRng);
        for (int i = 0; i < 9; i++) {
            gSensitivity[i] = spec.gyroGSensitivity() * gRng.nextGaussian();
        }
        Warming w = spec.warming();
        warmingDecay = Math.exp(-1 / (rateHz * w.timeConstantS()));
        warmingRise = w.riseC();
    }

    /**
     * Replaces the true readings in s (accel g, gyro deg/s, mag µT when s.hasMag) by what the
     * part reports. Called once per output sample, in time order. A part without a
     * magnetometer reports none: {@code hasMag} is cleared.
     */
    public void apply(Sample s) {
        if (perfect) {
            return;
        }
        if (started) {
            warmingC = warmingDecay * warmingC + (1 - warmingDecay) * warmingRise;
        }
        started = true;
        double fx = s.ax;
        double fy = s.ay;
        double fz = s.az;
        double[] g = gSensitivity;
        accel.process(fx, fy, fz, 0, 0, 0, warmingC);
        gyro.process(s.gx, s.gy, s.gz,
                g[0] * fx + g[1] * fy + g[2] * fz,
                g[3] * fx + g[4] * fy + g[5] * fz,
                g[6] * fx + g[7] * fy + g[8] * fz,
                warmingC);
        s.ax = accel.out[0];
        s.ay = accel.out[1];
        s.az = accel.out[2];
        s.gx = gyro.out[0];
        s.gy = gyro.out[1];
        s.gz = gyro.out[2];
        if (s.hasMag) {
            if (mag == null) {
                s.hasMag = false;
                s.mx = 0;
                s.my = 0;
                s.mz = 0;
            } else {
                mag.process(s.timeS, s.mx, s.my, s.mz);
                s.mx = mag.out[0];
                s.my = mag.out[1];
                s.mz = mag.out[2];
            }
        }
    }

    /**
     * Adds a transient magnetic disturbance of about {@code peakUt} in a random direction
     * from {@code startS} for {@code durationS} seconds (true time): a barbell or a rack near
     * the belt. Call before the samples it covers; does nothing for a part without a
     * magnetometer or a perfect one.
     */
    public void scheduleMagDisturbance(double startS, double durationS, double peakUt) {
        if (mag != null && !spec.mag().isPerfect()) {
            mag.schedule(startS, durationS, peakUt);
        }
    }

    public SensorSpec spec() {
        return spec;
    }

    /** (I + S_a)(I + M_a), row-major; a copy. */
    public double[] accelMatrix() {
        return accel.matrix();
    }

    /** (I + S_g)(I + M_g), row-major; a copy. */
    public double[] gyroMatrix() {
        return gyro.matrix();
    }

    /** G_g in deg/s per g, row-major; a copy. */
    public double[] gyroGSensitivity() {
        return gSensitivity.clone();
    }

    /** The accelerometer's turn-on offset per axis, g. */
    public double[] accelTurnOnOffset() {
        return accel.offset();
    }

    /** The gyroscope's turn-on offset per axis, deg/s. */
    public double[] gyroTurnOnOffset() {
        return gyro.offset();
    }

    /** The gyroscope's current Gauss–Markov bias per axis, deg/s. */
    public double[] gyroWanderingBias() {
        return gyro.bias();
    }

    /** The accelerometer's offset temperature coefficients, g/°C. */
    public double[] accelTempCoefficient() {
        return accel.tempCoefficient();
    }

    /** The gyroscope's offset temperature coefficients, deg/s per °C. */
    public double[] gyroTempCoefficient() {
        return gyro.tempCoefficient();
    }

    /** The magnetometer's hard-iron offset per axis, µT; zeros without a magnetometer. */
    public double[] hardIron() {
        return mag == null ? new double[3] : mag.hardIron();
    }

    /** How far the part has warmed since its first sample, °C. */
    public double warmingC() {
        return warmingC;
    }
}
