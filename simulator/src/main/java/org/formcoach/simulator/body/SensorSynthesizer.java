package org.formcoach.simulator.body;

import java.util.SplittableRandom;

import org.formcoach.engine.sample.Units;

/**
 * Turns the body's trajectory into what ideal sensors on the back read (biomechanics §4.3):
 *
 * <pre>
 * q_WS = q_WP ⊗ Ry(k·λ) ⊗ Rx(k·twist) ⊗ q_STA ⊗ q_mount
 * p_S  = p_H + R_WP · (pivot + Ry(k·λ)·(d, 0, 0))
 * f_S  = R_SW · (p̈_S − g_W)          (accelerometer, g)
 * ω_S  = 2·vec(q_i* ⊗ q_i+1) / Δt     (gyroscope, deg/s, averaged over the two half-steps)
 * </pre>
 *
 * at the truth rate, then low-passed and decimated to the output rate. The pelvis
 * orientation is computed once and shared by every sensor; the scratch arrays are reused
 * from sensor to sensor, and the per-sample loops work on primitives only.
 */
public final class SensorSynthesizer {
    private static final double G = Units.STANDARD_GRAVITY;

    private final BodyTrajectory body;
    private final DecimationFilter filter;
    private final int decimation;
    private final int firstOutput;
    private final int outputs;
    private final int n;
    // pelvis orientation at the truth rate
    private final double[] pw, px, py, pz;
    // per-sensor scratch at the truth rate
    private final double[] qw, qx, qy, qz, sx, sy, sz, fx, fy, fz, wx, wy, wz;
    private final double[] q = new double[4];
    private final double[] v = new double[3];

    /**
     * @param firstOutput the truth index of output sample 0
     * @param decimation  truth samples per output sample
     * @param outputs     the number of output samples
     */
    public SensorSynthesizer(BodyTrajectory body, DecimationFilter filter, int firstOutput, int decimation,
                             int outputs) {
        this.body = body;
        this.filter = filter;
        this.decimation = decimation;
        this.firstOutput = firstOutput;
        this.outputs = outputs;
        this.n = body.length();
        int lastCentre = firstOutput + (outputs - 1) * decimation;
        if (firstOutput - filter.halfLength() < 1 || lastCentre + filter.halfLength() > n - 2) {
            throw new IllegalArgumentException("the trajectory is too short for the filter at its ends");
        }
        pw = new double[n];
        px = new double[n];
        py = new double[n];
        pz = new double[n];
        qw = new double[n];
        qx = new double[n];
        qy = new double[n];
        qz = new double[n];
        sx = new double[n];
        sy = new double[n];
        sz = new double[n];
        fx = new double[n];
        fy = new double[n];
        fz = new double[n];
        wx = new double[n];
        wy = new double[n];
        wz = new double[n];
        computePelvis();
    }

    /** q_WP = Rz(ψ) ⊗ Ry(θ − 90°) ⊗ Rz(β) ⊗ Rx(φ) at every truth sample. */
    private void computePelvis() {
        double[] incl = body.channel(Channel.INCLINATION);
        double[] roll = body.channel(Channel.ROLL);
        double[] obl = body.channel(Channel.OBLIQUITY);
        double[] yaw = body.channel(Channel.YAW);
        double halfRight = Math.PI / 4;
        for (int i = 0; i < n; i++) {
            double cy = Math.cos(0.5 * yaw[i]);
            double sy = Math.sin(0.5 * yaw[i]);
            double ct = Math.cos(0.5 * incl[i] - halfRight);
            double st = Math.sin(0.5 * incl[i] - halfRight);
            // Rz(ψ) ⊗ Ry(θ') = (cψ·cθ, −sψ·sθ, cψ·sθ, sψ·cθ)
            double aw = cy * ct;
            double ax = -sy * st;
            double ay = cy * st;
            double az = sy * ct;
            double cb = Math.cos(0.5 * obl[i]);
            double sb = Math.sin(0.5 * obl[i]);
            UnitQuaternion.multiply(aw, ax, ay, az, cb, 0, 0, sb, q, 0);
            double cr = Math.cos(0.5 * roll[i]);
            double sr = Math.sin(0.5 * roll[i]);
            UnitQuaternion.multiply(q[0], q[1], q[2], q[3], cr, sr, 0, 0, q, 0);
            pw[i] = q[0];
            px[i] = q[1];
            py[i] = q[2];
            pz[i] = q[3];
        }
    }

    /**
     * Synthesises one sensor.
     *
     * @param staRmsRad RMS of the soft-tissue wobble at full movement activity, radians
     * @param staRng    the sensor's own stream for its soft-tissue wobble
     * @param magWorld  the Earth field in the world frame, µT, or null for no magnetometer
     */
    public SensorTruth synthesize(SensorSite site, UnitQuaternion mounting, double staRmsRad,
                                  SplittableRandom staRng, double[] magWorld) {
        double dt = 1.0 / body.rateHz();
        java.util.Arrays.fill(sx, 0);
        java.util.Arrays.fill(sy, 0);
        java.util.Arrays.fill(sz, 0);
        double[] activity = body.activity();
        new BandNoise(2, 10, 6, staRng).addTo(sx, activity, body.startS(), dt, staRmsRad);
        new BandNoise(2, 10, 6, staRng).addTo(sy, activity, body.startS(), dt, staRmsRad);
        new BandNoise(2, 10, 6, staRng).addTo(sz, activity, body.startS(), dt, staRmsRad);

        orientAndPlace(site, mounting);
        differentiate(dt);
        return decimate(site, mounting, magWorld);
    }

    /** Fills qw..qz with q_WS and fx..fz with the sensor's world position. */
    private void orientAndPlace(SensorSite site, UnitQuaternion m) {
        double[] lumbar = body.channel(Channel.LUMBAR_FLEXION);
        double[] twist = body.channel(Channel.LUMBAR_TWIST);
        double[] hx = body.channel(Channel.HIP_X);
        double[] hy = body.channel(Channel.HIP_Y);
        double[] hz = body.channel(Channel.HIP_Z);
        double k = site.lumbarShare();
        double d = site.cranialM();
        double mw = m.w(), mx = m.x(), my = m.y(), mz = m.z();
        for (int i = 0; i < n; i++) {
            double w = pw[i], x = px[i], y = py[i], z = pz[i];
            double bend = k * lumbar[i];
            double localX = site.pivotCranialM();
            double localZ = site.pivotDorsalM();
            if (k != 0) {
                double cl = Math.cos(0.5 * bend);
                double sl = Math.sin(0.5 * bend);
                UnitQuaternion.multiply(w, x, y, z, cl, 0, sl, 0, q, 0);
                double tw = k * twist[i];
                if (tw != 0) {
                    UnitQuaternion.multiply(q[0], q[1], q[2], q[3], Math.cos(0.5 * tw), Math.sin(0.5 * tw), 0, 0, q, 0);
                }
                // Ry(bend)·(d, 0, 0) = (d·cos, 0, −d·sin); cos/sin of the full angle from the half angle
                localX += d * (cl * cl - sl * sl);
                localZ -= d * (2 * sl * cl);
            } else {
                q[0] = w;
                q[1] = x;
                q[2] = y;
                q[3] = z;
            }
            UnitQuaternion.rotate(w, x, y, z, localX, 0, localZ, v, 0);
            fx[i] = hx[i] + v[0];
            fy[i] = hy[i] + v[1];
            fz[i] = hz[i] + v[2];
            // Soft-tissue wobble: a small rotation of the sensor on the skin (first order is plenty at < 2°).
            double ex = 0.5 * sx[i], ey = 0.5 * sy[i], ez = 0.5 * sz[i];
            double norm = 1 / Math.sqrt(1 + ex * ex + ey * ey + ez * ez);
            UnitQuaternion.multiply(q[0], q[1], q[2], q[3], norm, ex * norm, ey * norm, ez * norm, q, 0);
            UnitQuaternion.multiply(q[0], q[1], q[2], q[3], mw, mx, my, mz, q, 0);
            qw[i] = q[0];
            qx[i] = q[1];
            qy[i] = q[2];
            qz[i] = q[3];
        }
    }

    /**
     * Replaces the positions in fx..fz by the specific force in the sensor frame (g) and
     * fills wx..wz with the body rate in the sensor frame (deg/s), both at the truth rate.
     */
    private void differentiate(double dt) {
        double invDt2 = 1 / (dt * dt);
        // Mid-step rates ω(i + ½) into w[i].
        double scale = 2 / dt * Units.DEG_PER_RAD;
        for (int i = 0; i < n - 1; i++) {
            double aw = qw[i], ax = qx[i], ay = qy[i], az = qz[i];
            double bw = qw[i + 1], bx = qx[i + 1], by = qy[i + 1], bz = qz[i + 1];
            // conj(a) ⊗ b
            double sw = aw * bw + ax * bx + ay * by + az * bz;
            double vx = aw * bx - bw * ax - (ay * bz - az * by);
            double vy = aw * by - bw * ay - (az * bx - ax * bz);
            double vz = aw * bz - bw * az - (ax * by - ay * bx);
            double s = sw < 0 ? -scale : scale;
            wx[i] = vx * s;
            wy[i] = vy * s;
            wz[i] = vz * s;
        }
        // ω(i) = average of the half-steps either side, in place from the top down.
        for (int i = n - 2; i >= 1; i--) {
            wx[i] = 0.5 * (wx[i - 1] + wx[i]);
            wy[i] = 0.5 * (wy[i - 1] + wy[i]);
            wz[i] = 0.5 * (wz[i - 1] + wz[i]);
        }
        // Specific force: second differences of position, rolling the previous position so
        // the array can be overwritten in place.
        double prevX = fx[0], prevY = fy[0], prevZ = fz[0];
        for (int i = 1; i < n - 1; i++) {
            double cx = fx[i], cy = fy[i], cz = fz[i];
            double axw = (fx[i + 1] - 2 * cx + prevX) * invDt2;
            double ayw = (fy[i + 1] - 2 * cy + prevY) * invDt2;
            double azw = (fz[i + 1] - 2 * cz + prevZ) * invDt2 + G;
            prevX = cx;
            prevY = cy;
            prevZ = cz;
            // into the sensor frame: rotate by conj(q_WS)
            UnitQuaternion.rotate(qw[i], -qx[i], -qy[i], -qz[i], axw, ayw, azw, v, 0);
            fx[i] = v[0] / G;
            fy[i] = v[1] / G;
            fz[i] = v[2] / G;
        }
    }

    private SensorTruth decimate(SensorSite site, UnitQuaternion mounting, double[] magWorld) {
        double[] ax = new double[outputs], ay = new double[outputs], az = new double[outputs];
        double[] gx = new double[outputs], gy = new double[outputs], gz = new double[outputs];
        double[] ow = new double[outputs], ox = new double[outputs], oy = new double[outputs], oz = new double[outputs];
        double[] mxs = null, mys = null, mzs = null;
        if (magWorld != null) {
            mxs = new double[outputs];
            mys = new double[outputs];
            mzs = new double[outputs];
        }
        for (int k = 0; k < outputs; k++) {
            int c = firstOutput + k * decimation;
            ax[k] = filter.apply(fx, c);
            ay[k] = filter.apply(fy, c);
            az[k] = filter.apply(fz, c);
            gx[k] = filter.apply(wx, c);
            gy[k] = filter.apply(wy, c);
            gz[k] = filter.apply(wz, c);
            ow[k] = qw[c];
            ox[k] = qx[c];
            oy[k] = qy[c];
            oz[k] = qz[c];
            if (magWorld != null) {
                UnitQuaternion.rotate(qw[c], -qx[c], -qy[c], -qz[c], magWorld[0], magWorld[1], magWorld[2], v, 0);
                mxs[k] = v[0];
                mys[k] = v[1];
                mzs[k] = v[2];
            }
        }
        return new SensorTruth(site.placement(), mounting, ax, ay, az, gx, gy, gz, mxs, mys, mzs, ow, ox, oy, oz);
    }

    /** The truth index of output sample k. */
    public int truthIndex(int k) {
        return firstOutput + k * decimation;
    }
}
