package org.formcoach.cli.report;

import java.util.List;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;

/**
 * One stretch of a session spent on one exercise: its reps, holds, alerts, notes, fault
 * summaries and (with a trace) the replayed measurements.
 *
 * @param number 1-based position in the session
 * @param trace  null when the report was made from events alone
 */
public record ExerciseSection(int number, Exercise exercise, double start, double end, List<CoachEvent.Rep> reps,
                              List<CoachEvent.Hold> holds, List<AlertRow> alerts, List<CoachEvent.Warning> warnings,
                              List<CoachEvent.Calibrated> calibrations, List<FaultSummary> faults, SectionTrace trace) {
    public long goodReps() {
        return reps.stream().filter(r -> r.faults().isEmpty()).count();
    }

    public long faultyReps() {
        return reps.size() - goodReps();
    }

    public double holdSeconds() {
        return holds.stream().mapToDouble(CoachEvent.Hold::durationS).sum();
    }

    public long alertCount() {
        return alerts.size();
    }

    /** Whether this exercise has two sensors' lumbar angle (the replay measured it). */
    public boolean twoSensors() {
        return trace != null && trace.angles().stream().anyMatch(a -> a.name().startsWith("Lumbar") && a.measured());
    }
}
