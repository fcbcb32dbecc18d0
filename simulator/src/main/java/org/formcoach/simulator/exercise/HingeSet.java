package org.formcoach.simulator.exercise;

import java.util.List;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultType;

/**
 * A set of hip hinges (biomechanics §4.1): deadlift, Romanian deadlift, good morning or
 * kettlebell swing. Every rep is a minimum-jerk excursion of pelvic inclination θ_p, of
 * the good-rep lumbar flexion λ (the lumbar spine leads a little) and of the hip-joint
 * centre, with per-rep depth (SD 5°) and tempo (CV 5–10 %) variation.
 */
final class HingeSet {
    /** Per-variant movement ranges, degrees / metres / seconds. */
    private record Style(double thetaLo, double thetaHi, double lumbarLo, double lumbarHi,
                         double backLo, double backHi, double dropLo, double dropHi,
                         double eccLo, double eccHi, double pauseLo, double pauseHi,
                         double concLo, double concHi, double topLo, double topHi) {
    }

    private static final Style DEADLIFT = new Style(40, 60, 22, 30, 0.05, 0.10, 0.30, 0.45,
            1.0, 2.0, 1.0, 3.0, 1.0, 2.5, 0.8, 1.5);
    private static final Style RDL = new Style(55, 75, 18, 28, 0.10, 0.20, 0.05, 0.10,
            2.0, 3.0, 0.1, 0.8, 1.0, 1.5, 0.8, 2.0);
    private static final Style GOOD_MORNING = new Style(60, 75, 18, 26, 0.10, 0.15, 0.02, 0.05,
            2.0, 3.0, 0.1, 0.8, 1.0, 1.5, 0.8, 2.0);
    private static final Style KB_SWING = new Style(65, 85, 12, 22, 0.10, 0.15, 0.08, 0.15,
            0.6, 0.8, 0, 0, 0.45, 0.6, 0.15, 0.3);

    private static final double ROM_SD_DEG = 5;
    private static final double LUMBAR_SD_DEG = 3;
    /** A swing cycle (backswing + drive + float) takes at most this long (≥ 40 swings/min [S38]). */
    private static final double SWING_MAX_CYCLE_S = 1.5;

    private HingeSet() {
    }

    static void perform(Choreography c, HingeVariant variant, int reps) {
        String name = Exercise.HINGE.cliName();
        List<List<FaultType>> faults = c.planFaults(Exercise.HINGE.faults(), reps, false, name);
        double start = c.now;
        c.forwardMovementStarts(start);
        double end = variant == HingeVariant.KB_SWING
                ? swings(c, reps, faults)
                : lifts(c, variant, reps, faults);
        c.segment(name, start, end);
    }

    private static Style style(HingeVariant v) {
        return switch (v) {
            case DEADLIFT -> DEADLIFT;
            case RDL -> RDL;
            case GOOD_MORNING -> GOOD_MORNING;
            case KB_SWING -> KB_SWING;
        };
    }

    /** Deadlift, RDL, good morning: down, pause, up, pause at the top. Returns the end of the last rep. */
    private static double lifts(Choreography c, HingeVariant variant, int reps, List<List<FaultType>> faults) {
        Style s = style(variant);
        double thetaMean = c.uniform(s.thetaLo, s.thetaHi);
        double lumbarMean = c.uniform(s.lumbarLo, s.lumbarHi);
        double back = c.uniform(s.backLo, s.backHi);
        double drop = c.uniform(s.dropLo, s.dropHi);
        double lastEnd = c.now;
        for (int r = 1; r <= reps; r++) {
            // The first deadlift "eccentric" is the set-up: bending down to the bar.
            double ecc = variant == HingeVariant.DEADLIFT && r == 1 ? c.duration(1.0, 1.5) : c.duration(s.eccLo, s.eccHi);
            double pause = c.duration(s.pauseLo, s.pauseHi);
            double conc = c.duration(s.concLo, s.concHi);
            double top = c.duration(s.topLo, s.topHi);
            double theta = c.normal(thetaMean, ROM_SD_DEG);
            double lumbar = Math.max(5, c.normal(lumbarMean, LUMBAR_SD_DEG));
            double lumbarLead = c.uniform(0, 0.1) * ecc;
            double lumbarLag = c.uniform(0, 0.1) * conc;
            double topTheta = c.normal(0, 0.8);
            double repBack = back * c.uniform(0.9, 1.1);
            double repDrop = drop * c.uniform(0.9, 1.1);

            double t0 = c.now;
            double t1 = t0 + ecc;
            double t2 = t1 + pause;
            double t3 = t2 + conc;
            double[] rest = c.hipPlanned();
            c.moveToDeg(Channel.INCLINATION, t0, ecc, theta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t0, ecc - lumbarLead, lumbar);
            c.hipBy(t0, ecc, -repBack, 0, -repDrop);
            c.moveToDeg(Channel.INCLINATION, t2, conc, topTheta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t2 + lumbarLag, conc - lumbarLag, 0);
            c.hipTo(t2, conc, rest);

            RepPhases phases = new RepPhases(t0, t1, t2, t3, t3 + top);
            double end = t3;
            for (FaultType f : faults.get(r - 1)) {
                end = Math.max(end, switch (f) {
                    case LUMBAR_FLEXION -> SpineFaults.hingeRounding(c, Exercise.HINGE.cliName(), r, phases,
                            variant == HingeVariant.DEADLIFT);
                    case LUMBAR_EXTENSION -> SpineFaults.lockoutArch(c, Exercise.HINGE.cliName(), r, phases, false);
                    default -> throw new IllegalStateException("not a hinge fault: " + f);
                });
            }
            c.rep(Exercise.HINGE.cliName(), r, t0, end, null, faults.get(r - 1));
            lastEnd = end;
            c.now = t3 + top;
        }
        return lastEnd;
    }

    /**
     * Kettlebell swings: set-up hinge to the bell, then backswing / hip drive / float
     * cycles of at most 1.5 s (peak pelvic rates ≈ 250–330 °/s), then the bell is swung
     * back once more and parked (not a rep). Returns the end of the park.
     */
    private static double swings(Choreography c, int reps, List<List<FaultType>> faults) {
        Style s = KB_SWING;
        double thetaMean = c.uniform(s.thetaLo, s.thetaHi);
        double lumbarMean = c.uniform(s.lumbarLo, s.lumbarHi);
        double back = c.uniform(s.backLo, s.backHi);
        double drop = c.uniform(s.dropLo, s.dropHi);
        double[] rest = c.hipPlanned();

        double setupStart = c.now;
        double setup = c.duration(1.0, 1.4);
        double grip = c.duration(0.5, 1.0);
        c.moveToDeg(Channel.INCLINATION, setupStart, setup, c.uniform(40, 50));
        c.moveToDeg(Channel.LUMBAR_FLEXION, setupStart, setup, 0.6 * lumbarMean);
        c.hipBy(setupStart, setup, -0.6 * back, 0, -0.8 * drop);
        c.now = setupStart + setup + grip;

        for (int r = 1; r <= reps; r++) {
            double backswing = c.duration(s.eccLo, s.eccHi);
            double drive = c.duration(s.concLo, s.concHi);
            double flight = c.duration(s.topLo, s.topHi);
            double cycle = backswing + drive + flight;
            if (cycle > SWING_MAX_CYCLE_S) {
                double k = SWING_MAX_CYCLE_S / cycle;
                backswing *= k;
                drive *= k;
                flight *= k;
            }
            double theta = c.normal(thetaMean, ROM_SD_DEG);
            double lumbar = Math.max(5, c.normal(lumbarMean, LUMBAR_SD_DEG));
            double topTheta = c.normal(0, 1.0);

            double t0 = c.now;
            double t1 = t0 + backswing;
            double t3 = t1 + drive;
            c.moveToDeg(Channel.INCLINATION, t0, backswing, theta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t0, backswing, lumbar);
            c.hipTo(t0, backswing, new double[]{rest[0] - back * Math.cos(c.heading),
                    rest[1] - back * Math.sin(c.heading), rest[2] - drop});
            c.moveToDeg(Channel.INCLINATION, t1, drive, topTheta);
            c.moveToDeg(Channel.LUMBAR_FLEXION, t1, drive, 0);
            c.hipTo(t1, drive, rest);

            RepPhases phases = new RepPhases(t0, t1, t1, t3, t3 + flight);
            double end = t3;
            for (FaultType f : faults.get(r - 1)) {
                end = Math.max(end, switch (f) {
                    case LUMBAR_FLEXION -> SpineFaults.hingeRounding(c, Exercise.HINGE.cliName(), r, phases, false);
                    case LUMBAR_EXTENSION -> SpineFaults.lockoutArch(c, Exercise.HINGE.cliName(), r, phases, true);
                    default -> throw new IllegalStateException("not a hinge fault: " + f);
                });
            }
            c.rep(Exercise.HINGE.cliName(), r, r == 1 ? setupStart : t0, end, null, faults.get(r - 1));
            c.now = t3 + flight;
        }

        // Park: one more backswing, the bell comes forward to the floor, stand up.
        double backswing = c.duration(0.6, 0.8);
        double settle = c.duration(0.5, 0.7);
        double hold = c.duration(0.4, 0.8);
        double standUp = c.duration(1.0, 1.4);
        double t0 = c.now;
        c.moveToDeg(Channel.INCLINATION, t0, backswing, 0.9 * thetaMean);
        c.moveToDeg(Channel.LUMBAR_FLEXION, t0, backswing, lumbarMean);
        c.hipBy(t0, backswing, -back, 0, -drop);
        double t1 = t0 + backswing;
        c.moveToDeg(Channel.INCLINATION, t1, settle, c.uniform(40, 50));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t1, settle, 0.6 * lumbarMean);
        double t2 = t1 + settle + hold;
        c.moveToDeg(Channel.INCLINATION, t2, standUp, c.normal(0, 0.8));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t2, standUp, 0);
        c.hipTo(t2, standUp, rest);
        c.now = t2 + standUp;
        return c.now;
    }
}
