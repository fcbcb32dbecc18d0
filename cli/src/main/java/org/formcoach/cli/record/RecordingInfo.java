package org.formcoach.cli.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;

/**
 * What a recorded trace says about its session in its {@code #} metadata.
 *
 * @param exercise     the exercise the session starts with ({@code # exercise:})
 * @param started      when recording started ({@code # recorded:}, ISO-8601 UTC)
 * @param device       the device id ({@code # device:}), null when not known
 * @param rateHz       nominal sample rate per sensor ({@code # rate_hz:})
 * @param magnetometer whether to write the {@code mx,my,mz} columns
 * @param settings     the coaching settings in force; those that differ from the defaults
 *                     are written as {@code # setting.NAME: value} so a report replays the
 *                     session with the thresholds the wearer was coached with
 */
public record RecordingInfo(Exercise exercise, Instant started, String device, double rateHz, boolean magnetometer,
                            CoachSettings settings) {
    /** Metadata key prefix of a recorded setting. */
    public static final String SETTING_PREFIX = "setting.";

    public RecordingInfo {
        if (exercise == null) {
            throw new IllegalArgumentException("exercise is required");
        }
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be a positive number");
        }
        started = (started == null ? Instant.now() : started).truncatedTo(ChronoUnit.SECONDS);
        settings = settings == null ? CoachSettings.defaults() : settings;
        if (device != null && (device.isBlank() || device.indexOf('\n') >= 0 || device.indexOf('\r') >= 0)) {
            device = null;
        }
    }

    /** Starting now, default settings, magnetometer columns on. */
    public static RecordingInfo of(Exercise exercise, String device, double rateHz) {
        return new RecordingInfo(exercise, Instant.now(), device, rateHz, true, CoachSettings.defaults());
    }

    /** The settings that differ from the defaults, by name. */
    public Map<String, Double> changedSettings() {
        Map<String, Double> defaults = CoachSettings.defaults().asMap();
        Map<String, Double> changed = new TreeMap<>();
        for (Map.Entry<String, Double> e : settings.asMap().entrySet()) {
            if (!e.getValue().equals(defaults.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        return changed;
    }
}
