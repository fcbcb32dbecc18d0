package org.formcoach.simulator.body;

import java.util.SplittableRandom;

/**
 * A rotation as a unit quaternion (w, x, y, z), Hamilton convention: {@code v' = q ⊗ v ⊗ q*}
 * rotates a vector by q. Used for things drawn once per trace (sensor mountings); the
 * per-sample code works on primitives.
 */
public record UnitQuaternion(double w, double x, double y, double z) {
    public static final UnitQuaternion IDENTITY = new UnitQuaternion(1, 0, 0, 0);

    public UnitQuaternion {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("not a rotation: " + w + ", " + x + ", " + y + ", " + z);
        }
        // Canonical sign (w ≥ 0) so that equal rotations compare equal.
        double s = (w < 0 ? -1 : 1) / n;
        w *= s;
        x *= s;
        y *= s;
        z *= s;
    }

    /** A rotation by {@code angleRad} about the axis (ax, ay, az) (need not be normalised). */
    public static UnitQuaternion ofAxisAngle(double ax, double ay, double az, double angleRad) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double s = Math.sin(angleRad / 2) / n;
        return new UnitQuaternion(Math.cos(angleRad / 2), ax * s, ay * s, az * s);
    }

    /** A rotation drawn uniformly over all rotations (Shoemake's method). */
    public static UnitQuaternion uniformRandom(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = 2 * Math.PI * rng.nextDouble();
        double u3 = 2 * Math.PI * rng.nextDouble();
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        return new UnitQuaternion(b * Math.cos(u3), a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3));
    }

    public UnitQuaternion multiply(UnitQuaternion o) {
        return new UnitQuaternion(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    public UnitQuaternion conjugate() {
        return new UnitQuaternion(w, -x, -y, -z);
    }

    /** The rotated vector {@code q ⊗ v ⊗ q*}. */
    public double[] rotate(double vx, double vy, double vz) {
        double[] out = new double[3];
        rotate(w, x, y, z, vx, vy, vz, out, 0);
        return out;
    }

    /** The angle of this rotation, degrees in [0, 180]. */
    public double angleDeg() {
        return Math.toDegrees(2 * Math.atan2(Math.sqrt(x * x + y * y + z * z), Math.abs(w)));
    }

    /** Rotates v by (w, x, y, z) into out[offset..offset+2]; allocation-free. */
    public static void rotate(double w, double x, double y, double z, double vx, double vy, double vz,
                              double[] out, int offset) {
        // v' = v + w·t + u × t, with t = 2 u × v
        double tx = 2 * (y * vz - z * vy);
        double ty = 2 * (z * vx - x * vz);
        double tz = 2 * (x * vy - y * vx);
        out[offset] = vx + w * tx + (y * tz - z * ty);
        out[offset + 1] = vy + w * ty + (z * tx - x * tz);
        out[offset + 2] = vz + w * tz + (x * ty - y * tx);
    }

    /** Hamilton product a ⊗ b into out[offset..offset+3]; allocation-free. */
    public static void multiply(double aw, double ax, double ay, double az,
                                double bw, double bx, double by, double bz, double[] out, int offset) {
        out[offset] = aw * bw - ax * bx - ay * by - az * bz;
        out[offset + 1] = aw * bx + ax * bw + ay * bz - az * by;
        out[offset + 2] = aw * by - ax * bz + ay * bw + az * bx;
        out[offset + 3] = aw * bz + ax * by - ay * bx + az * bw;
    }
}
