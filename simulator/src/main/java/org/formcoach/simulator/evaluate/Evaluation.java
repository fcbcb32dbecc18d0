package org.formcoach.simulator.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.formcoach.simulator.GeneratedTrace;
import org.formcoach.simulator.TraceGenerator;
import org.formcoach.simulator.labels.Labels;

/**
 * Generates (or reads) labelled traces, replays each through a {@link Coach} and scores
 * the events with {@link Scorer}. Traces are independent, so they run on all cores.
 *
 * <pre>{@code
 * List<TraceScore> scores = Evaluation.run(Suite.standard(Suite.REPORT_FIRST_SEED, 4, 2, null),
 *         CoachSettings.defaults(), done -> {});
 * Summary summary = Summary.of(scores);
 * }</pre>
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Runs every case; {@code progress} receives the number of traces done so far. */
    public static List<TraceScore> run(List<SuiteCase> cases, CoachSettings settings, IntConsumer progress)
            throws InterruptedException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<TraceScore>> futures = new ArrayList<>();
            for (SuiteCase c : cases) {
                futures.add(pool.submit(() -> {
                    TraceScore s = runOne(c, settings);
                    progress.accept(done.incrementAndGet());
                    return s;
                }));
            }
            List<TraceScore> scores = new ArrayList<>(cases.size());
            for (Future<TraceScore> f : futures) {
                try {
                    scores.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
                }
            }
            return scores;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Generates one case's trace, replays it, scores it. */
    public static TraceScore runOne(SuiteCase c, CoachSettings settings) {
        GeneratedTrace trace = TraceGenerator.generate(c.scenario());
        List<CoachEvent> events = replay(Exercise.parse(c.exercise()), settings, trace.labels().rateHz(), trace.samples());
        return Scorer.score(c, trace.labels(), events);
    }

    /** The coach's events for a list of samples. */
    public static List<CoachEvent> replay(Exercise exercise, CoachSettings settings, double rateHz, List<Sample> samples) {
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(exercise, settings, rateHz, events::add);
        for (Sample s : samples) {
            coach.accept(s);
        }
        coach.finish(0);
        return events;
    }

    /** Reads a trace file and the labels beside it, replays and scores it. */
    public static TraceScore runFile(Path trace, CoachSettings settings) throws IOException {
        Labels labels = Labels.read(Labels.pathFor(trace));
        Exercise exercise = Exercise.parse(labels.exercise());
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(exercise, settings, labels.rateHz(), events::add);
        long bad;
        try (TraceReader reader = TraceReader.open(trace)) {
            Sample s = new Sample();
            while (reader.next(s)) {
                coach.accept(s);
            }
            bad = reader.badRows();
        }
        coach.finish(bad);
        int sensors = labels.sensors().size();
        SuiteCase c = new SuiteCase(labels.exercise(), labels.variant(), sensors,
                labels.sensors().get(0), labels.mounting(), labels.preset(), labels.timingSpec(),
                labels.faults().isEmpty(), labels.seed());
        return Scorer.score(c, labels, events);
    }
}
