package org.formcoach.simulator.exercise;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultType;

/**
 * The faults of hinges and squats as smooth additive bumps on the body's angles
 * (biomechanics §4.2), timed from the rep's phases and sized from the faults' random
 * stream. Each method records its label and returns when the fault is over.
 */
final class SpineFaults {
    private SpineFaults() {
    }

    /**
     * Rounding in a hinge: lumbar flexion grows by 12–30° during the eccentric/bottom while
     * the pelvis tucks under by c = 0.5–1 of it, so the trunk stays down. Deadlifts round
     * "under load" (in the first 30 % of the concentric) half of the time.
     */
    static double hingeRounding(Choreography c, String exercise, int rep, RepPhases p, boolean deadlift) {
        double amplitude = c.faultUniform(12, 30);
        double compensation = c.faultUniform(0.5, 1.0);
        boolean underLoad = deadlift && c.faultUniform(0, 1) < 0.5;
        double onset, peak, fallStart, end;
        if (underLoad) {
            onset = p.liftOff() + c.faultUniform(0, 0.1) * p.concentric();
            peak = p.liftOff() + c.faultUniform(0.25, 0.35) * p.concentric();
            fallStart = peak + c.faultUniform(0.1, 0.25) * p.concentric();
            end = p.liftOff() + c.faultUniform(0.8, 0.95) * p.concentric();
        } else {
            onset = p.start() + c.faultUniform(0.4, 0.8) * p.eccentric();
            peak = Math.max(onset + 0.15, p.bottom() + c.faultUniform(0, 0.5) * p.pause());
            fallStart = Math.max(peak, p.liftOff() + c.faultUniform(0, 0.25) * p.concentric());
            end = p.liftOff() + c.faultUniform(0.6, 0.9) * p.concentric();
        }
        c.bumpDeg(Channel.LUMBAR_FLEXION, onset, peak, fallStart, end, amplitude);
        c.bumpDeg(Channel.INCLINATION, onset, peak, fallStart, end, -compensation * amplitude);
        c.fault(new PlannedLabels.Fault(FaultType.LUMBAR_FLEXION, exercise, rep, onset, peak, end,
                "lumbar_flexion", amplitude, -compensation * amplitude, Double.NaN));
        return end;
    }

    /** Butt wink: at the bottom of a squat the pelvis tucks under by 5–10° while lumbar flexion grows 12–25°. */
    static double squatButtWink(Choreography c, String exercise, int rep, RepPhases p) {
        double amplitude = c.faultUniform(12, 25);
        double tuck = c.faultUniform(5, 10);
        double onset = p.start() + c.faultUniform(0.75, 0.85) * p.eccentric();
        double peak = Math.max(onset + 0.2, p.bottom() + c.faultUniform(0.3, 1.0) * p.pause());
        double fallStart = Math.max(peak, p.liftOff());
        double end = p.liftOff() + c.faultUniform(0.3, 0.5) * p.concentric();
        c.bumpDeg(Channel.LUMBAR_FLEXION, onset, peak, fallStart, end, amplitude);
        c.bumpDeg(Channel.INCLINATION, onset, peak, fallStart, end, -tuck);
        c.fault(new PlannedLabels.Fault(FaultType.LUMBAR_FLEXION, exercise, rep, onset, peak, end,
                "lumbar_flexion", amplitude, -tuck, Double.NaN));
        return end;
    }

    /** Excessive lean in a squat: trunk and pelvis 15–25° further forward through the bottom. */
    static double excessiveLean(Choreography c, String exercise, int rep, RepPhases p) {
        double lean = c.faultUniform(15, 25);
        double onset = p.start() + c.faultUniform(0.1, 0.3) * p.eccentric();
        double peak = p.bottom();
        double fallStart = p.liftOff();
        double end = p.liftOff() + c.faultUniform(0.7, 0.95) * p.concentric();
        c.bumpDeg(Channel.INCLINATION, onset, peak, fallStart, end, lean);
        c.fault(new PlannedLabels.Fault(FaultType.EXCESSIVE_LEAN, exercise, rep, onset, peak, end,
                "pelvic_inclination", lean, lean, Double.NaN));
        return end;
    }

    /**
     * Arching at lockout: lumbar extension of 8–15° past standing plus a pelvic lean-back
     * of 3–10°, held for a few tenths of a second (shorter at a swing's top, where it must
     * fit into the float).
     */
    static double lockoutArch(Choreography c, String exercise, int rep, RepPhases p, boolean swing) {
        double extension = c.faultUniform(8, 15);
        double leanBack = c.faultUniform(3, 10);
        double onset, peak, plateau, fall, room;
        if (swing) {
            onset = p.liftOff() + c.faultUniform(0.65, 0.8) * p.concentric();
            peak = p.top() + c.faultUniform(0, 0.03);
            plateau = c.faultUniform(0.03, 0.08);
            fall = c.faultUniform(0.08, 0.15);
            room = p.next() - 0.02 - peak;
        } else {
            onset = p.liftOff() + c.faultUniform(0.7, 0.85) * p.concentric();
            peak = p.top() + c.faultUniform(0, 0.15);
            plateau = c.faultUniform(0.2, 0.7);
            fall = c.faultUniform(0.3, 0.5);
            room = p.next() - 0.1 - peak;
        }
        if (plateau + fall > room) {
            double scale = room / (plateau + fall);
            plateau *= scale;
            fall *= scale;
        }
        double fallStart = peak + plateau;
        double end = fallStart + fall;
        c.bumpDeg(Channel.LUMBAR_FLEXION, onset, peak, fallStart, end, -extension);
        c.bumpDeg(Channel.INCLINATION, onset, peak, fallStart, end, -leanBack);
        c.fault(new PlannedLabels.Fault(FaultType.LUMBAR_EXTENSION, exercise, rep, onset, peak, end,
                "lumbar_extension", extension, -leanBack, Double.NaN));
        return end;
    }
}
