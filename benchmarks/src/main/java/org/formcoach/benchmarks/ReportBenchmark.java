package org.formcoach.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.formcoach.cli.record.SessionFiles;
import org.formcoach.cli.report.ReportRequest;
import org.formcoach.cli.report.SessionReport;
import org.formcoach.cli.report.SessionReports;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.formcoach.engine.trace.TraceWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code formcoach report} on a 10-minute, 100 Hz hinge session (100 reps, every
 * tenth arching): read and replay the gzip trace, assemble, write the HTML. Prints the
 * page's size.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBenchmark {
    private Path dir;
    private Path trace;
    private Path html;
    private int samples;
    private SessionReport last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("formcoach-report-bench");
        trace = dir.resolve("session.csv.gz");
        html = dir.resolve("session.html");
        BodyMotion motion = BodyMotion.at(100).mounting(BodyMotion.randomMounting(3)).noise(0.1, 0.002, 1).stand(3);
        for (int i = 1; i <= 100; i++) {
            motion.move(2.2, 65, 0, 0).hold(0.5);
            if (i % 10 == 0) {
                motion.move(1.3, -9, 0, 0).hold(0.8).move(0.5, 0, 0, 0);
            } else {
                motion.move(1.3, 0, 0, 0);
            }
            motion.hold(1.5);
        }
        List<Sample> samples = motion.samples(Placement.SACRUM);
        // Written directly: a SessionRecorder fed this fast (not at 100 Hz) would rightly drop samples.
        List<String> events = new ArrayList<>();
        try (TraceWriter out = TraceWriter.create(trace, TraceWriter.options().sensorColumn(true).rateHz(100)
                .device("bench").meta("exercise", "hinge").meta("recorded", "2024-05-06T09:30:00Z"))) {
            Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100,
                    event -> events.add(EventJson.toJson(event)));
            for (Sample s : samples) {
                out.write(s);
                coach.accept(s);
            }
            coach.finish(0);
        }
        Files.write(SessionFiles.eventsFor(trace), events);
        this.samples = samples.size();
    }

    @Benchmark
    public Object report() throws IOException {
        last = SessionReports.make(ReportRequest.of(trace, html)).report();
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n  %d samples recorded, %d replayed, %d reps; trace %d KB, report %d KB%n", samples,
                last.samples(), last.sections().get(0).reps().size(), Files.size(trace) / 1024,
                Files.size(html) / 1024);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
