package org.formcoach.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.formcoach.cli.io.TraceInput;
import org.formcoach.cli.terminal.ProgressBar;
import org.formcoach.cli.terminal.Terminal;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.formcoach.simulator.replay.Pacer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code formcoach replay FILE --exercise EX}: a recorded or synthetic trace through the coach (CONTRACT §2). */
@Command(name = "replay",
        header = "Run a trace through the coach: calibration, reps, holds, alerts as JSON lines or text.",
        mixinStandardHelpOptions = true,
        description = {
                "Runs a trace through the coaching engine: calibration, reps, holds, alerts.",
                "jsonl (default): one JSON object per line on stdout, summary last.",
                "text: the same for people: what happened, when, how far past the threshold."},
        footer = {"", "Examples:",
                "  formcoach replay set.csv.gz --exercise hinge",
                "  formcoach replay plank.csv --exercise plank --format text",
                "  formcoach replay birddog.csv --exercise bird-dog --speed 1     # real time",
                "  formcoach replay set.csv --exercise squat --set squat.excessive_lean.warn_deg=12"})
public final class ReplayCommand implements Callable<Integer> {
    /** Files at least this big show a progress bar (when stderr is a terminal and stdout is not). */
    static final long PROGRESS_MIN_BYTES = 4L << 20;

    enum Format { jsonl, text }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The trace (.csv or .csv.gz).")
    Path file;

    @Option(names = "--exercise", required = true, paramLabel = "EX",
            description = "hinge (deadlift, RDL, good morning, kettlebell swing), squat, plank or bird-dog.")
    String exercise;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|text",
            description = "Output format (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|1|N",
            description = "max = as fast as possible (default), 1 = real time, N = N times real time.")
    String speed;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Nominal sample rate per sensor (default: the trace's rate_hz, else 100).")
    Double rate;

    @Mixin
    CoachOptions coachOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        Exercise ex;
        try {
            ex = Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        Pacer pacer;
        try {
            pacer = Pacer.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--speed: " + e.getMessage());
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number");
        }
        CoachSettings settings = coachOptions.resolve(cl);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        try (TraceInput input = TraceInput.open(file)) {
            TraceReader reader = input.reader();
            double nominal = rate != null ? rate
                    : (Double.isNaN(reader.header().rateHz()) ? OrientationSettings.DEFAULT_RATE_HZ : reader.header().rateHz());
            CoachListener listener = format == Format.jsonl ? jsonLines(out, pacer) : new TextReport(out, pacer);
            Coach coach = new Coach(ex, settings, nominal, listener);
            ProgressBar progress = input.size() >= PROGRESS_MIN_BYTES && !Terminal.stdoutIsTerminal()
                    ? ProgressBar.onStderr("replay") : ProgressBar.silent();
            progress.start(input.size());
            Sample s = new Sample();
            long n = 0;
            while (reader.next(s)) {
                pacer.await(s.timeS);
                coach.accept(s);
                if ((++n & 1023) == 0) {
                    progress.update(input.bytesRead());
                }
            }
            coach.finish(reader.badRows());
            out.flush();
            progress.finish();
            if (input.cutShort() != null) {
                System.err.println("formcoach: " + file + ": " + input.cutShort() + "; replayed the "
                        + reader.rows() + " rows before it");
            }
            if (reader.badRows() > 0) {
                System.err.println("formcoach: " + reader.badRowReport());
            }
            if (coach.rejectedSamples() > 0) {
                System.err.println("formcoach: " + file + ": skipped " + coach.rejectedSamples()
                        + " samples that were not finite or went back in time");
            }
            if (out.checkError()) {
                throw new UncheckedIOException(new IOException("could not write to stdout"));
            }
        }
        return ExitCodes.OK;
    }

    private static CoachListener jsonLines(PrintWriter out, Pacer pacer) {
        StringBuilder line = new StringBuilder(192);
        return event -> {
            line.setLength(0);
            EventJson.append(line, event).append('\n');
            out.append(line);
            if (!pacer.isUnpaced()) {
                out.flush();
            }
        };
    }

    /** The events in words, one line each. */
    static final class TextReport implements CoachListener {
        private final PrintWriter out;
        private final Pacer pacer;

        TextReport(PrintWriter out, Pacer pacer) {
            this.out = out;
            this.pacer = pacer;
        }

        @Override
        public void onEvent(CoachEvent event) {
            out.println(TextEvents.describe(event));
            if (!pacer.isUnpaced()) {
                out.flush();
            }
        }
    }
}
