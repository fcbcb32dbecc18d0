package org.formcoach.cli.report;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.formcoach.engine.coach.CoachSettings;

/**
 * What {@code formcoach report} was asked for.
 *
 * @param session    a trace or an events file
 * @param events     the events file for a trace; null to look beside it
 * @param output     the HTML file; null for the default beside the session, {@code -} for stdout
 * @param exercise   the first exercise's name; null to take it from the files
 * @param csvPrefix  prefix of the CSV files; null for none
 * @param rateHz     nominal rate; null for the trace's
 * @param settings   applies the command line's settings on top of the recorded ones
 * @param usageError makes the exception for a usage error (exit code 2)
 */
public record ReportRequest(Path session, Path events, Path output, String exercise, String csvPrefix, Double rateHz,
                            UnaryOperator<CoachSettings> settings, Function<String, RuntimeException> usageError) {
    /** Defaults for everything but the session (tests, other commands). */
    public static ReportRequest of(Path session, Path output) {
        return new ReportRequest(session, null, output, null, null, null, UnaryOperator.identity(),
                IllegalArgumentException::new);
    }

    public ReportRequest withEvents(Path file) {
        return new ReportRequest(session, file, output, exercise, csvPrefix, rateHz, settings, usageError);
    }

    public ReportRequest withExercise(String name) {
        return new ReportRequest(session, events, output, name, csvPrefix, rateHz, settings, usageError);
    }

    public ReportRequest withCsv(String prefix) {
        return new ReportRequest(session, events, output, exercise, prefix, rateHz, settings, usageError);
    }
}
