package org.formcoach.engine.coach;

import org.formcoach.engine.orientation.OrientationFilter;
import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.orientation.SensorOrientation;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.Atan2;

/**
 * Everything the coach knows about one sensor: its orientation, its calibration to the
 * body (which way is up, left and dorsal in the sensor's own frame, whatever the mounting)
 * and the posture angles that follow from them.
 *
 * <p>Body frame, as in the design brief: x cranial (up the spine), y left, z dorsal (out of
 * the back). Calibration learns x as "up" during the first quiet standing and y from the
 * direction the trunk tips in the first forward movement (the rotation axis of a forward
 * tilt is the body's left axis). Posture angles come from the up vector expressed in the
 * body frame, not from Euler angles, so they stay well defined with the trunk horizontal:
 * <ul>
 *   <li>inclination θ = atan2(up·z, up·x): 0 standing, +90 in a plank (forward flexion +);</li>
 *   <li>lateral φ = asin(up·y): side bend when upright, roll about the spine when prone
 *       (+ = the left side rises);</li>
 *   <li>heading ψ of the cranial axis about the vertical, from the gyro: meaningful when
 *       the trunk is horizontal (bird-dog).</li>
 * </ul>
 */
final class SensorTrack {
    enum State { UNCALIBRATED, UP_KNOWN, CALIBRATED }

    /** A measured time step longer than this (a gap) is clamped, so one late sample cannot spin the orientation. */
    private static final float MAX_STEP_S = 0.5f;

    // Fields a sample reads come first, what calibration alone reads last: HotSpot lays out
    // fields of one size in the order declared, and with thousands of coaches on one thread
    // every cache line a sample touches is a likely miss.
    State state = State.UNCALIBRATED;
    /** Where the sensor is worn; set by the coach when the sensor's first sample arrives. */
    Placement placement;
    final QuietWindow quiet;
    /**
     * The orientation filter, updated here rather than through a {@link SensorOrientation}
     * (the same steps without offset estimation): one object less to reach per sample.
     */
    private final OrientationFilter filter;
    /** Time of the filter's last update; NaN after an invalidation, so the next step is 0. */
    private double filterTime = Double.NaN;
    private double gyroOffsetX, gyroOffsetY, gyroOffsetZ;
    /** Body axes in the sensor frame. */
    private double upX, upY, upZ;
    private double leftX, leftY, leftZ;
    private double dorsalX, dorsalY, dorsalZ;

    // ----- per-sample outputs -----
    /** Time of this sensor's last sample (NaN before the first): the coach rejects one older. */
    double t = Double.NaN;
    double inclinationDeg;
    double lateralDeg;
    /** Body-frame angular rates, deg/s: sagittal (flexion +), about dorsal, about cranial. */
    double sagittalRate;
    double frontalRate;
    double axialRate;
    /** Last time the segment was within {@link #NEUTRAL_DEG} of its standing neutral (NaN before "up" is known). */
    double lastNeutralTime = Double.NaN;
    static final double NEUTRAL_DEG = 4;
    private static final double COS_NEUTRAL = Math.cos(Math.toRadians(NEUTRAL_DEG));
    /** Magnitude of the raw accelerometer reading, g (1 at rest, up to scale error). */
    double accelNormG;
    /** Linear acceleration magnitude (gravity removed), g. */
    double linearAccelG;

    // ----- calibration -----
    /** Angle between the calibrated up and now, degrees, until the axes are known (then unused). */
    double tiltDeg;
    /** Accumulated forward-tilt rotation axis during the first forward movement. */
    private double axisX, axisY, axisZ;
    private final double quietSeconds;
    private final double quietGyroStd;
    private final double quietAccelStd;
    private final double quietAccelNorm;
    private final double forwardMinTilt;
    private final double forwardTilt;

    SensorTrack(double rateHz, CoachSettings settings) {
        this.quietSeconds = settings.get("calibration.quiet_s");
        this.quietGyroStd = settings.get("calibration.quiet_gyro_std_dps");
        this.quietAccelStd = settings.get("calibration.quiet_accel_std_g");
        this.quietAccelNorm = settings.get("calibration.quiet_accel_norm_g");
        this.forwardMinTilt = settings.get("calibration.forward_min_tilt_deg");
        this.forwardTilt = settings.get("calibration.forward_tilt_deg");
        int window = (int) Math.ceil(rateHz * quietSeconds) + 1;
        // The window before the filter: a sample visits them in this order (see Coach's constructor).
        this.quiet = new QuietWindow(window);
        this.filter = new OrientationFilter(OrientationSettings.wearable(rateHz));
    }

    /**
     * Updates orientation and posture with one sample of this sensor.
     *
     * @return true when this sample completed the calibration (the coach announces it)
     */
    boolean update(Sample s) {
        t = s.timeS;
        quiet.add(s.timeS, s.gx, s.gy, s.gz, s.ax, s.ay, s.az);
        float gx = (float) (s.gx - gyroOffsetX);
        float gy = (float) (s.gy - gyroOffsetY);
        float gz = (float) (s.gz - gyroOffsetZ);
        float dt = SensorOrientation.measuredStep(filterTime, s.timeS, MAX_STEP_S);
        filterTime = s.timeS;
        if (s.hasMag) {
            filter.update(gx, gy, gz, (float) s.ax, (float) s.ay, (float) s.az,
                    (float) s.mx, (float) s.my, (float) s.mz, dt);
        } else {
            filter.update(gx, gy, gz, (float) s.ax, (float) s.ay, (float) s.az, 0f, 0f, 0f, dt);
        }
        double ux = filter.gravityX();
        double uy = filter.gravityY();
        double uz = filter.gravityZ();
        double lx = filter.linearX();
        double ly = filter.linearY();
        double lz = filter.linearZ();
        linearAccelG = Math.sqrt(lx * lx + ly * ly + lz * lz);
        accelNormG = Math.sqrt(s.ax * s.ax + s.ay * s.ay + s.az * s.az);

        boolean completed = false;
        switch (state) {
            case UNCALIBRATED -> {
                if (isQuietStanding()) {
                    captureUp();
                    state = State.UP_KNOWN;
                }
            }
            case UP_KNOWN -> {
                tiltDeg = tilt(ux, uy, uz);
                if (tiltDeg < forwardMinTilt) {
                    axisX = axisY = axisZ = 0;
                } else {
                    // u_now × u_0 points along the body's left axis for a forward tilt.
                    double cx = uy * upZ - uz * upY;
                    double cy = uz * upX - ux * upZ;
                    double cz = ux * upY - uy * upX;
                    double n = Math.sqrt(cx * cx + cy * cy + cz * cz);
                    if (n > 0) {
                        axisX += cx / n;
                        axisY += cy / n;
                        axisZ += cz / n;
                    }
                    if (tiltDeg >= forwardTilt) {
                        completed = captureAxes();
                    }
                }
            }
            case CALIBRATED -> {
            }
        }
        if (state == State.UP_KNOWN) {
            if (tiltDeg < NEUTRAL_DEG) {
                lastNeutralTime = t;
            }
            inclinationDeg = tiltDeg;
            lateralDeg = 0;
        }
        if (state == State.CALIBRATED) {
            double bx = ux * upX + uy * upY + uz * upZ;
            if (bx > COS_NEUTRAL) {
                lastNeutralTime = t;
            }
            double by = ux * leftX + uy * leftY + uz * leftZ;
            double bz = ux * dorsalX + uy * dorsalY + uz * dorsalZ;
            inclinationDeg = Math.toDegrees(Math.atan2(bz, bx));
            lateralDeg = Math.toDegrees(Math.asin(by > 1 ? 1 : (by < -1 ? -1 : by)));
            sagittalRate = gx * leftX + gy * leftY + gz * leftZ;
            frontalRate = gx * dorsalX + gy * dorsalY + gz * dorsalZ;
            axialRate = gx * upX + gy * upY + gz * upZ;
        }
        return completed;
    }

    /**
     * Heading of the body's cranial axis about Earth's vertical, degrees: meaningful with the
     * trunk near horizontal. Computed on demand (only the bird-dog needs it).
     */
    double headingDeg() {
        double w = filter.qw();
        double x = filter.qx();
        double y = filter.qy();
        double z = filter.qz();
        // First two rows of R(q), applied to the cranial axis.
        double ex = (2 * w * w - 1 + 2 * x * x) * upX + 2 * (x * y - w * z) * upY + 2 * (x * z + w * y) * upZ;
        double ey = 2 * (x * y + w * z) * upX + (2 * w * w - 1 + 2 * y * y) * upY + 2 * (y * z - w * x) * upZ;
        return Math.toDegrees(Atan2.of(ey, ex));
    }

    private double tilt(double ux, double uy, double uz) {
        double c = ux * upX + uy * upY + uz * upZ;
        return Math.toDegrees(Math.acos(c > 1 ? 1 : (c < -1 ? -1 : c)));
    }

    /** The largest of the three body-frame rates right now, deg/s. */
    double maxBodyRate() {
        return Math.max(Math.abs(sagittalRate), Math.max(Math.abs(frontalRate), Math.abs(axialRate)));
    }

    boolean isQuietFor(double seconds) {
        return quiet.span() >= seconds - 1e-9
                && quiet.maxGyroStd() <= quietGyroStd
                && quiet.maxAccelStd() <= quietAccelStd
                && Math.abs(quiet.meanAccelNorm() - 1.0) <= quietAccelNorm;
    }

    private boolean isQuietStanding() {
        return quiet.isFull() && isQuietFor(quietSeconds);
    }

    /**
     * Neutral "up" is the mean accelerometer direction over the quiet standing (the filter
     * converges to the same accelerometer, so an accelerometer offset cancels out of every
     * posture angle); the gyro offset is the mean rate over the same window. The filter's
     * own estimate is not used here: before the offset is known it lags by up to a degree.
     */
    private void captureUp() {
        double ax = quiet.mean(3);
        double ay = quiet.mean(4);
        double az = quiet.mean(5);
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        upX = ax / n;
        upY = ay / n;
        upZ = az / n;
        gyroOffsetX = quiet.mean(0);
        gyroOffsetY = quiet.mean(1);
        gyroOffsetZ = quiet.mean(2);
        tiltDeg = 0;
    }

    private boolean captureAxes() {
        // Left axis: accumulated rotation axis, made orthogonal to up.
        double d = axisX * upX + axisY * upY + axisZ * upZ;
        double lx = axisX - d * upX;
        double ly = axisY - d * upY;
        double lz = axisZ - d * upZ;
        double n = Math.sqrt(lx * lx + ly * ly + lz * lz);
        if (!(n > 1e-6)) {
            return false;
        }
        leftX = lx / n;
        leftY = ly / n;
        leftZ = lz / n;
        // Dorsal = cranial × left (x × y = z).
        dorsalX = upY * leftZ - upZ * leftY;
        dorsalY = upZ * leftX - upX * leftZ;
        dorsalZ = upX * leftY - upY * leftX;
        state = State.CALIBRATED;
        return true;
    }

    /**
     * Replaces the gyro offset with a mean rate measured while still, if it is a small
     * change: a true offset drifts slowly; a larger "offset" is a slow real rotation and
     * must not be absorbed.
     *
     * @return true when the offset was updated
     */
    boolean setGyroOffset(double x, double y, double z, double maxChangeDps) {
        if (Math.abs(x - gyroOffsetX) > maxChangeDps || Math.abs(y - gyroOffsetY) > maxChangeDps
                || Math.abs(z - gyroOffsetZ) > maxChangeDps) {
            return false;
        }
        gyroOffsetX = x;
        gyroOffsetY = y;
        gyroOffsetZ = z;
        return true;
    }

    /**
     * Moves the gyro offset along the body's dorsal axis by {@code dps}: with the trunk
     * horizontal that is the vertical, about which the accelerometer cannot correct the
     * heading, so a residual offset there is what drifts it.
     */
    void nudgeGyroOffsetAlongDorsal(double dps) {
        gyroOffsetX += dps * dorsalX;
        gyroOffsetY += dps * dorsalY;
        gyroOffsetZ += dps * dorsalZ;
    }

    /** Forgets the calibration; the next quiet standing starts a new one. */
    void invalidate() {
        state = State.UNCALIBRATED;
        lastNeutralTime = Double.NaN;
        axisX = axisY = axisZ = 0;
        quiet.clear();
        filterTime = Double.NaN;
    }

    /**
     * Keeps the body axes after a gap when the sensor's up has not moved: re-learns up from
     * this quiet period and re-orthogonalises the old left axis.
     */
    boolean recalibrateKeepingAxes(double maxUpChangeDeg) {
        double oldUx = upX;
        double oldUy = upY;
        double oldUz = upZ;
        double oldLx = leftX;
        double oldLy = leftY;
        double oldLz = leftZ;
        captureUp();
        double c = oldUx * upX + oldUy * upY + oldUz * upZ;
        if (Math.toDegrees(Math.acos(Math.min(1, Math.max(-1, c)))) > maxUpChangeDeg) {
            state = State.UP_KNOWN;
            axisX = axisY = axisZ = 0;
            return false;
        }
        axisX = oldLx;
        axisY = oldLy;
        axisZ = oldLz;
        return captureAxes();
    }

    boolean isCalibrated() {
        return state == State.CALIBRATED;
    }

    OrientationFilter filter() {
        return filter;
    }
}
