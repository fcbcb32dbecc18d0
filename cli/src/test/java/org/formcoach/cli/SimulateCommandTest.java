package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FormcoachCommand.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static int rows(TraceReader reader) throws IOException {
        int n = 0;
        Sample s = new Sample();
        while (reader.next(s)) {
            n++;
        }
        return n;
    }

    @Test
    void shouldWriteAGzippedTraceAndItsLabelsBesideIt(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("swing.csv.gz");
        int code = run("simulate", "--exercise", "hinge", "--variant", "kb-swing", "--sensors", "two", "--mounting", "any",
                "--faults", "lumbar_flexion@2", "--reps", "5", "--seed", "3", "-o", csv.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        Labels labels = Labels.read(dir.resolve("swing.labels.json"));
        assertEquals("hinge", labels.exercise());
        assertEquals("kb-swing", labels.variant());
        assertEquals(5, labels.reps().size());
        assertEquals("lumbar_flexion", labels.faults().get(0).fault());
        assertEquals(2, labels.faults().get(0).rep());
        try (TraceReader reader = TraceReader.open(csv)) {
            assertTrue(reader.header().hasSensorColumn(), "two sensors: a sensor column");
            assertEquals(100, reader.header().rateHz());
            int n = rows(reader);
            assertEquals(0, reader.badRows());
            assertTrue(err.toString().contains(n + " rows"), err.toString());
        }
        assertEquals(1, err.toString().strip().lines().count(), "one line on stderr: " + err);
    }

    @Test
    void shouldWriteTheTraceToStdoutAndTheLabelsWhereAsked(@TempDir Path dir) throws IOException {
        Path labelsPath = dir.resolve("p.json");
        int code = run("simulate", "--exercise", "plank", "--hold", "20", "--faults", "hip_sag", "--labels",
                labelsPath.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        try (TraceReader reader = TraceReader.of(new StringReader(out.toString()), "stdout")) {
            assertFalse(reader.header().hasSensorColumn());
            assertEquals("sacrum", reader.header().defaultPlacement().traceName());
            assertTrue(rows(reader) > 20 * 100);
        }
        Labels labels = Labels.read(labelsPath);
        assertEquals(20, labels.holds().get(0).durationS(), 1e-3);
        assertEquals("hip_sag", labels.faults().get(0).fault());
    }

    @Test
    void shouldRefuseAFaultTheExerciseDoesNotHaveWithUsageExit() {
        int code = run("simulate", "--exercise", "bird-dog", "--faults", "hip_sag@1");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("trunk_rotation") && err.toString().contains("lateral_tilt"), err.toString());
        assertEquals("", out.toString(), "nothing written on a usage error");
    }

    @Test
    void shouldRefuseBadSettingsWithUsageExit(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, run("simulate", "--exercise", "yoga"));
        assertEquals(ExitCodes.USAGE, run("simulate", "--exercise", "squat", "--variant", "rdl"));
        assertEquals(ExitCodes.USAGE, run("simulate", "--exercise", "hinge", "--preset", "abc123"));
        assertEquals(ExitCodes.USAGE, run("simulate", "--exercise", "hinge", "--placement", "thoracolumbar"));
        assertEquals(ExitCodes.USAGE, run("simulate"));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void shouldGiveTheSameFileForTheSameSeed(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, run("simulate", "--exercise", "squat", "--seed", "9", "--reps", "3", "-o", a.toString()));
        assertEquals(0, run("simulate", "--exercise", "squat", "--seed", "9", "--reps", "3", "-o", b.toString()));
        assertEquals(Files.readString(a), Files.readString(b));
    }
}
