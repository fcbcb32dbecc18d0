package org.formcoach.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/**
 * Hand-built test traces: a rigid body segment moved through a script of postures with
 * minimum-jerk transitions, seen by a sensor strapped on in any rotation. No lever arm, no
 * linear acceleration: just gravity and rotation, which is what calibration and posture
 * logic need to be tested against exactly. (The simulator module makes the realistic ones.)
 *
 * <p>Body frame: x cranial, y left, z dorsal. Posture angles: inclination θ (forward
 * flexion about the world's left axis, 0 upright, 90 prone), roll φ about the body's own
 * cranial axis (+ = the left side rises), heading ψ about the world vertical.
 *
 * <pre>{@code
 * List<Sample> s = BodyMotion.at(100).mounting(BodyMotion.randomMounting(7))
 *         .stand(3).move(1.5, 60, 0, 0).hold(1).move(1.2, 0, 0, 0).hold(2)
 *         .samples(Placement.SACRUM);
 * }</pre>
 */
public final class BodyMotion {
    private final double rate;
    private final List<double[]> keys = new ArrayList<>(); // {t, θ, φ, ψ}
    private double[] mounting = {1, 0, 0, 0};
    private double gyroNoise;
    private double accelNoise;
    private double[] gyroOffset = {0, 0, 0};
    private long seed = 1;

    private BodyMotion(double rate) {
        this.rate = rate;
        keys.add(new double[]{0, 0, 0, 0});
    }

    public static BodyMotion at(double rateHz) {
        return new BodyMotion(rateHz);
    }

    /** Sensor frame relative to the body frame, as a unit quaternion (w, x, y, z). */
    public BodyMotion mounting(double[] q) {
        this.mounting = normalise(q.clone());
        return this;
    }

    /** A uniformly random rotation (Shoemake's method), reproducible from the seed. */
    public static double[] randomMounting(long seed) {
        Random r = new Random(seed);
        double u1 = r.nextDouble();
        double u2 = r.nextDouble() * 2 * Math.PI;
        double u3 = r.nextDouble() * 2 * Math.PI;
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        return new double[]{a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3)};
    }

    /** A rotation of {@code deg} about a unit axis. */
    public static double[] axisAngle(double x, double y, double z, double deg) {
        double h = Math.toRadians(deg) / 2;
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[]{Math.cos(h), x / n * Math.sin(h), y / n * Math.sin(h), z / n * Math.sin(h)};
    }

    public BodyMotion noise(double gyroDps, double accelG, long seed) {
        this.gyroNoise = gyroDps;
        this.accelNoise = accelG;
        this.seed = seed;
        return this;
    }

    public BodyMotion gyroOffset(double x, double y, double z) {
        this.gyroOffset = new double[]{x, y, z};
        return this;
    }

    /** Stays in the current posture (quiet). */
    public BodyMotion hold(double seconds) {
        double[] last = keys.get(keys.size() - 1);
        keys.add(new double[]{last[0] + seconds, last[1], last[2], last[3]});
        return this;
    }

    /** Same as {@link #hold}; reads better at the start of a trace. */
    public BodyMotion stand(double seconds) {
        return hold(seconds);
    }

    /** A minimum-jerk transition to the posture (θ, φ, ψ) lasting {@code seconds}. */
    public BodyMotion move(double seconds, double inclination, double roll, double heading) {
        double[] last = keys.get(keys.size() - 1);
        keys.add(new double[]{last[0] + seconds, inclination, roll, heading, 1});
        return this;
    }

    public double duration() {
        return keys.get(keys.size() - 1)[0];
    }

    /** The posture (θ, φ, ψ) at time t. */
    public double[] postureAt(double t) {
        for (int i = 1; i < keys.size(); i++) {
            double[] b = keys.get(i);
            if (t <= b[0] || i == keys.size() - 1) {
                double[] a = keys.get(i - 1);
                double span = b[0] - a[0];
                double tau = span <= 0 ? 1 : Math.max(0, Math.min(1, (t - a[0]) / span));
                double s = 10 * tau * tau * tau - 15 * tau * tau * tau * tau + 6 * tau * tau * tau * tau * tau;
                return new double[]{a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s, a[3] + (b[3] - a[3]) * s};
            }
        }
        return new double[]{0, 0, 0};
    }

    /** Sensor-to-world quaternion at time t. */
    public double[] sensorToWorld(double t) {
        double[] p = postureAt(t);
        // World from body: heading about Z, inclination about Y, then the standing pose, then roll about body x.
        double[] qz = axisAngle(0, 0, 1, p[2]);
        double[] qy = axisAngle(0, 1, 0, p[0]);
        // Standing: body x -> world Z, body y -> world Y, body z -> world -X: -90° about world Y.
        double[] q0 = axisAngle(0, 1, 0, -90);
        double[] qx = axisAngle(1, 0, 0, p[1]);
        return multiply(multiply(multiply(multiply(qz, qy), q0), qx), mounting);
    }

    /** All samples of one sensor, in time order. */
    public List<Sample> samples(Placement placement) {
        Random noise = new Random(seed);
        int n = (int) Math.floor(duration() * rate) + 1;
        List<Sample> out = new ArrayList<>(n);
        double dt = 1.0 / rate;
        double[] previous = sensorToWorld(0);
        for (int i = 0; i < n; i++) {
            double t = i * dt;
            double[] q = sensorToWorld(t);
            // Up (world Z) in the sensor frame = R^T (0,0,1).
            double[] up = rotateInverse(q, 0, 0, 1);
            double[] w = {0, 0, 0};
            if (i > 0) {
                double[] rel = multiply(conjugate(previous), q);
                if (rel[0] < 0) {
                    rel = new double[]{-rel[0], -rel[1], -rel[2], -rel[3]};
                }
                double v = Math.sqrt(rel[1] * rel[1] + rel[2] * rel[2] + rel[3] * rel[3]);
                if (v > 1e-15) {
                    double angle = 2 * Math.atan2(v, rel[0]);
                    for (int k = 0; k < 3; k++) {
                        w[k] = Math.toDegrees(rel[k + 1] / v * angle / dt);
                    }
                }
            }
            previous = q;
            Sample s = new Sample().set(t, placement,
                    up[0] + accelNoise * noise.nextGaussian(),
                    up[1] + accelNoise * noise.nextGaussian(),
                    up[2] + accelNoise * noise.nextGaussian(),
                    w[0] + gyroOffset[0] + gyroNoise * noise.nextGaussian(),
                    w[1] + gyroOffset[1] + gyroNoise * noise.nextGaussian(),
                    w[2] + gyroOffset[2] + gyroNoise * noise.nextGaussian());
            out.add(s);
        }
        return out;
    }

    static double[] multiply(double[] a, double[] b) {
        return new double[]{
                a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
                a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
                a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
                a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    static double[] conjugate(double[] q) {
        return new double[]{q[0], -q[1], -q[2], -q[3]};
    }

    static double[] rotateInverse(double[] q, double x, double y, double z) {
        double[] v = multiply(multiply(conjugate(q), new double[]{0, x, y, z}), q);
        return new double[]{v[1], v[2], v[3]};
    }

    private static double[] normalise(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int i = 0; i < 4; i++) {
            q[i] /= n;
        }
        return q;
    }
}
