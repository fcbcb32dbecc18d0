package org.formcoach.simulator.exercise;

import org.formcoach.simulator.body.Channel;

/**
 * Getting down to the floor and back up: standing → (bend, kneel, hands down) quadruped
 * → forearm plank, and the reverse. The first bend is the trace's forward movement for
 * floor exercises.
 */
final class FloorTransitions {
    /** Hip-joint-centre heights above the floor, m. */
    static final double QUADRUPED_HIP_LO = 0.48, QUADRUPED_HIP_HI = 0.55;
    static final double PLANK_HIP_LO = 0.26, PLANK_HIP_HI = 0.34;
    /** Muscular effort (tremor level) in quadruped and in a plank. */
    static final double QUADRUPED_EFFORT = 0.25;
    static final double PLANK_EFFORT = 0.8;

    private FloorTransitions() {
    }

    /** Standing → quadruped (trunk horizontal, dorsal axis up). Returns the standing hip position to come back to. */
    static double[] standToQuadruped(Choreography c) {
        double[] standing = c.hipPlanned();
        double t = c.now;
        c.forwardMovementStarts(t);
        double bend = c.duration(1.2, 1.6);
        c.moveToDeg(Channel.INCLINATION, t, bend, c.uniform(45, 60));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, bend, c.uniform(15, 25));
        c.hipBy(t, bend, -0.1, 0, -0.3);
        t += bend;

        double kneel = c.duration(1.0, 1.4);
        double side = c.body.nextBoolean() ? 1 : -1;
        c.moveToDeg(Channel.INCLINATION, t, kneel, c.uniform(20, 35));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, kneel, 5);
        c.hipHeightTo(t, kneel, c.uniform(0.50, 0.58));
        // One knee reaches the floor first.
        c.bumpDeg(Channel.OBLIQUITY, t, t + 0.4 * kneel, t + 0.6 * kneel, t + kneel, side * c.uniform(2, 4));
        t += kneel + c.duration(0.2, 0.5);

        double handsDown = c.duration(1.0, 1.4);
        c.moveToDeg(Channel.INCLINATION, t, handsDown, 90);
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, handsDown, c.uniform(-3, 3));
        c.hipHeightTo(t, handsDown, c.uniform(QUADRUPED_HIP_LO, QUADRUPED_HIP_HI));
        c.hipBy(t, handsDown, 0.05, 0, 0);
        c.script.moveTo(Channel.EFFORT, t, handsDown, QUADRUPED_EFFORT);
        c.now = t + handsDown;
        return standing;
    }

    /** Quadruped → forearm plank: down onto the forearms, then one leg and the other stepped back. */
    static void quadrupedToPlank(Choreography c) {
        double t = c.now;
        double forearms = c.duration(0.6, 0.9);
        c.moveToDeg(Channel.INCLINATION, t, forearms, 95);
        c.hipBy(t, forearms, 0, 0, -0.03);
        t += forearms;

        double step1 = c.duration(0.6, 0.9);
        double step2 = c.duration(0.6, 0.9);
        double side = c.body.nextBoolean() ? 1 : -1;
        double legsBack = c.uniform(0.40, 0.50);
        c.moveToDeg(Channel.INCLINATION, t, step1 + step2, c.uniform(80, 85));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, step1 + step2, c.uniform(-3, 2));
        c.hipHeightTo(t, step1 + step2, c.uniform(PLANK_HIP_LO, PLANK_HIP_HI));
        c.hipBy(t, step1 + step2, -legsBack, 0, 0);
        c.bumpDeg(Channel.ROLL, t, t + 0.4 * step1, t + 0.6 * step1, t + step1, side * c.uniform(2, 4));
        c.bumpDeg(Channel.ROLL, t + step1, t + step1 + 0.4 * step2, t + step1 + 0.6 * step2, t + step1 + step2,
                -side * c.uniform(2, 4));
        c.script.moveTo(Channel.EFFORT, t, step1 + step2, PLANK_EFFORT);
        c.now = t + step1 + step2;
        c.now += c.duration(1.0, 2.0); // settling into the hold
    }

    /** Plank → quadruped: knees down, hips forward over them. */
    static void plankToQuadruped(Choreography c) {
        double t = c.now;
        double d = c.duration(1.2, 1.6);
        c.moveToDeg(Channel.INCLINATION, t, d, 90);
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, d, 0);
        c.hipHeightTo(t, d, c.uniform(QUADRUPED_HIP_LO, QUADRUPED_HIP_HI));
        c.hipBy(t, d, c.uniform(0.40, 0.50), 0, 0);
        c.script.moveTo(Channel.EFFORT, t, d, QUADRUPED_EFFORT);
        c.now = t + d;
    }

    /** Quadruped → standing at the given hip position: sit back to kneeling, then rise with a forward lean. */
    static void quadrupedToStand(Choreography c, double[] standing) {
        double t = c.now;
        double sitBack = c.duration(1.0, 1.4);
        c.moveToDeg(Channel.INCLINATION, t, sitBack, c.uniform(15, 25));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, sitBack, 3);
        c.hipHeightTo(t, sitBack, c.uniform(0.50, 0.58));
        c.hipBy(t, sitBack, -0.05, 0, 0);
        c.script.moveTo(Channel.EFFORT, t, sitBack, 0);
        t += sitBack + c.duration(0.3, 0.6);

        double rise = c.duration(1.6, 2.2);
        double side = c.body.nextBoolean() ? 1 : -1;
        c.moveToDeg(Channel.INCLINATION, t, rise, c.normal(0, 0.8));
        c.bumpDeg(Channel.INCLINATION, t, t + 0.35 * rise, t + 0.45 * rise, t + rise, c.uniform(15, 25));
        c.moveToDeg(Channel.LUMBAR_FLEXION, t, rise, 0);
        c.bumpDeg(Channel.LUMBAR_FLEXION, t, t + 0.35 * rise, t + 0.45 * rise, t + rise, c.uniform(5, 10));
        c.hipTo(t, rise, standing);
        // One foot comes forward first.
        c.bumpDeg(Channel.OBLIQUITY, t, t + 0.3 * rise, t + 0.5 * rise, t + 0.8 * rise, side * c.uniform(2, 4));
        c.now = t + rise;
    }
}
