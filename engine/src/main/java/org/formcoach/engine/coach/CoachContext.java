package org.formcoach.engine.coach;

/**
 * What a detector sees and can do on each sample: the posture of the lower (pelvis) and,
 * with two sensors, the upper sensor; rep bookkeeping; the alert policy. Implemented by
 * {@link Coach}.
 */
interface CoachContext extends FaultMonitor.Sink {
    double time();

    /** The lower (or only) sensor. */
    SensorTrack lower();

    /** The thoracolumbar sensor in two-sensor mode, else null. */
    SensorTrack upper();

    default boolean twoSensors() {
        return upper() != null;
    }

    /** The number the rep in progress will get if it completes. */
    int nextRepNumber();

    /** Marks the start of a rep: alerts from now on carry its number. */
    void repStarted(double start);

    /** A rep completed: announces it with the faults alerted since {@link #repStarted}. */
    void repCompleted(double start, double end, Side side);

    /** A candidate rep turned out not to be one (partial, too short). */
    void repDiscarded();

    void holdCompleted(double start, double end);

    CoachSettings settings();
}
