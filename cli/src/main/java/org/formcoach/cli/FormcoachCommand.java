package org.formcoach.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.formcoach.cli.record.RecordingException;
import org.formcoach.engine.trace.TraceFormatException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code formcoach} command: every subcommand of CONTRACT §2. */
@Command(name = "formcoach",
        mixinStandardHelpOptions = true,
        versionProvider = FormcoachCommand.Version.class,
        description = {
                "Form coaching for the lower back from a wearable IMU: tells you, live, the moment your back",
                "rounds in a hinge, your hips sag in a plank or your pelvis rotates in a bird-dog.", ""},
        subcommands = {
                DemoCommand.class,
                LiveCommand.class,
                ReplayCommand.class,
                OrientCommand.class,
                StreamCommand.class,
                PortsCommand.class,
                ImportCommand.class,
                SimulateCommand.class,
                EvaluateCommand.class,
                SettingsCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 bad input, 1 anything else."})
public final class FormcoachCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new FormcoachCommand());
        cl.setExecutionExceptionHandler(FormcoachCommand::handleException);
        cl.setParameterExceptionHandler(FormcoachCommand::handleParameterException);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("formcoach: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try 'formcoach " + qualifiedName(cl) + "--help' for usage.");
        }
        return ExitCodes.USAGE;
    }

    private static String qualifiedName(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name.startsWith("formcoach") ? name.substring("formcoach".length()).strip() + (name.equals("formcoach") ? "" : " ") : name + " ";
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (e instanceof TraceFormatException || e instanceof BadInputException) {
            err.println("formcoach: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof NoSuchFileException nsf) {
            err.println("formcoach: " + nsf.getFile() + ": no such file");
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof AccessDeniedException ade) {
            err.println("formcoach: " + ade.getFile() + ": permission denied");
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof RecordingException re) {
            err.println("formcoach: " + re.getMessage());
            return ExitCodes.FAILURE;
        }
        if (e instanceof CommandLine.ParameterException pe) {
            return handleParameterException(pe, new String[0]);
        }
        err.println("formcoach: " + e);
        if (System.getenv("FORMCOACH_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set FORMCOACH_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.FAILURE;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FormcoachCommand.class.getPackage().getImplementationVersion();
            return new String[]{"formcoach " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
