package org.formcoach.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.formcoach.engine.coach.CoachSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code formcoach settings}: every threshold and timing, with the defaults' comments and sources. */
@Command(name = "settings",
        header = "Print every threshold and timing with where its default comes from.",
        mixinStandardHelpOptions = true,
        description = {
                "Prints every coaching setting (thresholds in degrees, timings in seconds) with the",
                "comment that says where its default comes from. Copy lines into a file and pass it",
                "with --settings FILE to replay, live or demo, or override one with --set NAME=VALUE."},
        footer = {"", "Examples:",
                "  formcoach settings > my-thresholds.properties",
                "  formcoach settings --set plank.hip_sag.warn_deg=4 --effective"})
public final class SettingsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--effective",
            description = "Print only name = value as resolved from the defaults, --settings and --set.")
    boolean effective;

    @Mixin
    CoachOptions coachOptions;

    @Override
    public Integer call() {
        CoachSettings settings = coachOptions.resolve(spec.commandLine());
        if (effective) {
            for (Map.Entry<String, Double> e : settings.asMap().entrySet()) {
                System.out.println(e.getKey() + " = " + format(e.getValue()));
            }
        } else {
            System.out.print(CoachSettings.defaultsText());
        }
        return ExitCodes.OK;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
