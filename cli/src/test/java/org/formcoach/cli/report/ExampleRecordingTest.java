package org.formcoach.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed example recording: what this version recorded must stay reportable. */
class ExampleRecordingTest {
    @TempDir
    Path dir;

    @Test
    void shouldStillReportTheCommittedExampleRecording() throws Exception {
        Path trace = resource("/sessions/plank-then-hinge.csv.gz");
        SessionReport report = SessionReports.make(ReportRequest.of(trace, dir.resolve("example.html"))).report();
        assertEquals("2024-05-06T09:30:00Z", report.recorded());
        assertEquals("belt-01", report.device());
        assertEquals(List.of("sacrum"), report.sensors());
        assertEquals(List.of(Exercise.PLANK, Exercise.HINGE),
                report.sections().stream().map(ExerciseSection::exercise).toList());
        ExerciseSection plank = report.sections().get(0);
        ExerciseSection hinge = report.sections().get(1);
        assertEquals(1, plank.holds().size());
        assertTrue(plank.alerts().stream().allMatch(a -> a.fault() == Fault.HIP_SAG), plank.alerts().toString());
        assertEquals(4, hinge.reps().size());
        assertEquals(List.of(Fault.LUMBAR_EXTENSION), hinge.reps().get(2).faults());
        assertTrue(report.notes().isEmpty(), "replaying agrees with the recording: " + report.notes());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ExampleRecordingTest.class.getResource(name).toURI());
    }
}
