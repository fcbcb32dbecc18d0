package org.formcoach.engine.coach;

import java.util.List;

import org.formcoach.engine.sample.Placement;

/**
 * What the coach tells the world (CONTRACT §2, {@code replay --format jsonl}). Events are
 * rare (a few per rep), so they are small immutable records; the per-sample path creates
 * none unless something happens. {@code t} is trace (device) time in seconds.
 */
public sealed interface CoachEvent {
    double t();

    /** The JSON {@code type}. */
    String type();

    /** The neutral posture of one sensor was captured. */
    record Calibrated(double t, Placement sensor, String method) implements CoachEvent {
        @Override
        public String type() {
            return "calibrated";
        }
    }

    /** A repetition ended. {@code side} is null except for bird-dog. */
    record Rep(double t, Exercise exercise, int rep, double start, double end, Side side, List<Fault> faults)
            implements CoachEvent {
        public Rep {
            faults = List.copyOf(faults);
        }

        @Override
        public String type() {
            return "rep";
        }
    }

    /** A fault started (or escalated from warn to fault). {@code rep} is 0 outside a rep. */
    record Alert(double t, Exercise exercise, Fault fault, Severity severity, double valueDeg, double thresholdDeg,
                 int rep) implements CoachEvent {
        @Override
        public String type() {
            return "alert";
        }
    }

    /** That fault ended. */
    record Clear(double t, Exercise exercise, Fault fault) implements CoachEvent {
        @Override
        public String type() {
            return "clear";
        }
    }

    /** A static hold ended (plank; each bird-dog rep's hold). */
    record Hold(double t, Exercise exercise, double start, double end, double durationS) implements CoachEvent {
        @Override
        public String type() {
            return "hold";
        }
    }

    /**
     * Something the wearer or operator should know that is not a form fault: calibration
     * lost after a gap or because the sensor moved, a stream gap. An extension of the
     * contract's event list; consumers that do not know it ignore it.
     */
    record Warning(double t, String code, String message) implements CoachEvent {
        @Override
        public String type() {
            return "warning";
        }
    }

    /**
     * The wearer moved on to another exercise (a guided workout); events after it belong
     * to that exercise. An extension of the contract's event list.
     */
    record ExerciseStarted(double t, Exercise exercise) implements CoachEvent {
        @Override
        public String type() {
            return "exercise";
        }
    }

    /** End of input. */
    record Summary(double t, int reps, int alerts, long samples, long badRows) implements CoachEvent {
        @Override
        public String type() {
            return "summary";
        }
    }
}
