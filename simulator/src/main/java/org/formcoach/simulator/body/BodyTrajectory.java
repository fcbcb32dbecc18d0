package org.formcoach.simulator.body;

/**
 * The body's kinematics sampled at the truth rate (≥ 1 kHz): one primitive array per
 * {@link Channel}, plus the movement-activity envelope that scales soft-tissue artefact.
 * Index i is the true time {@code startS + i / rateHz}.
 */
public final class BodyTrajectory {
    /** Speeds at which soft-tissue artefact reaches its full size. */
    private static final double FULL_ACTIVITY_RATE_RAD_S = 3.0;
    private static final double FULL_ACTIVITY_SPEED_M_S = 1.5;
    /** The activity envelope is smoothed with a one-pole low-pass of this corner. */
    private static final double ACTIVITY_SMOOTHING_HZ = 3.0;

    private final double startS;
    private final double rateHz;
    private final int length;
    private final double[][] channels;
    private final double[] activity;

    private BodyTrajectory(double startS, double rateHz, int length) {
        this.startS = startS;
        this.rateHz = rateHz;
        this.length = length;
        this.channels = new double[Channel.COUNT][length];
        this.activity = new double[length];
    }

    /** Renders the script's steps and oscillations over [startS, startS + length / rateHz). */
    public static BodyTrajectory render(MotionScript script, double startS, double rateHz, int length) {
        BodyTrajectory body = new BodyTrajectory(startS, rateHz, length);
        double[] stepped = new double[length + 1];
        for (Channel c : Channel.values()) {
            double[] values = body.channels[c.ordinal()];
            java.util.Arrays.fill(stepped, 0);
            stepped[0] = script.initial(c);
            for (MotionScript.Step step : script.steps()) {
                if (step.channel() == c) {
                    body.renderStep(step, values, stepped);
                }
            }
            double level = 0;
            for (int i = 0; i < length; i++) {
                level += stepped[i];
                values[i] += level;
            }
        }
        for (MotionScript.Oscillation o : script.oscillations()) {
            body.renderOscillation(o);
        }
        return body;
    }

    /** Adds the in-progress part of a step to values and its completed part to the step-difference array. */
    private void renderStep(MotionScript.Step step, double[] values, double[] stepped) {
        int i0 = Math.max(0, (int) Math.ceil((step.start() - startS) * rateHz));
        int i1 = (int) Math.ceil((step.end() - startS) * rateHz);
        if (i1 < 0) {
            stepped[0] += step.delta();
            return;
        }
        int last = Math.min(i1, length);
        double dt = 1.0 / rateHz;
        double duration = step.duration();
        for (int i = i0; i < last; i++) {
            double t = startS + i * dt - step.start();
            double fraction = step.shape() == MotionScript.Shape.MIN_JERK
                    ? MinimumJerk.step(t / duration)
                    : MotionScript.cruiseFraction(t, duration, step.ramp());
            values[i] += step.delta() * fraction;
        }
        if (i1 <= length) {
            stepped[i1] += step.delta();
        }
    }

    private void renderOscillation(MotionScript.Oscillation o) {
        double[] values = channels[o.channel().ordinal()];
        int i0 = Math.max(0, (int) Math.ceil((o.start() - startS) * rateHz));
        int i1 = Math.min(length, (int) Math.ceil((o.end() - startS) * rateHz));
        if (i0 >= i1) {
            return;
        }
        double dt = 1.0 / rateHz;
        double w = 2 * Math.PI * o.frequencyHz();
        double t0 = startS + i0 * dt - o.start();
        double c = Math.cos(w * t0 + o.phase());
        double s = Math.sin(w * t0 + o.phase());
        double cd = Math.cos(w * dt);
        double sd = Math.sin(w * dt);
        for (int i = i0; i < i1; i++) {
            double t = startS + i * dt;
            double envelope = MinimumJerk.step((t - o.start()) / o.fade()) * MinimumJerk.step((o.end() - t) / o.fade());
            values[i] += o.amplitude() * envelope * s;
            double nc = c * cd - s * sd;
            s = s * cd + c * sd;
            c = nc;
        }
    }

    /**
     * Computes the movement-activity envelope (0 still … 1 vigorous) from the pelvis's
     * angular and linear speed; call once the physiological layers are in.
     */
    public void computeActivity() {
        double[] incl = channels[Channel.INCLINATION.ordinal()];
        double[] yaw = channels[Channel.YAW.ordinal()];
        double[] roll = channels[Channel.ROLL.ordinal()];
        double[] x = channels[Channel.HIP_X.ordinal()];
        double[] y = channels[Channel.HIP_Y.ordinal()];
        double[] z = channels[Channel.HIP_Z.ordinal()];
        double alpha = 1 - Math.exp(-2 * Math.PI * ACTIVITY_SMOOTHING_HZ / rateHz);
        double smoothed = 0;
        for (int i = 1; i < length; i++) {
            double angular = Math.abs(incl[i] - incl[i - 1]) + Math.abs(yaw[i] - yaw[i - 1]) + Math.abs(roll[i] - roll[i - 1]);
            double dx = x[i] - x[i - 1];
            double dy = y[i] - y[i - 1];
            double dz = z[i] - z[i - 1];
            double linear = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double raw = Math.min(1, angular * rateHz / FULL_ACTIVITY_RATE_RAD_S + linear * rateHz / FULL_ACTIVITY_SPEED_M_S);
            smoothed += alpha * (raw - smoothed);
            activity[i] = smoothed;
        }
        activity[0] = length > 1 ? activity[1] : 0;
    }

    public double[] channel(Channel c) {
        return channels[c.ordinal()];
    }

    public double[] activity() {
        return activity;
    }

    public double startS() {
        return startS;
    }

    public double rateHz() {
        return rateHz;
    }

    public int length() {
        return length;
    }

    public double time(int index) {
        return startS + index / rateHz;
    }

    /** The index of the first sample at or after a true time (clamped to the trajectory). */
    public int indexAtOrAfter(double timeS) {
        return (int) Math.max(0, Math.min(length - 1, Math.ceil((timeS - startS) * rateHz - 1e-9)));
    }
}
