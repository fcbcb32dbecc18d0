package org.formcoach.simulator.exercise;

import java.util.List;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultType;

/**
 * A set of squats: the trunk and pelvis lean forward by 25–45° while the hips travel
 * 0.35–0.5 m down and a little back; the lumbar spine flexes 10–20° at depth.
 */
final class SquatSet {
    private SquatSet() {
    }

    static void perform(Choreography c, int reps) {
        String name = Exercise.SQUAT.cliName();
        List<List<FaultType>> faults = c.planFaults(Exercise.SQUAT.faults(), reps, false, name);
        double start = c.now;
        c.forwardMovementStarts(start);
        double thetaMean = c.uniform(28, 42);
        double lumbarMean = c.uniform(10, 20);
        double drop = c.uniform(0.35, 0.5);
        double back = c.uniform(0.05, 0.15);
        double lastEnd = start;
        for (int r = 1; r <= reps; r++) {
            double ecc = c.duration(1.5, 2.5);
            double pause = c.duration(0.1, 0.5);
            double conc = c.duration(1.0, 1.5);
            double top = c.duration(1.0, 2.5);
            double theta = c.normal(thetaMean, 4);
            double lumbar = Math.max(4, c.normal(lumbarMean, 2.5));
            double repDrop = drop * c.uniform(0.92, 1.08);
            double repBack = back * c.uniform(0.9, 1.1);
            double topTheta = c.normal(0, 0.8);

            double t0 = c.now;
            double t1 = t0 + ecc;
            double t2 = t1 + pause;
            double t3 = t2 + conc;
            double[] rest = c.hipPlanned();
            c.moveToDeg(Channel.INCLINATION, t0, ecc, theta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t0 + 0.2 * ecc, 0.8 * ecc, lumbar);
            c.hipBy(t0, ecc, -repBack, 0, -repDrop);
            c.moveToDeg(Channel.INCLINATION, t2, conc, topTheta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t2, 0.8 * conc, 0);
            c.hipTo(t2, conc, rest);

            RepPhases phases = new RepPhases(t0, t1, t2, t3, t3 + top);
            double end = t3;
            for (FaultType f : faults.get(r - 1)) {
                end = Math.max(end, switch (f) {
                    case LUMBAR_FLEXION -> SpineFaults.squatButtWink(c, name, r, phases);
                    case EXCESSIVE_LEAN -> SpineFaults.excessiveLean(c, name, r, phases);
                    case LUMBAR_EXTENSION -> SpineFaults.lockoutArch(c, name, r, phases, false);
                    default -> throw new IllegalStateException("not a squat fault: " + f);
                });
            }
            c.rep(name, r, t0, end, null, faults.get(r - 1));
            lastEnd = end;
            c.now = t3 + top;
        }
        c.segment(name, start, lastEnd);
    }
}
