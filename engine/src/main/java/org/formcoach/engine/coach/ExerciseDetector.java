package org.formcoach.engine.coach;

/**
 * The state machine of one exercise: phases, reps or holds, and which fault rules apply
 * when. One instance per session; {@link #update} runs once per sample of the lower sensor
 * once calibration is complete and must not allocate.
 */
abstract class ExerciseDetector {
    final Exercise exercise;
    /** One bit per fault rule (its detector chooses which): set while that rule's monitor is at rest. */
    private int resting;

    ExerciseDetector(Exercise exercise) {
        this.exercise = exercise;
    }

    /**
     * Updates a fault rule's monitor, or leaves it untouched when the rule does not apply
     * right now and the monitor is at rest, since the update would change nothing. With
     * thousands of coaches on one thread every object a sample touches is a likely cache
     * miss, and most rules are disabled in most phases.
     */
    final void judge(FaultMonitor monitor, int bit, double t, double value, boolean enabled, FaultMonitor.Sink sink) {
        if (!enabled && (resting & bit) != 0) {
            return;
        }
        monitor.update(t, value, enabled, sink);
        resting = monitor.isAtRest() ? resting | bit : resting & ~bit;
    }

    abstract void update(CoachContext ctx);

    /** Every fault rule of this exercise, for forced clears and the live view. */
    abstract FaultMonitor[] monitors();

    /** Whether a rule is judged with one sensor ({@code two} false) or with two. */
    boolean appliesInMode(FaultMonitor monitor, boolean two) {
        return true;
    }

    /**
     * The session ends or moves on to another exercise: report what is in progress and can
     * be reported (a hold), before the detector is dropped.
     */
    void finish(CoachContext ctx) {
    }

    /** Back to the start (calibration lost, exercise restarted). */
    abstract void reset();

    /** A short word for the live view: "standing", "descent", "hold"… */
    abstract String phase();

    /** Whether the wearer is in a hold right now, and since when (NaN if not). */
    double holdStart() {
        return Double.NaN;
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
