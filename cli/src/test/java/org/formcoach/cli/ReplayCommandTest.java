package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.formcoach.cli.testing.CommandRun;
import org.formcoach.cli.testing.Sessions;
import org.formcoach.engine.coach.CoachSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayACutOffGzipRecordingUpToTheCutAndSaySo() throws Exception {
        Path whole = dir.resolve("whole.csv.gz");
        Sessions.record(whole, "belt-01", CoachSettings.defaults());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        CommandRun run = run("replay", cut.toString(), "--exercise", "plank");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains(cut + ": the gzip data ends abruptly"), run.err());
        List<String> lines = run.out().lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.contains("\"type\":\"summary\""), summary);
        long samples = Long.parseLong(summary.replaceAll(".*\"samples\":(\\d+).*", "$1"));
        assertTrue(samples > 1000 && samples < 5000, "about half the 5531 samples: " + samples);
    }

    @Test
    void shouldWriteOnlyJsonLinesInTimeOrderWithTheSummaryLast() throws Exception {
        Path trace = dir.resolve("session.csv.gz");
        Sessions.record(trace, "belt-01", CoachSettings.defaults());
        CommandRun run = run("replay", trace.toString(), "--exercise", "plank");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        double last = -1;
        for (String line : lines) {
            assertTrue(line.startsWith("{\"t\":") && line.endsWith("}"), "a JSON object per line: " + line);
            double t = Double.parseDouble(line.replaceAll("^\\{\"t\":([-0-9.]+),.*", "$1"));
            assertTrue(t >= last, "time order: " + line);
            last = t;
        }
        assertTrue(lines.get(0).contains("\"type\":\"calibrated\""), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"alert\"") && l.contains("\"fault\":\"hip_sag\"")
                && l.contains("\"value_deg\":") && l.contains("\"threshold_deg\":")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"hold\"") && l.contains("\"duration_s\":")));
        assertTrue(lines.get(lines.size() - 1).matches("\\{\"t\":[0-9.]+,\"type\":\"summary\",\"reps\":\\d+,"
                + "\"alerts\":\\d+,\"samples\":\\d+,\"bad_rows\":0}"), lines.get(lines.size() - 1));
    }

    @Test
    void shouldDescribeTheSameEventsInWordsWithFormatText() throws Exception {
        Path trace = dir.resolve("session.csv.gz");
        Sessions.record(trace, "belt-01", CoachSettings.defaults());
        CommandRun run = run("replay", trace.toString(), "--exercise", "plank", "--format", "text");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("hips sagging"), run.out());
        assertTrue(run.out().contains("past neutral"), run.out());
        assertTrue(run.out().contains("plank hold:"), run.out());
    }

    @Test
    void shouldReportMalformedRowsOnStderrAndCountThemInTheSummary() throws Exception {
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "time_s,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n0.01,0,0,NaN,0,0,0\n0.02,0,0,1,0,0,0\n");
        CommandRun run = run("replay", trace.toString(), "--exercise", "hinge");
        assertEquals(ExitCodes.OK, run.code());
        assertTrue(run.err().contains("first at line 3"), run.err());
        assertTrue(run.out().trim().endsWith("\"bad_rows\":1}"), run.out());
    }

    @Test
    void shouldExitWithBadInputOrUsageCodes() throws Exception {
        Path notATrace = dir.resolve("notes.txt");
        Files.writeString(notATrace, "shopping list\n");
        CommandRun bad = run("replay", notATrace.toString(), "--exercise", "hinge");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains(notATrace.toString()), bad.err());
        assertEquals(ExitCodes.BAD_INPUT, run("replay", dir.resolve("missing.csv").toString(), "--exercise", "hinge").code());
        assertEquals(ExitCodes.USAGE, run("replay", notATrace.toString(), "--exercise", "yoga").code());
        assertEquals(ExitCodes.USAGE, run("replay", notATrace.toString()).code(), "--exercise is required");
        assertEquals(ExitCodes.USAGE, run("replay", notATrace.toString(), "--exercise", "plank", "--speed", "-1").code());
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
