package org.formcoach.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.formcoach.engine.coach.CoachSettings;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The coaching settings every coaching command takes: a settings file and single overrides. */
public final class CoachOptions {
    @Option(names = "--settings", paramLabel = "FILE",
            description = "Thresholds and timings to override, 'name = value' per line (see 'formcoach settings').")
    Path settingsFile;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override one setting, e.g. --set plank.hip_sag.warn_deg=4 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** The defaults with the file and the overrides applied; usage errors for bad names or values. */
    public CoachSettings resolve(CommandLine cl) {
        return resolve(cl, CoachSettings.defaults());
    }

    /** {@code base} (e.g. the settings a recording was made with) with the file and the overrides applied. */
    public CoachSettings resolve(CommandLine cl, CoachSettings base) {
        CoachSettings settings = base;
        try {
            if (settingsFile != null) {
                if (!Files.isRegularFile(settingsFile)) {
                    throw new CommandLine.ParameterException(cl, "--settings: " + settingsFile + ": no such file");
                }
                settings = settings.withFile(settingsFile);
            }
            for (String o : overrides) {
                int eq = o.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(cl, "--set expects NAME=VALUE, got '" + o + "'");
                }
                double value;
                try {
                    value = Double.parseDouble(o.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(cl, "--set " + o + ": value is not a number");
                }
                settings = settings.with(o.substring(0, eq).strip(), value);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "--settings: " + e.getMessage());
        }
        return settings;
    }
}
