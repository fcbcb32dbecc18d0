package org.formcoach.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.formcoach.cli.TextEvents;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/** How numbers, times and names appear in the report. */
final class Texts {
    private Texts() {
    }

    /** Seconds since the session started as m:ss.s (h:mm:ss past an hour). */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "–";
        }
        double s = Math.max(0, seconds);
        if (s >= 3600) {
            long whole = Math.round(s);
            return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
        }
        long tenths = Math.round(s * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A length of time: "12.3 s", "4 min 05 s", "1 h 02 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "–";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }

    static String degrees(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f°", v) : "–";
    }

    static String percent(double part, double whole) {
        return whole > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * part / whole) : "–";
    }

    /** "hinge" → "Hinge", "bird-dog" → "Bird-dog". */
    static String title(Exercise exercise) {
        if (exercise == null) {
            return "Exercise not recorded";
        }
        String n = exercise.cliName();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The fault in plain words ("lower back rounding"). */
    static String words(Fault fault) {
        return TextEvents.words(fault);
    }

    static String words(List<Fault> faults) {
        return faults.stream().map(Texts::words).collect(Collectors.joining(", "));
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** What a fault rule's value measures, for the plot's caption. */
    static String valueMeaning(Fault fault, boolean twoSensors) {
        return switch (fault) {
            case LUMBAR_FLEXION -> twoSensors ? "lumbar angle beyond what is usual at this depth"
                    : "pelvis tucking under from its deepest point while the trunk is still going down";
            case LUMBAR_EXTENSION -> twoSensors ? "lumbar angle below standing neutral (arching)"
                    : "leaning back past standing neutral";
            case EXCESSIVE_LEAN -> "trunk lean beyond the usual depth of the reps";
            case HIP_SAG -> twoSensors ? "lumbar angle change from the held plank, hips dropping"
                    : "pelvis turning head-down from the held plank";
            case HIP_PIKE -> twoSensors ? "lumbar angle change from the held plank, hips rising"
                    : "pelvis turning head-up from the held plank";
            case TRUNK_ROTATION -> "pelvis rolling about the spine from the all-fours position";
            case LATERAL_TILT -> "pelvis swinging sideways from the all-fours position";
        };
    }
}
