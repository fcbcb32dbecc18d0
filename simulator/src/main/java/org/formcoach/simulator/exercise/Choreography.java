package org.formcoach.simulator.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.body.MotionScript;
import org.formcoach.simulator.fault.FaultPlanner;
import org.formcoach.simulator.fault.FaultType;

/**
 * The planning state shared by the exercises while they write a trace: the motion script,
 * the time cursor, the wearer's heading and build, two independent random streams (the
 * body's and the faults'), and the labels recorded so far.
 *
 * <p>Exercises draw everything about the movement itself from {@link #body} and
 * everything about faults from {@link #faults}, in an order that does not depend on the
 * other stream. That keeps the same seed's movement identical with and without faults.
 */
public final class Choreography {
    static final double DEG = Math.PI / 180;

    final MotionScript script = new MotionScript();
    final SplittableRandom body;
    final SplittableRandom faults;
    final FaultPlanner planner;
    /** Standing hip-joint-centre height above the floor, m. */
    final double hipHeight;
    /** Multiplier on every tempo (a slow or quick wearer). */
    final double tempo;
    /** Rep-to-rep coefficient of variation of durations. */
    final double durationCv;

    /** The planning cursor, true seconds. */
    double now;
    /** The direction the wearer faces, radians about the vertical. */
    double heading;

    final List<PlannedLabels.Segment> segments = new ArrayList<>();
    final List<PlannedLabels.Rep> reps = new ArrayList<>();
    final List<PlannedLabels.Fault> faultLabels = new ArrayList<>();
    final List<PlannedLabels.Hold> holds = new ArrayList<>();
    double quietEnd = Double.NaN;
    double firstForwardMovement = Double.NaN;

    public Choreography(SplittableRandom body, SplittableRandom faults, FaultPlanner planner) {
        this.body = body;
        this.faults = faults;
        this.planner = planner;
        this.hipHeight = uniform(0.85, 0.98);
        this.tempo = uniform(0.92, 1.1);
        this.durationCv = uniform(0.05, 0.10);
    }

    // ----- random draws -----

    /** Uniform in [lo, hi) from the body's stream. */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * body.nextDouble();
    }

    /** Normal with this mean and SD from the body's stream, clipped to ±2.5 SD. */
    double normal(double mean, double sd) {
        double u1 = 1 - body.nextDouble();
        double u2 = body.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return mean + sd * Math.max(-2.5, Math.min(2.5, z));
    }

    /** A phase duration: uniform in [lo, hi], scaled by the wearer's tempo and a rep-to-rep jitter. */
    double duration(double lo, double hi) {
        return uniform(lo, hi) * tempo * Math.max(0.7, normal(1, durationCv));
    }

    /** Uniform in [lo, hi) from the faults' stream. */
    double faultUniform(double lo, double hi) {
        return lo + (hi - lo) * faults.nextDouble();
    }

    // ----- movement helpers -----

    /** Moves the hip-joint centre by (forward, left, up) relative to the current heading. */
    void hipBy(double start, double duration, double forward, double left, double up) {
        double c = Math.cos(heading);
        double s = Math.sin(heading);
        double dx = c * forward - s * left;
        double dy = s * forward + c * left;
        if (dx != 0) {
            script.moveBy(Channel.HIP_X, start, duration, dx);
        }
        if (dy != 0) {
            script.moveBy(Channel.HIP_Y, start, duration, dy);
        }
        if (up != 0) {
            script.moveBy(Channel.HIP_Z, start, duration, up);
        }
    }

    /** Moves the hip to an absolute height above the floor. */
    void hipHeightTo(double start, double duration, double heightAboveFloor) {
        script.moveTo(Channel.HIP_Z, start, duration, heightAboveFloor - hipHeight);
    }

    /** The planned hip position (world x, y, z relative to standing). */
    double[] hipPlanned() {
        return new double[]{script.planned(Channel.HIP_X), script.planned(Channel.HIP_Y), script.planned(Channel.HIP_Z)};
    }

    void hipTo(double start, double duration, double[] position) {
        script.moveTo(Channel.HIP_X, start, duration, position[0]);
        script.moveTo(Channel.HIP_Y, start, duration, position[1]);
        script.moveTo(Channel.HIP_Z, start, duration, position[2]);
    }

    void moveToDeg(Channel c, double start, double duration, double degrees) {
        script.moveTo(c, start, duration, degrees * DEG);
    }

    void bumpDeg(Channel c, double onset, double peak, double fallStart, double end, double degrees) {
        script.bump(c, onset, peak, fallStart, end, degrees * DEG);
    }

    /** Records the start of the first forward movement (the engine learns "forward" from it). */
    void forwardMovementStarts(double t) {
        if (Double.isNaN(firstForwardMovement)) {
            firstForwardMovement = t;
        }
        if (Double.isNaN(quietEnd)) {
            quietEnd = t;
        }
    }

    /** Records the end of the quiet standing at the start, if not yet recorded. */
    void quietEnds(double t) {
        if (Double.isNaN(quietEnd)) {
            quietEnd = t;
        }
    }

    // ----- labels -----

    List<List<FaultType>> planFaults(Set<FaultType> allowed, int count, boolean holdsSet, String exerciseName) {
        return planner.assign(allowed, count, holdsSet, exerciseName);
    }

    void segment(String exercise, double start, double end) {
        segments.add(new PlannedLabels.Segment(exercise, start, end));
    }

    void rep(String exercise, int rep, double start, double end, String side, List<FaultType> types) {
        reps.add(new PlannedLabels.Rep(exercise, rep, start, end, side, List.copyOf(types)));
    }

    void fault(PlannedLabels.Fault fault) {
        faultLabels.add(fault);
    }

    void hold(String exercise, int rep, double start, double end) {
        holds.add(new PlannedLabels.Hold(exercise, rep, start, end));
    }

    // ----- results -----

    public MotionScript script() {
        return script;
    }

    public double now() {
        return now;
    }

    public List<PlannedLabels.Segment> segments() {
        return segments;
    }

    public List<PlannedLabels.Rep> reps() {
        return reps;
    }

    public List<PlannedLabels.Fault> faultLabels() {
        return faultLabels;
    }

    public List<PlannedLabels.Hold> holds() {
        return holds;
    }

    public double quietEnd() {
        return quietEnd;
    }

    /** NaN when the trace never moves forward (quiet standing). */
    public double firstForwardMovement() {
        return firstForwardMovement;
    }
}
