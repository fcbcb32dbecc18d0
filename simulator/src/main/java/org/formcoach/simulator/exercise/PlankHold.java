package org.formcoach.simulator.exercise;

import java.util.List;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultType;

/**
 * A forearm plank: get down to the floor, hold 20–60 s with the body inclined 80–85° (the
 * cranial end slightly up) while effort and tremor grow with fatigue, get up.
 *
 * <p>Hip sag of h metres (biomechanics §2.1): the sacrum turns further head-down by
 * atan(h/0.95 m) plus 0–4° of extra anterior tilt, the thoracolumbar segment the other way
 * by atan(h/0.55 m); pike is the mirror image. Faults start late in the hold (fatigue),
 * ramp over 2–6 s, stay, then recover before the hold ends.
 */
final class PlankHold {
    static final double TRUNK_LINK_M = 0.55;
    static final double LEG_LINK_M = 0.95;

    private PlankHold() {
    }

    /** @param holdS the hold's length, or NaN for a random 25–50 s */
    static void perform(Choreography c, double holdS) {
        String name = Exercise.PLANK.cliName();
        List<List<FaultType>> faults = c.planFaults(Exercise.PLANK.faults(), 1, true, name);
        double start = c.now;
        double hold = Double.isNaN(holdS) ? c.uniform(25, 50) : holdS;
        double fatigue = c.uniform(0.3, 0.7);

        double[] standing = FloorTransitions.standToQuadruped(c);
        c.now += c.duration(0.5, 1.0);
        FloorTransitions.quadrupedToPlank(c);
        double holdStart = c.now;
        double holdEnd = holdStart + hold;
        c.script.moveTo(Channel.EFFORT, holdStart, hold, FloorTransitions.PLANK_EFFORT + fatigue);

        List<FaultType> holdFaults = faults.get(0);
        double windowStart = holdStart + 0.3 * hold;
        double windowEnd = holdEnd - 1.0;
        double share = (windowEnd - windowStart) / Math.max(1, holdFaults.size());
        for (int i = 0; i < holdFaults.size(); i++) {
            injectHipFault(c, name, holdFaults.get(i), windowStart + i * share, windowStart + (i + 1) * share);
        }
        c.hold(name, 1, holdStart, holdEnd);
        c.now = holdEnd;

        FloorTransitions.plankToQuadruped(c);
        c.now += c.duration(0.3, 0.8);
        FloorTransitions.quadrupedToStand(c, standing);
        c.segment(name, start, c.now);
    }

    private static void injectHipFault(Choreography c, String name, FaultType type, double from, double to) {
        double ramp = c.faultUniform(2, 6);
        double recover = c.faultUniform(1, 3);
        double plateau = c.faultUniform(3, 10);
        double height = c.faultUniform(0.06, 0.15);
        double extraDeg = c.faultUniform(0, 4);
        double late = c.faultUniform(0.4, 1.0);
        double room = to - from;
        if (ramp + plateau + recover > room) {
            plateau = Math.max(1, room - ramp - recover);
            double total = ramp + plateau + recover;
            if (total > room) {
                double k = room / total;
                ramp *= k;
                plateau *= k;
                recover *= k;
            }
        }
        double onset = from + (room - ramp - plateau - recover) * late;
        double peak = onset + ramp;
        double fallStart = peak + plateau;
        double end = fallStart + recover;

        double sacralDeg = Math.toDegrees(Math.atan(height / LEG_LINK_M)) + extraDeg;
        double upperDeg = Math.toDegrees(Math.atan(height / TRUNK_LINK_M));
        double sign = type == FaultType.HIP_SAG ? 1 : -1;
        c.bumpDeg(Channel.INCLINATION, onset, peak, fallStart, end, sign * sacralDeg);
        c.bumpDeg(Channel.LUMBAR_FLEXION, onset, peak, fallStart, end, -sign * (sacralDeg + upperDeg));
        c.script.bump(Channel.HIP_Z, onset, peak, fallStart, end, -sign * height);
        c.fault(new PlannedLabels.Fault(type, name, 1, onset, peak, end, "pelvic_inclination", sacralDeg,
                sign * sacralDeg, sign * height * 100));
    }
}
