package org.formcoach.simulator.exercise;

import java.util.SplittableRandom;

import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.fault.FaultPlanner;

/**
 * Plans a whole trace: 2.5–4 s of quiet upright standing (the engine calibrates "up" from
 * it), sometimes a small set-up weight shift, the exercise (or the workout's sequence),
 * and a quiet end.
 */
public final class Routine {
    /** What to plan; angles and times in the units of the scenario (s). */
    public record Plan(Exercise exercise, HingeVariant variant, int reps, double holdS, double durationS) {
    }

    private Routine() {
    }

    public static Choreography plan(Plan plan, SplittableRandom body, SplittableRandom faults, FaultPlanner planner) {
        Choreography c = new Choreography(body, faults, planner);
        c.now = c.uniform(2.5, 4.0);
        boolean setUpShift = c.body.nextDouble() < 0.5;
        if (setUpShift && plan.exercise() != Exercise.STANDING && plan.exercise() != Exercise.WALKING) {
            // Settling the feet before the first rep: a small weight shift, then still again.
            double t = c.now;
            double d = c.duration(0.4, 0.8);
            c.quietEnds(t);
            c.bumpDeg(Channel.OBLIQUITY, t, t + 0.4 * d, t + 0.6 * d, t + d, c.normal(0, 1.5));
            c.script.bump(Channel.HIP_Y, t, t + 0.4 * d, t + 0.6 * d, t + d, c.normal(0, 0.01));
            c.now = t + d + c.uniform(0.2, 0.5);
        }
        switch (plan.exercise()) {
            case HINGE -> HingeSet.perform(c, plan.variant(), plan.reps());
            case SQUAT -> SquatSet.perform(c, plan.reps());
            case PLANK -> PlankHold.perform(c, plan.holdS());
            case BIRD_DOG -> BirdDogSet.perform(c, plan.reps());
            case STANDING -> QuietStanding.perform(c, plan.durationS(), true);
            case WALKING -> Walk.perform(c, Math.max(Walk.MIN_DURATION_S, plan.durationS()));
            case WORKOUT -> workout(c, plan);
        }
        c.now += c.uniform(1.5, 3.0);
        c.quietEnds(c.now);
        return c;
    }

    /** A hinge set, walk, plank, walk, bird-dog set, with quiet standing between. */
    private static void workout(Choreography c, Plan plan) {
        HingeSet.perform(c, plan.variant(), plan.reps());
        c.now += c.uniform(0.5, 1.5);
        QuietStanding.perform(c, c.uniform(3, 6), false);
        Walk.perform(c, c.uniform(15, 25));
        QuietStanding.perform(c, c.uniform(2, 4), false);
        PlankHold.perform(c, plan.holdS());
        QuietStanding.perform(c, c.uniform(3, 5), false);
        Walk.perform(c, c.uniform(15, 25));
        QuietStanding.perform(c, c.uniform(2, 4), false);
        BirdDogSet.perform(c, plan.reps());
    }
}
