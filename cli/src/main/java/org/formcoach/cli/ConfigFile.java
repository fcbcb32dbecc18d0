package org.formcoach.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.util.DidYouMean;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE} for {@code live} and {@code demo}: {@code key = value} lines with
 * {@code #} comments. Two kinds of keys: the coaching settings, by the names
 * {@code formcoach settings} lists ({@code plank.hip_sag.warn_deg = 4}), and the
 * application's own ({@code alerts.bell}, {@code dashboard.port}, {@code mqtt.url},
 * {@code serial.port}, …; {@link #APP_KEYS}). A flag on the command line wins over the
 * file; the file wins over the defaults. An unknown key or a bad value is a usage error
 * naming the file, the line and the key.
 */
public final class ConfigFile {
    /** An application key: the command-line option it stands for, and what it takes. */
    record AppKey(String option, String takes) {
    }

    /** Every application key, in the order the documentation lists them. */
    static final Map<String, AppKey> APP_KEYS = new LinkedHashMap<>();

    static {
        APP_KEYS.put("exercise", new AppKey("--exercise", "hinge, squat, plank or bird-dog"));
        APP_KEYS.put("rate", new AppKey("--rate", "Hz"));
        APP_KEYS.put("view", new AppKey("--view", "auto, plain, interactive or jsonl"));
        APP_KEYS.put("alerts.bell", new AppKey("--bell", "true or false"));
        APP_KEYS.put("alerts.device", new AppKey("--alerts-to-device", "true or false"));
        APP_KEYS.put("dashboard", new AppKey("--dashboard", "true or false"));
        APP_KEYS.put("dashboard.port", new AppKey("--dashboard-port", "a port, 0 for any free one"));
        APP_KEYS.put("dashboard.bind", new AppKey("--dashboard-bind", "an address"));
        APP_KEYS.put("mqtt.url", new AppKey("--mqtt", "tcp://host:1883, ssl://host:8883 or embedded"));
        APP_KEYS.put("mqtt.username", new AppKey("--username", "a user name"));
        APP_KEYS.put("mqtt.password_file", new AppKey("--password-file", "a file"));
        APP_KEYS.put("mqtt.tls_ca", new AppKey("--tls-ca", "a PEM file"));
        APP_KEYS.put("broker.bind", new AppKey("--bind", "an address"));
        APP_KEYS.put("broker.port", new AppKey("--port", "a port"));
        APP_KEYS.put("serial.port", new AppKey("--serial", "a port name or path"));
        APP_KEYS.put("serial.baud", new AppKey("--baud", "a baud rate"));
        APP_KEYS.put("serial.wire", new AppKey("--wire", "text or binary"));
        APP_KEYS.put("serial.columns", new AppKey("--columns", "a column list"));
        APP_KEYS.put("serial.accel_unit", new AppKey("--accel-unit", "g or m/s2"));
        APP_KEYS.put("serial.gyro_unit", new AppKey("--gyro-unit", "deg/s or rad/s"));
        APP_KEYS.put("serial.sensor", new AppKey("--sensor", "sacrum, lumbar or thoracolumbar"));
        APP_KEYS.put("device", new AppKey("--device", "a device id"));
        APP_KEYS.put("demo.speed", new AppKey("--speed", "a positive number"));
        APP_KEYS.put("demo.seed", new AppKey("--seed", "a whole number"));
        APP_KEYS.put("demo.loop", new AppKey("--loop", "true or false"));
    }

    /** Keys that choose among alternatives: a flag for any of them on the command line sets aside all. */
    private static final List<Set<String>> ALTERNATIVES = List.of(Set.of("serial.port", "mqtt.url"));

    /** One line of the file. */
    public record Entry(String key, String value, int line) {
    }

    private final Path file;
    private final List<Entry> entries;

    private ConfigFile(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** No file: nothing changes. */
    public static ConfigFile none() {
        return new ConfigFile(null, List.of());
    }

    /**
     * Reads and checks a file: its syntax and that every key is known.
     *
     * @throws CommandLine.ParameterException naming the file, the line and the key
     */
    public static ConfigFile read(Path file, CommandLine cl) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cl, "--config: " + file + ": no such file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "--config: " + file + ": " + e.getMessage());
        }
        Set<String> coachKeys = CoachSettings.defaults().asMap().keySet();
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\r?\n|\r", -1)) {
            n++;
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, file + ":" + n + ": expected 'key = value', got '"
                        + raw.strip() + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!APP_KEYS.containsKey(key) && !coachKeys.contains(key)) {
                throw new CommandLine.ParameterException(cl, file + ":" + n + ": unknown key '" + key + "'"
                        + DidYouMean.hint(key, APP_KEYS.keySet(), coachKeys)
                        + "; the keys are listed in docs/user-guide.md and by"
                        + " 'formcoach settings'");
            }
            entries.add(new Entry(key, value, n));
        }
        return new ConfigFile(file, List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** {@code base} with the file's coaching settings applied. */
    public CoachSettings coachSettings(CoachSettings base, CommandLine cl) {
        CoachSettings s = base;
        for (Entry e : entries) {
            if (APP_KEYS.containsKey(e.key())) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(e.value());
            } catch (NumberFormatException ex) {
                throw bad(cl, e, "'" + e.value() + "' is not a number");
            }
            try {
                s = s.with(e.key(), v);
            } catch (IllegalArgumentException ex) {
                throw bad(cl, e, "must be a finite number");
            }
        }
        return s;
    }

    /**
     * Sets each option the file names and the command line did not give.
     *
     * @return notes for keys that do not apply to this command (they are ignored)
     */
    public List<String> applyOptions(CommandLine cl) {
        List<String> notes = new ArrayList<>();
        CommandLine.ParseResult given = cl.getParseResult();
        for (Entry e : entries) {
            AppKey key = APP_KEYS.get(e.key());
            if (key == null) {
                continue;
            }
            OptionSpec option = cl.getCommandSpec().findOption(key.option());
            if (option == null) {
                notes.add(file + ":" + e.line() + ": " + e.key() + " does not apply to '"
                        + cl.getCommandSpec().name() + "' (ignored)");
                continue;
            }
            if (givenOnCommandLine(cl, given, e.key())) {
                continue;
            }
            option.setValue(convert(cl, e, option));
        }
        return notes;
    }

    private static boolean givenOnCommandLine(CommandLine cl, CommandLine.ParseResult given, String key) {
        for (Set<String> group : ALTERNATIVES) {
            if (group.contains(key)) {
                for (String k : group) {
                    OptionSpec o = cl.getCommandSpec().findOption(APP_KEYS.get(k).option());
                    if (o != null && given.hasMatchedOption(o)) {
                        return true;
                    }
                }
                return false;
            }
        }
        OptionSpec o = cl.getCommandSpec().findOption(APP_KEYS.get(key).option());
        return given.hasMatchedOption(o);
    }

    private Object convert(CommandLine cl, Entry e, OptionSpec option) {
        Class<?> type = option.type();
        String v = e.value();
        AppKey key = APP_KEYS.get(e.key());
        try {
            if (type == String.class) {
                if (e.key().equals("mqtt.url") && v.equalsIgnoreCase("embedded")) {
                    return "";
                }
                if (v.isEmpty()) {
                    throw new IllegalArgumentException();
                }
                return v;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(v);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(v);
            }
            if (type == double.class || type == Double.class) {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException();
                }
                return d;
            }
            if (type == boolean.class || type == Boolean.class) {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw new IllegalArgumentException();
                };
            }
            if (type == Path.class) {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException();
                }
                // Relative paths in a config file are relative to the file, not to where formcoach runs.
                Path p = Path.of(v);
                return p.isAbsolute() || file.getParent() == null ? p : file.getParent().resolve(p);
            }
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException ex) {
            throw bad(cl, e, "'" + v + "' is not " + article(key.takes()));
        }
        throw new IllegalStateException("no conversion for " + type + " (" + e.key() + ")");
    }

    private static String article(String takes) {
        return takes.startsWith("a ") || takes.startsWith("an ") ? takes : "one of: " + takes;
    }

    private CommandLine.ParameterException bad(CommandLine cl, Entry e, String why) {
        return new CommandLine.ParameterException(cl, file + ":" + e.line() + ": " + e.key() + ": " + why);
    }

}
