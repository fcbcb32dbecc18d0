package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.formcoach.cli.testing.Console;

/** Every command's --help: complete, with examples, and readable on an 80-column terminal. */
class HelpTest {
    static Stream<String> commands() {
        return FormcoachCommand.newCommandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldPrintHelpWithExamplesAndNoWarnings(String command) {
        Console c = Console.run(command, "--help");
        assertEquals(ExitCodes.OK, c.exitCode, c::toString);
        assertTrue(c.out.contains("Usage: formcoach " + command), c::toString);
        assertTrue(c.out.contains("Examples"), "examples in the help of " + command + ": " + c.out);
        assertFalse(c.err.contains("WARN"), "picocli could not format part of the help: " + c.err);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldFitTheHelpInEightyColumns(String command) {
        String out = Console.run(command, "--help").out;
        for (String line : out.split("\\R")) {
            assertTrue(line.length() <= 80, command + " --help has a line of " + line.length() + ": " + line);
        }
    }
}
