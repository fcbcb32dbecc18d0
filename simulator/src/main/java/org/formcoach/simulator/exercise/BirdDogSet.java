package org.formcoach.simulator.exercise;

import java.util.List;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultType;

/**
 * Bird-dog: from quadruped, raise one arm and the opposite leg (0.8–1.5 s), hold 7–10 s,
 * lower (0.8–1.5 s), rest 2–4 s, alternating sides [S34]. A rep's side is the lifted arm.
 *
 * <p>Even a good rep rolls the pelvis 1–3° with the raised leg's side going up, shifts the
 * pelvis 1–2 cm toward the supporting knee with a quick lateral jolt at the lift, and
 * tips it 0.5–2° anteriorly: that is what lets a pelvis sensor tell the side. Faults:
 * {@code trunk_rotation} rolls it 6–15° further (the thorax follows only partly, so the
 * lumbar spine twists) and {@code lateral_tilt} swings it 6–15° about the vertical.
 */
final class BirdDogSet {
    private BirdDogSet() {
    }

    static void perform(Choreography c, int reps) {
        String name = Exercise.BIRD_DOG.cliName();
        List<List<FaultType>> faults = c.planFaults(Exercise.BIRD_DOG.faults(), reps, false, name);
        double start = c.now;
        double[] standing = FloorTransitions.standToQuadruped(c);
        c.now += c.duration(2, 4);
        boolean leftArm = c.body.nextBoolean();
        for (int r = 1; r <= reps; r++, leftArm = !leftArm) {
            double raise = c.duration(0.8, 1.5);
            double hold = c.uniform(7, 10);
            double lower = c.duration(0.8, 1.5);
            double rest = c.duration(2, 4);
            double rollDeg = c.uniform(1, 3);
            double shift = c.uniform(0.01, 0.02);
            double jolt = c.uniform(0.003, 0.005);
            double tiltDeg = c.uniform(0.5, 2);
            double yawDeg = c.normal(0, 0.5);
            double effort = c.uniform(0.35, 0.6);

            // Left arm up = right leg up: the right side of the pelvis rises (negative roll)
            // and the weight goes onto the left knee (the pelvis shifts left).
            double raisedLegSide = leftArm ? -1 : 1;
            double supportSide = -raisedLegSide;
            double t0 = c.now;
            double up = t0 + raise;
            double down = up + hold;
            double end = down + lower;
            c.bumpDeg(Channel.ROLL, t0, up, down, end, raisedLegSide * rollDeg);
            lateral(c, t0, up, down, end, supportSide * shift);
            lateral(c, t0, t0 + 0.2, t0 + 0.2, t0 + 0.45, supportSide * jolt);
            c.bumpDeg(Channel.INCLINATION, t0, up, down, end, tiltDeg);
            c.bumpDeg(Channel.YAW, t0, up, down, end, yawDeg);
            c.script.bump(Channel.EFFORT, t0, up, down, end, effort);

            for (FaultType f : faults.get(r - 1)) {
                injectFault(c, name, r, f, t0, up, down, end, raisedLegSide);
            }
            c.rep(name, r, t0, end, leftArm ? "left" : "right", faults.get(r - 1));
            c.hold(name, r, up, down);
            c.now = end + rest;
        }
        FloorTransitions.quadrupedToStand(c, standing);
        c.segment(name, start, c.now);
    }

    /** A sideways bump of the hip centre (metres, positive = the wearer's left). */
    private static void lateral(Choreography c, double onset, double peak, double fallStart, double end, double left) {
        double dx = -Math.sin(c.heading) * left;
        double dy = Math.cos(c.heading) * left;
        if (dx != 0) {
            c.script.bump(Channel.HIP_X, onset, peak, fallStart, end, dx);
        }
        if (dy != 0) {
            c.script.bump(Channel.HIP_Y, onset, peak, fallStart, end, dy);
        }
    }

    private static void injectFault(Choreography c, String name, int rep, FaultType type, double raiseStart,
                                    double up, double down, double end, double raisedLegSide) {
        double size = c.faultUniform(6, 15);
        double raise = up - raiseStart;
        double lower = end - down;
        double onset = raiseStart + c.faultUniform(0.2, 0.8) * raise;
        double peak = Math.min(onset + c.faultUniform(0.5, 1.5), down - 0.5);
        double fallStart = down + c.faultUniform(0, 0.3) * lower;
        double fallEnd = down + c.faultUniform(0.7, 1.0) * lower;
        if (type == FaultType.TRUNK_ROTATION) {
            double roll = raisedLegSide * size;
            c.bumpDeg(Channel.ROLL, onset, peak, fallStart, fallEnd, roll);
            // The thorax stays flatter than the pelvis: the lumbar spine takes up the difference.
            c.bumpDeg(Channel.LUMBAR_TWIST, onset, peak, fallStart, fallEnd, -0.6 * roll);
            c.fault(new PlannedLabels.Fault(type, name, rep, onset, peak, fallEnd, "pelvic_roll", size, 0, Double.NaN));
        } else {
            double sign = c.faultUniform(0, 1) < 0.5 ? -1 : 1;
            c.bumpDeg(Channel.YAW, onset, peak, fallStart, fallEnd, sign * size);
            c.fault(new PlannedLabels.Fault(type, name, rep, onset, peak, fallEnd, "pelvic_yaw", size, 0, Double.NaN));
        }
    }
}
