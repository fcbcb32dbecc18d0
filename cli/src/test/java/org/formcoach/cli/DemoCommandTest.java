package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.formcoach.cli.testing.Console;

/** {@code formcoach demo} as a new user runs it, at 20× so the tests stay quick. */
class DemoCommandTest {
    @Test
    @Timeout(120)
    void shouldRunTheWholeWorkoutAndShowAlertsOfEveryExerciseAndTheSummary() {
        Console c = Console.run("demo", "--speed", "20", "--no-dashboard", "--view", "plain");
        assertEquals(ExitCodes.OK, c.exitCode, c::toString);
        String out = c.out;
        assertTrue(out.contains("formcoach demo: a simulated wearer"), out);
        assertTrue(out.contains("calibrated sacrum sensor"), out);
        assertTrue(out.matches("(?s).*(WARN|FAULT)  lower back rounding.*"), "a hinge alert: " + out);
        assertTrue(out.contains("next: plank"), "the plan is announced: " + out);
        assertTrue(out.contains("now: plank"), out);
        assertTrue(out.matches("(?s).*(WARN|FAULT)  hips sagging.*"), "a plank alert: " + out);
        assertTrue(out.contains("now: bird-dog"), out);
        assertTrue(out.matches("(?s).*(WARN|FAULT)  pelvis rotating.*"), "a bird-dog alert: " + out);
        assertTrue(out.contains("rep 1, "), "bird-dog reps count from 1: " + out);
        int summary = out.indexOf("Session summary: demo-belt");
        assertTrue(summary > 0, out);
        String s = out.substring(summary);
        assertTrue(s.contains("hinge     3 reps: 1 good, 2 faulty (lower back rounding 2×)"), s);
        assertTrue(s.contains("plank     held"), s);
        assertTrue(s.contains("bird-dog  2 reps: 1 good, 1 faulty (pelvis rotating 1×)"), s);
        assertTrue(s.contains("0 lost (0.0 %)"), s);
        assertTrue(c.err.contains("connected to tcp://127.0.0.1:"), c.err);
    }

    @Test
    @Timeout(120)
    void shouldRecordTheDemoSoThatReportMakesAPageOfIt(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("demo.csv.gz");
        Console demo = Console.run("demo", "--speed", "20", "--no-dashboard", "--view", "plain", "--record",
                trace.toString());
        assertEquals(ExitCodes.OK, demo.exitCode, demo::toString);
        assertTrue(demo.out.contains("formcoach report " + trace), "the next step is suggested: " + demo.out);
        Path events = dir.resolve("demo.events.jsonl");
        String recorded = Files.readString(events);
        assertTrue(recorded.contains("\"type\":\"exercise\",\"exercise\":\"plank\""), recorded);
        assertTrue(recorded.contains("\"type\":\"summary\""), "the session's end is recorded too");
        Path html = dir.resolve("demo.html");
        Console report = Console.run("report", trace.toString(), "-o", html.toString());
        assertEquals(ExitCodes.OK, report.exitCode, report::toString);
        String page = Files.readString(html).toLowerCase(java.util.Locale.ROOT);
        assertTrue(demo.out.contains("3 reps: 1 good, 2 faulty") && page.contains("3 reps: 1 good, 2 faulty"),
                "the report agrees with the live summary");
        for (String part : new String[]{"1. hinge", "2. plank", "3. bird-dog", "lower back rounding", "hips sagging",
                "pelvis rotating"}) {
            assertTrue(page.contains(part), "the report covers " + part);
        }
    }

    @Test
    void shouldSayAtOnceWhenTheRecordingCannotBeWritten(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-such-dir").resolve("demo.csv.gz");
        Console c = Console.run("demo", "--no-dashboard", "--view", "plain", "--record", nowhere.toString());
        assertEquals(ExitCodes.FAILURE, c.exitCode, c::toString);
        assertTrue(c.err.contains("cannot record to " + nowhere + ": no such directory"), c.err);
        assertTrue(!c.out.contains("calibrated"), "before any coaching: " + c.out);
    }

    @Test
    void shouldRefuseASpeedOutOfRange() {
        Console c = Console.run("demo", "--speed", "0");
        assertEquals(ExitCodes.USAGE, c.exitCode, c::toString);
        assertTrue(c.err.contains("--speed"), c.err);
    }
}
