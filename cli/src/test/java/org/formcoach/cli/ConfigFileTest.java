package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.formcoach.cli.testing.Console;

/** {@code --config FILE}: coaching settings and the application's own keys, flags winning. */
class ConfigFileTest {
    @Test
    @Timeout(120)
    void shouldTakeSettingsAndAppKeysFromTheFileWithFlagsWinning(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("demo.conf");
        Files.writeString(conf, """
                # a gym's settings
                plank.hip_sag.warn_deg = 4.5   # stricter than the default 3.5
                alerts.bell = false
                dashboard = false
                view = plain
                demo.speed = 1                 # the command line's --speed wins
                serial.port = /dev/ttyUSB0     # for 'live'; 'demo' notes and ignores it
                """);
        Console c = Console.run("demo", "--config", conf.toString(), "--speed", "25");
        assertEquals(ExitCodes.OK, c.exitCode, c::toString);
        assertTrue(c.out.contains("hips sagging: ") && c.out.contains("(warn threshold 4.5°)"),
                "the file's threshold was used: " + c.out);
        assertFalse(c.out.contains("\u0007") || c.out.contains("\u001b"), "plain view from the file");
        assertFalse(c.err.contains("dashboard on"), "dashboard = false from the file: " + c.err);
        assertTrue(c.out.contains("About 0:03 at 25x speed"), "--speed beat the file's demo.speed: " + c.out);
        assertTrue(c.err.contains("demo.conf:7: serial.port does not apply to 'demo' (ignored)"), c.err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alerts.bel = true | :2: unknown key 'alerts.bel' (did you mean 'alerts.bell'?)",
            "plank.hip_sag.warn = 4 | :2: unknown key 'plank.hip_sag.warn' (did you mean 'plank.hip_sag.warn_deg'?)",
            "dashboard.port = lots | :2: dashboard.port: 'lots' is not a port, 0 for any free one",
            "alerts.bell = maybe | :2: alerts.bell: 'maybe' is not one of: true or false",
            "plank.hip_sag.warn_deg = soft | :2: plank.hip_sag.warn_deg: 'soft' is not a number",
            "view = fancy | --view: 'fancy' is not a view",
            "just some words | :2: expected 'key = value'"})
    void shouldRefuseAnUnknownKeyOrABadValueNamingTheFileLineAndKey(String line, String message,
                                                                     @TempDir Path dir) throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "# line 1\n" + line.strip() + "\n");
        Console c = Console.run("demo", "--config", conf.toString(), "--no-dashboard");
        assertEquals(ExitCodes.USAGE, c.exitCode, c::toString);
        assertTrue(c.err.contains(message.strip()), c.err);
        if (message.strip().startsWith(":")) {
            assertTrue(c.err.contains(conf + message.strip()), "names the file and line: " + c.err);
        }
    }

    @Test
    void shouldRefuseAnUnknownKeyInLiveBeforeOpeningAnything(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("live.conf");
        Files.writeString(conf, "serial.port = /dev/nonexistent-port\nexercise = plank\nserial.bauds = 9600\n");
        Console c = Console.run("live", "--config", conf.toString());
        assertEquals(ExitCodes.USAGE, c.exitCode, c::toString);
        assertTrue(c.err.contains("live.conf:3: unknown key 'serial.bauds' (did you mean 'serial.baud'?)"), c.err);
    }

    @Test
    void shouldRequireASourceFromTheFlagsOrTheFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("live.conf");
        Files.writeString(conf, "exercise = plank\n");
        Console c = Console.run("live", "--config", conf.toString());
        assertEquals(ExitCodes.USAGE, c.exitCode, c::toString);
        assertTrue(c.err.contains("give a source: --serial PORT or --mqtt [URL]"), c.err);
    }
}
