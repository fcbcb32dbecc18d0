package org.formcoach.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Fault;

/**
 * The report's tables for spreadsheets: {@code PREFIX.reps.csv} and {@code PREFIX.alerts.csv},
 * a header row and one row per rep or alert. Times are trace seconds (as in the events),
 * plain decimal numbers with a dot; fault names are the contract's names, several joined
 * with {@code ;}.
 */
public final class CsvExport {
    static final String REPS_HEADER = "section,exercise,rep,start_s,end_s,duration_s,side,result,faults";
    static final String ALERTS_HEADER = "section,exercise,t_s,fault,severity,value_deg,threshold_deg,rep,cleared_s,"
            + "duration_s";

    private CsvExport() {
    }

    public static Path repsFile(String prefix) {
        return Path.of(prefix + ".reps.csv");
    }

    public static Path alertsFile(String prefix) {
        return Path.of(prefix + ".alerts.csv");
    }

    /** Writes both files; returns them. */
    public static List<Path> write(SessionReport report, String prefix) throws IOException {
        Path reps = repsFile(prefix);
        Path alerts = alertsFile(prefix);
        Files.writeString(reps, reps(report), StandardCharsets.UTF_8);
        Files.writeString(alerts, alerts(report), StandardCharsets.UTF_8);
        return List.of(reps, alerts);
    }

    static String reps(SessionReport report) {
        StringBuilder out = new StringBuilder(REPS_HEADER).append('\n');
        for (ExerciseSection s : report.sections()) {
            for (CoachEvent.Rep r : s.reps()) {
                out.append(s.number()).append(',').append(field(exercise(s))).append(',').append(r.rep()).append(',')
                        .append(num(r.start())).append(',').append(num(r.end())).append(',')
                        .append(num(r.end() - r.start())).append(',')
                        .append(r.side() == null ? "" : r.side().wireName()).append(',')
                        .append(r.faults().isEmpty() ? "good" : "faulty").append(',')
                        .append(field(r.faults().stream().map(Fault::wireName).collect(Collectors.joining(";"))))
                        .append('\n');
            }
        }
        return out.toString();
    }

    static String alerts(SessionReport report) {
        StringBuilder out = new StringBuilder(ALERTS_HEADER).append('\n');
        for (ExerciseSection s : report.sections()) {
            for (AlertRow a : s.alerts()) {
                out.append(s.number()).append(',').append(field(exercise(s))).append(',').append(num(a.t())).append(',')
                        .append(a.fault().wireName()).append(',').append(a.severity().wireName()).append(',')
                        .append(num(a.valueDeg())).append(',').append(num(a.thresholdDeg())).append(',')
                        .append(a.rep() > 0 ? String.valueOf(a.rep()) : "").append(',')
                        .append(num(a.endT())).append(',')
                        .append(Double.isNaN(a.endT()) ? "" : num(a.endT() - a.t()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String exercise(ExerciseSection s) {
        return s.exercise() == null ? "" : s.exercise().cliName();
    }

    /** Three decimals, no exponent, empty for NaN. */
    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "";
    }

    /** Quotes a field that holds a comma, quote or line break (RFC 4180). */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
