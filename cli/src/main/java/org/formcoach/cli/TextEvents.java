package org.formcoach.cli;

import java.util.Locale;
import java.util.stream.Collectors;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Fault;

/** Coach events as one line of plain English each. */
public final class TextEvents {
    private TextEvents() {
    }

    public static String describe(CoachEvent event) {
        String when = String.format(Locale.ROOT, "%8.2f s  ", event.t());
        if (event instanceof CoachEvent.Calibrated c) {
            return when + "calibrated " + c.sensor().traceName() + " sensor (" + c.method() + ")";
        } else if (event instanceof CoachEvent.Rep r) {
            String faults = r.faults().isEmpty() ? "good"
                    : r.faults().stream().map(TextEvents::words).collect(Collectors.joining(", "));
            return when + String.format(Locale.ROOT, "rep %d%s (%.1f s): %s", r.rep(),
                    r.side() == null ? "" : ", " + r.side().wireName() + " arm", r.end() - r.start(), faults);
        } else if (event instanceof CoachEvent.Alert a) {
            return when + String.format(Locale.ROOT, "%s  %s: %.1f° past neutral (%s threshold %.1f°)%s",
                    a.severity().wireName().toUpperCase(Locale.ROOT), words(a.fault()), a.valueDeg(),
                    a.severity().wireName(), a.thresholdDeg(), a.rep() > 0 ? ", rep " + a.rep() : "");
        } else if (event instanceof CoachEvent.Clear c) {
            return when + "ok again: " + words(c.fault());
        } else if (event instanceof CoachEvent.Hold h) {
            return when + String.format(Locale.ROOT, "%s hold: %.1f s", h.exercise().cliName(), h.durationS());
        } else if (event instanceof CoachEvent.Warning w) {
            return when + "note: " + w.message();
        } else if (event instanceof CoachEvent.ExerciseStarted x) {
            return when + "now: " + x.exercise().cliName();
        } else if (event instanceof CoachEvent.Summary s) {
            return when + String.format(Locale.ROOT, "done: %d reps, %d alerts, %d samples, %d bad rows",
                    s.reps(), s.alerts(), s.samples(), s.badRows());
        }
        return when + event;
    }

    /** "lumbar_flexion" → "lower back rounding" and so on. */
    public static String words(Fault fault) {
        return switch (fault) {
            case LUMBAR_FLEXION -> "lower back rounding";
            case LUMBAR_EXTENSION -> "lower back arching";
            case EXCESSIVE_LEAN -> "leaning too far forward";
            case HIP_SAG -> "hips sagging";
            case HIP_PIKE -> "hips too high";
            case TRUNK_ROTATION -> "pelvis rotating";
            case LATERAL_TILT -> "pelvis swinging sideways";
        };
    }
}
