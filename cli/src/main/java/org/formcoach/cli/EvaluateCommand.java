package org.formcoach.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.simulator.evaluate.Evaluation;
import org.formcoach.simulator.evaluate.EvaluationReport;
import org.formcoach.simulator.evaluate.Goals;
import org.formcoach.simulator.evaluate.Suite;
import org.formcoach.simulator.evaluate.SuiteCase;
import org.formcoach.simulator.evaluate.Summary;
import org.formcoach.simulator.evaluate.TraceScore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code formcoach evaluate}: precision, recall, latency and rep counts on labelled traces. */
@Command(name = "evaluate",
        header = "Score the detectors on labelled traces: recall, precision, latency, reps.",
        mixinStandardHelpOptions = true,
        description = {
                "Scores the detectors on labelled traces: generates a suite (every exercise x one or"
                        + " two sensors x usual or any mounting, with sensor noise, offsets and timing faults),"
                        + " replays each trace through the engine, and prints recall, precision, detection"
                        + " latency, exact rep counts and the share of clean traces without any alert. See"
                        + " docs/accuracy.md."},
        footer = {"", "An alert is correct when its fault matches a labelled episode and it comes between"
                + " 0.2 s before the onset and 1 s after the end; latency is measured from where the fault"
                + " passes half its peak. Exit code 1 when --goals are given and missed.",
                "", "Examples:",
                "  formcoach evaluate                                   # the standard suite, report seeds",
                "  formcoach evaluate --exercise plank --faulty 20 --clean 10 --json plank.json",
                "  formcoach evaluate --goals default                   # fail unless the issue's goals are met",
                "  formcoach evaluate --dir my-traces/                  # score recorded traces with labels"})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N",
            description = "First seed (default ${DEFAULT-VALUE}: the reporting range; tuning used lower seeds).",
            defaultValue = "" + Suite.REPORT_FIRST_SEED)
    long seed;

    @Option(names = "--faulty", paramLabel = "N", defaultValue = "10",
            description = "Traces with faults per group (default ${DEFAULT-VALUE}).")
    int faulty;

    @Option(names = "--clean", paramLabel = "N", defaultValue = "5",
            description = "Clean traces per group (default ${DEFAULT-VALUE}).")
    int clean;

    @Option(names = "--exercise", paramLabel = "EX", split = ",",
            description = "Only these exercises (default: all).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Score the traces in DIR (*.csv, *.csv.gz with NAME.labels.json beside) instead of generating.")
    Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure and every trace's score as JSON.")
    Path json;

    @Option(names = "--goals", paramLabel = "SPEC",
            description = "Fail (exit 1) unless the overall figures meet these: 'default' = "
                    + "recall=0.95,precision=0.95,latency=0.3,reps=0.95,clean=0.95, or override some.")
    String goals;

    @Option(names = "--verbose", description = "List every missed fault and false alert.")
    boolean verbose;

    @Mixin
    CoachOptions coachOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        CoachSettings settings = coachOptions.resolve(cl);
        Goals goalSpec = null;
        if (goals != null) {
            try {
                goalSpec = Goals.parse(goals);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--goals: " + e.getMessage());
            }
        }
        for (String e : exercises) {
            try {
                Exercise.parse(e);
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(cl, ex.getMessage());
            }
        }
        if (faulty < 0 || clean < 0 || faulty + clean == 0) {
            throw new CommandLine.ParameterException(cl, "--faulty and --clean must be >= 0 and not both 0");
        }
        long started = System.nanoTime();
        List<TraceScore> scores;
        if (dir != null) {
            scores = scoreDirectory(cl);
        } else {
            List<SuiteCase> cases = Suite.standard(seed, faulty, clean, exercises);
            Progress progress = new Progress(cases.size());
            scores = Evaluation.run(cases, settings, progress::update);
            progress.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(EvaluationReport.table(scores));
        System.out.printf("%n%d traces scored in %.1f s.%n", scores.size(), seconds);
        if (verbose) {
            for (TraceScore s : scores) {
                for (String m : s.missed()) {
                    System.out.println("missed: " + s.suiteCase().describe() + ": " + m);
                }
                for (String f : s.falseAlerts()) {
                    System.out.println("false alert: " + s.suiteCase().describe() + ": " + f);
                }
                if (!s.repsExact()) {
                    System.out.println("reps " + s.repsCounted() + " of " + s.repsExpected() + ": "
                            + s.suiteCase().describe());
                }
            }
        }
        if (json != null) {
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                EvaluationReport.json(scores, goalSpec, w);
            }
        }
        if (goalSpec != null) {
            List<String> missed = goalSpec.missed(Summary.of("all", scores));
            if (!missed.isEmpty()) {
                System.err.println("formcoach: goals missed: " + String.join("; ", missed));
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }

    private List<TraceScore> scoreDirectory(CommandLine cl) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a directory");
        }
        List<Path> traces;
        try (Stream<Path> s = Files.list(dir)) {
            traces = s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".csv.gz"))
                    .filter(p -> Files.isRegularFile(org.formcoach.simulator.labels.Labels.pathFor(p)))
                    .sorted().toList();
        }
        if (traces.isEmpty()) {
            throw new BadInputException(dir + ": no traces with labels (NAME.csv[.gz] + NAME.labels.json)");
        }
        CoachSettings settings = coachOptions.resolve(cl);
        Progress progress = new Progress(traces.size());
        List<TraceScore> scores = new ArrayList<>();
        for (Path p : traces) {
            scores.add(Evaluation.runFile(p, settings));
            progress.update(scores.size());
        }
        progress.finish();
        return scores;
    }

    /** "evaluated 57/128" on stderr when it is a terminal; silent otherwise. */
    static final class Progress {
        private final int total;
        private final boolean terminal = System.console() != null;
        private long lastDraw;

        Progress(int total) {
            this.total = total;
        }

        synchronized void update(int done) {
            long now = System.nanoTime();
            if (!terminal || (now - lastDraw < 100_000_000L && done < total)) {
                return;
            }
            lastDraw = now;
            System.err.printf("\revaluated %d/%d traces", done, total);
            System.err.flush();
        }

        void finish() {
            if (terminal) {
                System.err.print("\r\033[K");
                System.err.flush();
            }
        }
    }
}
