package org.formcoach.engine.orientation;

/**
 * Orientation of one sensor relative to an Earth frame with Z up (NWU): a nonlinear
 * complementary filter on a unit quaternion with a proportional correction toward the
 * accelerometer's "up" and the magnetometer's "west", after Madgwick's revised AHRS (the
 * algorithm of the Fusion library by x-io Technologies). {@code docs/orientation.md} gives
 * the equations; this class follows them step by step, in float arithmetic, so that its
 * output matches the C reference to about 1e-6 in the quaternion.
 *
 * <pre>{@code
 * OrientationFilter filter = new OrientationFilter(OrientationSettings.simple());
 * filter.update(gx, gy, gz, ax, ay, az, 0, 0, 0, 0.01f);  // deg/s, g, µT, s
 * double pitch = filter.pitchDeg();
 * }</pre>
 *
 * <p>All state is primitive fields; {@link #update} allocates nothing. Not thread-safe:
 * one thread owns a sensor's filter.
 */
public final class OrientationFilter {
    private static final float INITIAL_GAIN = 10.0f;
    private static final float STARTUP_SECONDS = 3.0f;
    private static final float HALF_DEG_TO_RAD = 0.5f * ((float) Math.PI / 180.0f);

    // ----- settings, in the form the update needs -----
    private final float gain;
    /** 98 % of the gyroscope range, or +inf when the check is off. */
    private final float gyroLimit;
    /** (½·sin θ)² for the accelerometer, or +inf when rejection is off. */
    private final float accelRejection;
    private final float magRejection;
    /** The rejection timeout counted in samples. */
    private final int recoveryPeriod;
    private final float rampStep;
    private final boolean useMagnetometer;

    // ----- state -----
    private float qw = 1, qx, qy, qz;
    private float lastAx, lastAy, lastAz;
    private boolean startup;
    private float rampedGain;
    private boolean overRange;
    private float accFbX, accFbY, accFbZ;
    private float magFbX, magFbY, magFbZ;
    private boolean accIgnored;
    private boolean magIgnored;
    private int accTrigger;
    private int accTimeout;
    private int magTrigger;
    private int magTimeout;

    public OrientationFilter(OrientationSettings settings) {
        gain = (float) settings.gain();
        gyroLimit = settings.gyroRangeDps() == 0 ? Float.POSITIVE_INFINITY : 0.98f * (float) settings.gyroRangeDps();
        recoveryPeriod = (int) Math.round(settings.rejectionTimeoutS() * settings.rateHz());
        boolean rejection = gain != 0 && recoveryPeriod != 0;
        accelRejection = rejection && settings.accelRejectionDeg() != 0
                ? square(0.5f * (float) Math.sin(Math.toRadians(settings.accelRejectionDeg())))
                : Float.POSITIVE_INFINITY;
        magRejection = rejection && settings.magRejectionDeg() != 0
                ? square(0.5f * (float) Math.sin(Math.toRadians(settings.magRejectionDeg())))
                : Float.POSITIVE_INFINITY;
        rampStep = (INITIAL_GAIN - gain) / (STARTUP_SECONDS * (float) settings.rateHz());
        useMagnetometer = settings.useMagnetometer();
        reset();
    }

    /** Back to the identity orientation and the start of the start-up phase. */
    public void reset() {
        qw = 1;
        qx = 0;
        qy = 0;
        qz = 0;
        restartStartup();
        overRange = false;
    }

    private void restartStartup() {
        lastAx = 0;
        lastAy = 0;
        lastAz = 0;
        startup = true;
        rampedGain = INITIAL_GAIN;
        accFbX = accFbY = accFbZ = 0;
        magFbX = magFbY = magFbZ = 0;
        accIgnored = false;
        magIgnored = false;
        accTrigger = 0;
        accTimeout = recoveryPeriod;
        magTrigger = 0;
        magTimeout = recoveryPeriod;
    }

    /**
     * One filter step.
     *
     * @param gx,gy,gz gyroscope, deg/s (offset already removed, if estimated)
     * @param ax,ay,az accelerometer, g; all zero means "no reading"
     * @param mx,my,mz magnetometer, any unit; all zero means "no reading". Ignored unless
     *                 the settings use the magnetometer
     * @param dt       time since the previous update, seconds (0 is allowed)
     */
    public void update(float gx, float gy, float gz, float ax, float ay, float az,
                       float mx, float my, float mz, float dt) {
        if (!useMagnetometer) {
            mx = 0;
            my = 0;
            mz = 0;
        }
        lastAx = ax;
        lastAy = ay;
        lastAz = az;

        // 1. Over-range: restart start-up, keep the orientation.
        if (Math.abs(gx) > gyroLimit || Math.abs(gy) > gyroLimit || Math.abs(gz) > gyroLimit) {
            restartStartup();
            lastAx = ax;
            lastAy = ay;
            lastAz = az;
            overRange = true;
        }

        // 2. Start-up gain ramp, counted in samples.
        if (startup) {
            rampedGain -= rampStep;
            if (rampedGain < gain || gain == 0) {
                rampedGain = gain;
                startup = false;
                overRange = false;
            }
        }

        // 3. Predicted "up" in the sensor frame, at half scale.
        float hx = qx * qz - qw * qy;
        float hy = qy * qz + qw * qx;
        float hz = qw * qw - 0.5f + qz * qz;

        // 4. Accelerometer correction, with rejection and recovery (6).
        float useAx = 0, useAy = 0, useAz = 0;
        accIgnored = true;
        if (!(ax == 0 && ay == 0 && az == 0)) {
            float inv = 1.0f / (float) Math.sqrt(ax * ax + ay * ay + az * az);
            float nx = ax * inv;
            float ny = ay * inv;
            float nz = az * inv;
            float ex = ny * hz - nz * hy;
            float ey = nz * hx - nx * hz;
            float ez = nx * hy - ny * hx;
            if (!(nx * hx + ny * hy + nz * hz > 0)) {
                float m2 = ex * ex + ey * ey + ez * ez;
                if (m2 > 0) {
                    float s = 1.0f / (float) Math.sqrt(m2);
                    ex *= s;
                    ey *= s;
                    ez *= s;
                }
            }
            accFbX = ex;
            accFbY = ey;
            accFbZ = ez;
            if (startup || ex * ex + ey * ey + ez * ez <= accelRejection) {
                accIgnored = false;
                accTrigger -= 9;
            } else {
                accTrigger += 1;
            }
            if (accTrigger > accTimeout) {
                accTimeout = 0;
                accIgnored = false;
            } else {
                accTimeout = recoveryPeriod;
            }
            accTrigger = clamp(accTrigger, recoveryPeriod);
            if (!accIgnored) {
                useAx = ex;
                useAy = ey;
                useAz = ez;
            }
        }

        // 5. Magnetometer correction of heading, same rejection rules.
        float useMx = 0, useMy = 0, useMz = 0;
        magIgnored = true;
        if (!(mx == 0 && my == 0 && mz == 0)) {
            // Predicted west, at half scale.
            float wx = qx * qy + qw * qz;
            float wy = qw * qw - 0.5f + qy * qy;
            float wz = qy * qz - qw * qx;
            // Measured west = normalise(h × m).
            float cx = hy * mz - hz * my;
            float cy = hz * mx - hx * mz;
            float cz = hx * my - hy * mx;
            float c2 = cx * cx + cy * cy + cz * cz;
            if (c2 > 0) {
                float s = 1.0f / (float) Math.sqrt(c2);
                cx *= s;
                cy *= s;
                cz *= s;
            }
            float ex = cy * wz - cz * wy;
            float ey = cz * wx - cx * wz;
            float ez = cx * wy - cy * wx;
            if (!(cx * wx + cy * wy + cz * wz > 0)) {
                float m2 = ex * ex + ey * ey + ez * ez;
                if (m2 > 0) {
                    float s = 1.0f / (float) Math.sqrt(m2);
                    ex *= s;
                    ey *= s;
                    ez *= s;
                }
            }
            magFbX = ex;
            magFbY = ey;
            magFbZ = ez;
            if (startup || ex * ex + ey * ey + ez * ez <= magRejection) {
                magIgnored = false;
                magTrigger -= 9;
            } else {
                magTrigger += 1;
            }
            if (magTrigger > magTimeout) {
                magTimeout = 0;
                magIgnored = false;
            } else {
                magTimeout = recoveryPeriod;
            }
            magTrigger = clamp(magTrigger, recoveryPeriod);
            if (!magIgnored) {
                useMx = ex;
                useMy = ey;
                useMz = ez;
            }
        }

        // 7. Integrate the corrected rate: q += q ⊗ (0, ω_h·dt), then normalise.
        float k = rampedGain;
        float vx = (gx * HALF_DEG_TO_RAD + (useAx + useMx) * k) * dt;
        float vy = (gy * HALF_DEG_TO_RAD + (useAy + useMy) * k) * dt;
        float vz = (gz * HALF_DEG_TO_RAD + (useAz + useMz) * k) * dt;
        float dw = -qx * vx - qy * vy - qz * vz;
        float dx = qw * vx + qy * vz - qz * vy;
        float dy = qw * vy - qx * vz + qz * vx;
        float dz = qw * vz + qx * vy - qy * vx;
        float nw = qw + dw;
        float nx = qx + dx;
        float ny = qy + dy;
        float nz = qz + dz;
        float inv = 1.0f / (float) Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
        qw = nw * inv;
        qx = nx * inv;
        qy = ny * inv;
        qz = nz * inv;

        // 8. Without a magnetometer, hold the heading at 0 during start-up.
        if (!useMagnetometer && startup) {
            holdHeadingAtZero();
        }
    }

    /** Pre-multiplies q by a rotation about Earth z by −yaw. */
    private void holdHeadingAtZero() {
        float yaw = (float) Math.atan2(qw * qz + qx * qy, 0.5f - qy * qy - qz * qz);
        float half = 0.5f * yaw;
        float rw = (float) Math.cos(half);
        float rz = -1.0f * (float) Math.sin(half);
        float nw = rw * qw - rz * qz;
        float nx = rw * qx - rz * qy;
        float ny = rw * qy + rz * qx;
        float nz = rw * qz + rz * qw;
        qw = nw;
        qx = nx;
        qy = ny;
        qz = nz;
    }

    private static int clamp(int value, int max) {
        return value < 0 ? 0 : Math.min(value, max);
    }

    private static float square(float v) {
        return v * v;
    }

    // ----- outputs -----

    public float qw() {
        return qw;
    }

    public float qx() {
        return qx;
    }

    public float qy() {
        return qy;
    }

    public float qz() {
        return qz;
    }

    /** Sets the orientation (normalised), e.g. to seed it from a known attitude. */
    public void setQuaternion(double w, double x, double y, double z) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 0)) {
            throw new IllegalArgumentException("zero quaternion");
        }
        qw = (float) (w / n);
        qx = (float) (x / n);
        qy = (float) (y / n);
        qz = (float) (z / n);
    }

    /** Euler roll (ZYX), degrees. Singular near pitch ±90°: posture uses vectors instead. */
    public double rollDeg() {
        return Math.toDegrees(Math.atan2((double) qw * qx + (double) qy * qz, 0.5 - (double) qx * qx - (double) qy * qy));
    }

    /** Euler pitch (ZYX), degrees. */
    public double pitchDeg() {
        double s = 2.0 * ((double) qw * qy - (double) qz * qx);
        return Math.toDegrees(Math.asin(s > 1 ? 1 : (s < -1 ? -1 : s)));
    }

    /** Euler yaw (ZYX), degrees. */
    public double yawDeg() {
        return Math.toDegrees(Math.atan2((double) qw * qz + (double) qx * qy, 0.5 - (double) qy * qy - (double) qz * qz));
    }

    /** Earth "up" in the sensor frame (unit vector): x component. */
    public float gravityX() {
        return 2.0f * (qx * qz - qw * qy);
    }

    public float gravityY() {
        return 2.0f * (qy * qz + qw * qx);
    }

    public float gravityZ() {
        return 2.0f * (qw * qw - 0.5f + qz * qz);
    }

    /** Accelerometer minus gravity, sensor frame, g. */
    public float linearX() {
        return lastAx - gravityX();
    }

    public float linearY() {
        return lastAy - gravityY();
    }

    public float linearZ() {
        return lastAz - gravityZ();
    }

    /** Accelerometer rotated into the Earth frame minus (0, 0, 1), g. */
    public float earthX() {
        return 2.0f * ((qw * qw - 0.5f + qx * qx) * lastAx + (qx * qy - qw * qz) * lastAy + (qx * qz + qw * qy) * lastAz);
    }

    public float earthY() {
        return 2.0f * ((qx * qy + qw * qz) * lastAx + (qw * qw - 0.5f + qy * qy) * lastAy + (qy * qz - qw * qx) * lastAz);
    }

    public float earthZ() {
        return 2.0f * ((qx * qz - qw * qy) * lastAx + (qy * qz + qw * qx) * lastAy + (qw * qw - 0.5f + qz * qz) * lastAz)
                - 1.0f;
    }

    // ----- flags and internal states -----

    /** In the start-up phase (high gain, no rejection). */
    public boolean isStartup() {
        return startup;
    }

    /** Start-up was restarted because the gyroscope exceeded its range. */
    public boolean isOverRangeRecovery() {
        return overRange;
    }

    public boolean isAccelerationRecovery() {
        return accTrigger > accTimeout;
    }

    public boolean isMagneticRecovery() {
        return magTrigger > magTimeout;
    }

    public boolean isAccelerometerIgnored() {
        return accIgnored;
    }

    public boolean isMagnetometerIgnored() {
        return magIgnored;
    }

    /** Angle between the measured and predicted "up" at the last accelerometer reading, degrees. */
    public double accelerationErrorDeg() {
        return errorDeg(accFbX, accFbY, accFbZ);
    }

    public double magneticErrorDeg() {
        return errorDeg(magFbX, magFbY, magFbZ);
    }

    /** Recovery trigger as a share of the timeout, 0..1. */
    public double accelerationRecoveryTrigger() {
        return recoveryPeriod == 0 ? 0 : (double) accTrigger / recoveryPeriod;
    }

    public double magneticRecoveryTrigger() {
        return recoveryPeriod == 0 ? 0 : (double) magTrigger / recoveryPeriod;
    }

    /** The gain in effect at the last update (ramps from 10 during start-up). */
    public float effectiveGain() {
        return rampedGain;
    }

    private static double errorDeg(float x, float y, float z) {
        double s = 2.0 * Math.sqrt((double) x * x + (double) y * y + (double) z * z);
        return Math.toDegrees(Math.asin(Math.min(1.0, s)));
    }
}
