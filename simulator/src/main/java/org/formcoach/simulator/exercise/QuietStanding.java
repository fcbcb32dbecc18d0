package org.formcoach.simulator.exercise;

import org.formcoach.simulator.body.Channel;

/** Standing still, with an occasional weight shift from one leg to the other (every 8–20 s). */
final class QuietStanding {
    private QuietStanding() {
    }

    /** @param weightShifts whether to shift weight now and then (a long stand) or stay quiet (a pause between sets) */
    static void perform(Choreography c, double durationS, boolean weightShifts) {
        double start = c.now;
        double end = start + durationS;
        if (weightShifts) {
            double t = start + c.uniform(3, 10);
            while (t + 5 < end) {
                double rise = c.duration(0.6, 1.0);
                double stay = c.uniform(2, 5);
                double fall = c.duration(0.6, 1.0);
                double side = c.body.nextBoolean() ? 1 : -1;
                c.quietEnds(t);
                c.bumpDeg(Channel.OBLIQUITY, t, t + rise, t + rise + stay, t + rise + stay + fall, side * c.uniform(1, 2));
                c.script.bump(Channel.HIP_Y, t, t + rise, t + rise + stay, t + rise + stay + fall,
                        side * c.uniform(0.01, 0.02) * Math.cos(c.heading));
                t += rise + stay + fall + c.uniform(5, 15);
            }
        }
        c.segment(Exercise.STANDING.cliName(), start, end);
        c.now = end;
    }
}
