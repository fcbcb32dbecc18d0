package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.formcoach.cli.testing.CommandRun;
import org.formcoach.engine.orientation.FusionReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrientCommandTest {
    @TempDir
    Path dir;

    private Path recording() throws Exception {
        Path file = dir.resolve("sensor_data.csv.gz");
        try (InputStream in = FusionReference.sensorData()) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void shouldPrintTheAdvancedReferenceAnglesWithinTwoThousandthsOfADegree() throws Exception {
        CommandRun run = CommandRun.of("orient", recording().toString(), "--gyro-range", "2000", "--accel-rejection", "10",
                "--mag-rejection", "10", "--rejection-timeout", "5", "--bias");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("time_s,qw,qx,qy,qz,roll_deg,pitch_deg,yaw_deg", lines.get(0));
        FusionReference ref = FusionReference.load("advanced");
        assertEquals(ref.size() + 1, lines.size(), "one row per sample");
        double worst = 0;
        for (int i = 0; i < ref.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(ref.get(i, "timestamp"), Double.parseDouble(cells[0]), 1e-6, "the reference prints float time");
            worst = Math.max(worst, Math.abs(Double.parseDouble(cells[5]) - ref.get(i, "roll_deg")));
            worst = Math.max(worst, Math.abs(Double.parseDouble(cells[6]) - ref.get(i, "pitch_deg")));
            double yaw = Math.abs(Double.parseDouble(cells[7]) - ref.get(i, "yaw_deg")) % 360;
            worst = Math.max(worst, Math.min(yaw, 360 - yaw));
        }
        assertTrue(worst <= 0.002, "largest difference " + worst + "°");
    }

    @Test
    void shouldPrintOnlyTheChosenSensorOfATwoSensorTrace() throws Exception {
        Path trace = dir.resolve("two.csv");
        Files.writeString(trace, "time_s,sensor,ax,ay,az,gx,gy,gz\n0,sacrum,0,0,1,0,0,0\n0,thoracolumbar,0,0,1,0,0,0\n"
                + "0.01,sacrum,0,0,1,0,0,0\n0.01,thoracolumbar,0,0,1,0,0,0\n0.02,thoracolumbar,0,0,1,0,0,0\n");
        assertEquals(3, CommandRun.of("orient", trace.toString()).out().lines().count(), "header + 2 sacrum rows (the first sensor)");
        assertEquals(4, CommandRun.of("orient", trace.toString(), "--sensor", "thoracolumbar").out().lines().count());
    }

    @Test
    void shouldUseExitCodesTwoForUsageAndThreeForBadInput() throws Exception {
        Path notes = dir.resolve("notes.csv");
        Files.writeString(notes, "a,b,c\n1,2,3\n");
        CommandRun bad = CommandRun.of("orient", notes.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains(notes + ":1"), "names the file and line: " + bad.err());
        assertEquals(ExitCodes.USAGE, CommandRun.of("orient", notes.toString(), "--dt", "sometimes").code());
        assertEquals(ExitCodes.USAGE, CommandRun.of("orient", notes.toString(), "--sensor", "knee").code());
        assertEquals(ExitCodes.USAGE, CommandRun.of("orient").code());
    }
}
