package org.formcoach.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.formcoach.cli.report.ReportRequest;
import org.formcoach.cli.report.SessionReports;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code formcoach report SESSION}: a recorded session as one self-contained HTML page, and CSV tables. */
@Command(name = "report",
        header = "Turn a recorded session into one HTML report (and CSV) for a coach.",
        mixinStandardHelpOptions = true,
        description = {
                "Turns a recorded session into one HTML page a coach or physio can read",
                "offline or print: per exercise the reps (good and faulty), holds, the",
                "alerts the wearer got, posture-angle plots with the warn and fault zones,",
                "and the time spent over each threshold. Optionally CSV tables too.",
                "SESSION is a trace (X.csv or X.csv.gz; the events X.events.jsonl beside",
                "it are used when present) or an events file alone (no angle plots then).",
                "See docs/report.md for how every figure is computed."},
        footer = {"", "Examples:",
                "  formcoach report monday.csv.gz               # writes monday.report.html",
                "  formcoach report monday.csv.gz -o monday.html --csv monday",
                "                        # + monday.reps.csv and monday.alerts.csv",
                "  formcoach report monday.events.jsonl -o monday.html   # events only",
                "  formcoach replay set.csv --exercise hinge > set.events.jsonl",
                "  formcoach report set.csv --exercise hinge",
                "  formcoach report old.csv --exercise squat --set squat.lumbar_flexion.warn_deg=6"})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SESSION", description = "The recorded trace, or an events file.")
    Path session;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The HTML file to write (default: SESSION's name with .report.html; '-' for stdout).")
    Path output;

    @Option(names = "--events", paramLabel = "FILE",
            description = "The recorded events (default: SESSION's X.events.jsonl when it exists).")
    Path events;

    @Option(names = "--exercise", paramLabel = "EX",
            description = "The exercise the session starts with (default: the trace's '# exercise:' line,"
                    + " else the first event's).")
    String exercise;

    @Option(names = "--csv", paramLabel = "PREFIX",
            description = "Also write PREFIX.reps.csv and PREFIX.alerts.csv.")
    String csvPrefix;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Nominal sample rate per sensor (default: the trace's rate_hz, else 100).")
    Double rate;

    @Mixin
    CoachOptions coachOptions;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number");
        }
        ReportRequest request = new ReportRequest(session, events, output, exercise, csvPrefix, rate,
                base -> coachOptions.resolve(cl, base),
                message -> new CommandLine.ParameterException(cl, message));
        SessionReports.Outcome outcome = SessionReports.make(request);
        for (String line : outcome.messages()) {
            System.err.println("formcoach: " + line);
        }
        return ExitCodes.OK;
    }
}
