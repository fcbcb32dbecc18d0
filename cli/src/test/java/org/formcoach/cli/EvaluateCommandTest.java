package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.formcoach.cli.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheTableAndWriteJsonForASmallSuite() throws Exception {
        Path json = dir.resolve("scores.json");
        CommandRun run = CommandRun.of("evaluate", "--exercise", "plank", "--faulty", "1", "--clean", "1",
                "--json", json.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("| plank / sacrum / usual | 2 |"), run.out());
        assertTrue(run.out().contains("12 traces scored"), run.out());
        String text = Files.readString(json);
        assertTrue(text.contains("\"formcoach_evaluation\" : 1") && text.contains("\"traces\""), text);
    }

    @Test
    void shouldExitOneWhenGivenGoalsAreMissed() {
        CommandRun run = CommandRun.of("evaluate", "--exercise", "bird-dog", "--faulty", "1", "--clean", "0",
                "--goals", "latency=-5");
        assertEquals(ExitCodes.FAILURE, run.code());
        assertTrue(run.err().contains("goals missed: median latency"), run.err());
    }

    @Test
    void shouldRejectAnUnknownGoal() {
        assertEquals(ExitCodes.USAGE, CommandRun.of("evaluate", "--goals", "speed=9").code());
    }
}
