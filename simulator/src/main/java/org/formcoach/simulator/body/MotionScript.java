package org.formcoach.simulator.body;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The planned movement of the body: for every {@link Channel}, a list of smooth steps
 * (minimum-jerk moves, cruises at constant speed with smooth ramps) and oscillations
 * (gait). Exercises write into a script while they plan a trace; {@link BodyTrajectory}
 * renders it at the truth rate.
 *
 * <p>Steps add up: a channel's value at time t is its initial value plus every step's
 * contribution so far. The script remembers each channel's planned value after all the
 * steps added so far, so that {@link #moveTo} can aim at an absolute posture.
 */
public final class MotionScript {
    /** How a step's contribution grows from 0 to its full size. */
    public enum Shape {
        /** The minimum-jerk step s(τ). */
        MIN_JERK,
        /** Constant speed with minimum-jerk speed ramps at both ends (walking). */
        CRUISE
    }

    /** One step: {@code delta} added to {@code channel} over [start, start + duration]. */
    public record Step(Channel channel, double start, double duration, double delta, Shape shape, double ramp) {
        public double end() {
            return start + duration;
        }
    }

    /** A sinusoid faded in and out with minimum-jerk envelopes over {@code fade} seconds. */
    public record Oscillation(Channel channel, double start, double end, double fade, double frequencyHz,
                              double amplitude, double phase) {
    }

    private final double[] initial = new double[Channel.COUNT];
    private final double[] planned = new double[Channel.COUNT];
    private final List<Step> steps = new ArrayList<>();
    private final List<Oscillation> oscillations = new ArrayList<>();

    /** Sets where a channel starts (before any step). Only valid before the channel's first step. */
    public void setInitial(Channel c, double value) {
        initial[c.ordinal()] = value;
        planned[c.ordinal()] = value;
    }

    public double initial(Channel c) {
        return initial[c.ordinal()];
    }

    /** The channel's value once every step added so far has completed. */
    public double planned(Channel c) {
        return planned[c.ordinal()];
    }

    /** A minimum-jerk move of the channel to {@code value} over [start, start + duration]. */
    public void moveTo(Channel c, double start, double duration, double value) {
        moveBy(c, start, duration, value - planned[c.ordinal()]);
    }

    /** A minimum-jerk change of the channel by {@code delta} over [start, start + duration]. */
    public void moveBy(Channel c, double start, double duration, double delta) {
        add(new Step(c, start, positive(duration), delta, Shape.MIN_JERK, 0));
    }

    /**
     * A smooth temporary change (a fault, a weight shift): rises by {@code amplitude} from
     * onset to peak, stays until {@code fallStart}, returns by {@code end}.
     */
    public void bump(Channel c, double onset, double peak, double fallStart, double end, double amplitude) {
        if (!(onset < peak && peak <= fallStart && fallStart < end)) {
            throw new IllegalArgumentException("bump times out of order: " + onset + ", " + peak + ", "
                    + fallStart + ", " + end);
        }
        moveBy(c, onset, peak - onset, amplitude);
        moveBy(c, fallStart, end - fallStart, -amplitude);
    }

    /** Covers {@code distance} between start and end at constant speed, ramping the speed up and down over {@code ramp}. */
    public void cruise(Channel c, double start, double end, double ramp, double distance) {
        double duration = end - start;
        if (!(ramp > 0 && 2 * ramp <= duration)) {
            throw new IllegalArgumentException("cruise ramps do not fit: " + ramp + " s in " + duration + " s");
        }
        add(new Step(c, start, duration, distance, Shape.CRUISE, ramp));
    }

    public void oscillate(Channel c, double start, double end, double fade, double frequencyHz, double amplitude,
                          double phase) {
        if (!(end - start >= 2 * fade && fade > 0)) {
            throw new IllegalArgumentException("oscillation fades do not fit");
        }
        oscillations.add(new Oscillation(c, start, end, fade, frequencyHz, amplitude, phase));
    }

    private void add(Step step) {
        steps.add(step);
        planned[step.channel().ordinal()] += step.delta();
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<Oscillation> oscillations() {
        return Collections.unmodifiableList(oscillations);
    }

    /** When the last step or oscillation ends (0 for an empty script). */
    public double endTime() {
        double end = 0;
        for (Step s : steps) {
            end = Math.max(end, s.end());
        }
        for (Oscillation o : oscillations) {
            end = Math.max(end, o.end());
        }
        return end;
    }

    /** The fraction of a cruise's distance covered {@code t} seconds after its start. */
    static double cruiseFraction(double t, double duration, double ramp) {
        if (t <= 0) {
            return 0;
        }
        if (t >= duration) {
            return 1;
        }
        double speed = 1.0 / (duration - ramp);
        if (t <= ramp) {
            return speed * ramp * MinimumJerk.integral(t / ramp);
        }
        if (t <= duration - ramp) {
            return speed * (0.5 * ramp + (t - ramp));
        }
        return 1 - speed * ramp * MinimumJerk.integral((duration - t) / ramp);
    }

    private static double positive(double duration) {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("a move needs a positive duration: " + duration);
        }
        return duration;
    }
}
