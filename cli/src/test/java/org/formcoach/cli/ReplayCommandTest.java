package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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

        Run run = run("replay", cut.toString(), "--exercise", "plank");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains(cut + ": the gzip data ends abruptly"), run.err());
        List<String> lines = run.out().lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.contains("\"type\":\"summary\""), summary);
        long samples = Long.parseLong(summary.replaceAll(".*\"samples\":(\\d+).*", "$1"));
        assertTrue(samples > 1000 && samples < 5000, "about half the 5531 samples: " + samples);
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = FormcoachCommand.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
