package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;

/**
 * Ctrl-C (here SIGTERM, which runs the same shutdown hooks) in the middle of a recorded
 * session, in a separate JVM: the session ends cleanly, the summary is printed, and the
 * recording is complete and well-formed up to the moment of the signal.
 */
class InterruptedSessionTest {
    @Test
    @Timeout(120)
    void shouldEndCleanlyAndKeepEverythingRecordedWhenInterrupted(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("cut.csv.gz");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FormcoachCommand.class.getName(), "demo", "--speed", "4", "--no-dashboard", "--view", "plain",
                "--record", trace.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read(stdout).contains("now: plank") && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(read(stdout).contains("now: plank"), () -> read(stdout) + read(stderr));
            Thread.sleep(1000);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");
        } finally {
            p.destroyForcibly();
        }
        String printed = read(stdout);
        int exit = p.exitValue();
        assertTrue(printed.contains("Session summary: demo-belt"), () -> printed + "\n--- exit " + exit
                + "\n--- stderr\n" + read(stderr));
        assertTrue(printed.contains("hinge     3 reps"), printed);
        List<String> events = Files.readAllLines(dir.resolve("cut.events.jsonl"));
        assertTrue(events.get(events.size() - 1).contains("\"type\":\"summary\""),
                "the events end with the session's summary: " + events.get(events.size() - 1));
        double last = 0;
        long rows = 0;
        try (TraceReader r = TraceReader.open(trace)) {
            Sample s = new Sample();
            while (r.next(s)) {
                last = s.timeS;
                rows++;
            }
            assertEquals(0, r.badRows(), "no half-written rows");
        }
        assertTrue(last > 18, "the trace reaches into the plank: last sample at " + last);
        assertTrue(printed.contains("Recorded " + rows + " samples to " + trace), "every sample coached was recorded: "
                + printed);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
