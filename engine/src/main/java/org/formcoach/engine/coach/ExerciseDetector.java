package org.formcoach.engine.coach;

/**
 * The state machine of one exercise: phases, reps or holds, and which fault rules apply
 * when. One instance per session; {@link #update} runs once per sample of the lower sensor
 * once calibration is complete and must not allocate.
 */
abstract class ExerciseDetector {
    final Exercise exercise;

    ExerciseDetector(Exercise exercise) {
        this.exercise = exercise;
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
