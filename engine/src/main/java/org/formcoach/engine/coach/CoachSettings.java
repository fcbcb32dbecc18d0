package org.formcoach.engine.coach;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.formcoach.engine.util.DidYouMean;

/**
 * Every threshold and timing the coach uses, as named numbers: the defaults come from
 * {@code coach-defaults.properties} (each line cites where its number comes from), and a
 * user can override any of them from a file or the command line
 * ({@code plank.hip_sag.warn_deg = 4}). Unknown names are rejected, so a typo never
 * silently leaves a default in place.
 *
 * <p>Detectors read what they need into primitive fields when they are built; nothing
 * here is consulted per sample.
 */
public final class CoachSettings {
    private static final String DEFAULTS = "coach-defaults.properties";
    private static final Map<String, Double> DEFAULT_VALUES = loadDefaults();

    private final Map<String, Double> values;

    private CoachSettings(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static CoachSettings defaults() {
        return new CoachSettings(new LinkedHashMap<>(DEFAULT_VALUES));
    }

    /** A copy with {@code key} set; IllegalArgumentException when the key is unknown or the value is not finite. */
    public CoachSettings with(String key, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        put(copy, key, value, "setting");
        return new CoachSettings(copy);
    }

    /** A copy with every {@code key = value} of a properties file applied. */
    public CoachSettings withFile(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return withProperties(reader, file.toString());
        }
    }

    /** A copy with {@code key=value} text applied (one per line, {@code #} comments). */
    public CoachSettings withText(String text, String source) {
        try {
            return withProperties(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CoachSettings withProperties(Reader reader, String source) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n = reader.read(buffer); n > 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        Map<String, Double> copy = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : parse(text.toString(), source).entrySet()) {
            double value;
            try {
                value = Double.parseDouble(e.getValue());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + " = '" + e.getValue()
                        + "' is not a number");
            }
            put(copy, e.getKey(), value, source);
        }
        return new CoachSettings(copy);
    }

    /** {@code key = value} lines; blank lines and {@code #} comments (also after a value) ignored. */
    private static Map<String, String> parse(String text, String source) {
        Map<String, String> map = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n|\r")) {
            lineNumber++;
            String l = line;
            int comment = l.indexOf('#');
            if (comment >= 0) {
                l = l.substring(0, comment);
            }
            l = l.strip();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": expected 'name = value', got '"
                        + line.strip() + "'");
            }
            map.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return map;
    }

    private static void put(Map<String, Double> map, String key, double value, String source) {
        if (!DEFAULT_VALUES.containsKey(key)) {
            throw new IllegalArgumentException(source + ": unknown setting '" + key + "'" + DidYouMean.hint(key, DEFAULT_VALUES.keySet()));
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(source + ": " + key + " must be a finite number");
        }
        map.put(key, value);
    }

    /** @throws IllegalArgumentException for a name that has no default (a programming error) */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        return v;
    }

    /** All settings, in the order of the defaults file. */
    public Map<String, Double> asMap() {
        return values;
    }

    /** The defaults file's text, comments included, for {@code --help}-style listings. */
    public static String defaultsText() {
        try (InputStream in = CoachSettings.class.getResourceAsStream(DEFAULTS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> loadDefaults() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parse(defaultsText(), DEFAULTS).entrySet()) {
            map.put(e.getKey(), Double.parseDouble(e.getValue()));
        }
        return map;
    }
}
