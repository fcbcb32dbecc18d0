package org.formcoach.engine.coach;

/**
 * The alert policy for one fault: a value (degrees past neutral, larger = worse) must stay
 * at or above the warn threshold for the minimum duration before a {@code warn} alert, at or
 * above the fault threshold as long before a {@code fault} alert (also as an escalation of a
 * warn), and below the warn threshold minus the hysteresis for the clear duration before a
 * {@code clear}. After a clear the fault stays quiet for the cooldown. Primitive state only.
 */
final class FaultMonitor {
    /** Receives the policy's decisions. */
    interface Sink {
        void alert(Fault fault, Severity severity, double t, double value, double threshold);

        void clear(Fault fault, double t);
    }

    static final int NONE = 0;
    static final int WARN = 1;
    static final int FAULT = 2;

    // What an update reads while no alert is active comes first: HotSpot lays out fields of
    // one size in the order declared, so with thousands of coaches on one thread these share
    // as few cache lines as they can. What only an active alert needs comes last.
    private int level;
    private double lastValue = Double.NaN;
    private double warn;
    private double faultThreshold;
    private double aboveWarnSince = Double.NaN;
    private double aboveFaultSince = Double.NaN;
    private double clearedAt = Double.NEGATIVE_INFINITY;
    private final double cooldown;
    private final double minDuration;
    private double belowSince = Double.NaN;
    private final double hysteresis;
    private final double clearDuration;
    final Fault fault;

    FaultMonitor(Fault fault, double warn, double faultThreshold, CoachSettings settings) {
        this(fault, warn, faultThreshold, settings, settings.get("alert.min_duration_s"));
    }

    /** With its own minimum duration, for a rule whose value already includes a confirmation. */
    FaultMonitor(Fault fault, double warn, double faultThreshold, CoachSettings settings, double minDuration) {
        this.fault = fault;
        this.warn = warn;
        this.faultThreshold = Math.max(warn, faultThreshold);
        this.hysteresis = settings.get("alert.clear_hysteresis_deg");
        this.minDuration = minDuration;
        this.clearDuration = settings.get("alert.clear_duration_s");
        this.cooldown = settings.get("alert.cooldown_s");
    }

    /** Changes the thresholds (e.g. once the user's own range is known). */
    void setThresholds(double warn, double faultThreshold) {
        this.warn = warn;
        this.faultThreshold = Math.max(warn, faultThreshold);
    }

    /**
     * @param value   how far past neutral, degrees (NaN or a disabled rule count as "fine")
     * @param enabled whether the rule applies right now (phase gating)
     */
    void update(double t, double value, boolean enabled, Sink sink) {
        double v = enabled && !Double.isNaN(value) ? value : Double.NEGATIVE_INFINITY;
        lastValue = enabled ? value : Double.NaN;
        if (v >= warn) {
            if (Double.isNaN(aboveWarnSince)) {
                aboveWarnSince = t;
            }
        } else {
            aboveWarnSince = Double.NaN;
        }
        if (v >= faultThreshold) {
            if (Double.isNaN(aboveFaultSince)) {
                aboveFaultSince = t;
            }
        } else {
            aboveFaultSince = Double.NaN;
        }
        if (level == NONE) {
            if (t - clearedAt < cooldown) {
                return;
            }
            if (!Double.isNaN(aboveFaultSince) && t - aboveFaultSince >= minDuration) {
                level = FAULT;
                belowSince = Double.NaN;
                sink.alert(fault, Severity.FAULT, t, v, faultThreshold);
            } else if (!Double.isNaN(aboveWarnSince) && t - aboveWarnSince >= minDuration) {
                level = WARN;
                belowSince = Double.NaN;
                sink.alert(fault, Severity.WARN, t, v, warn);
            }
            return;
        }
        if (level == WARN && !Double.isNaN(aboveFaultSince) && t - aboveFaultSince >= minDuration) {
            level = FAULT;
            sink.alert(fault, Severity.FAULT, t, v, faultThreshold);
        }
        if (v < warn - hysteresis) {
            if (Double.isNaN(belowSince)) {
                belowSince = t;
            }
            if (t - belowSince >= clearDuration) {
                level = NONE;
                clearedAt = t;
                belowSince = Double.NaN;
                sink.clear(fault, t);
            }
        } else {
            belowSince = Double.NaN;
        }
    }

    /** Ends an active alert now (end of input, exercise change, calibration lost). */
    void forceClear(double t, Sink sink) {
        if (level != NONE) {
            level = NONE;
            clearedAt = t;
            sink.clear(fault, t);
        }
        aboveWarnSince = Double.NaN;
        aboveFaultSince = Double.NaN;
        belowSince = Double.NaN;
    }

    /**
     * No alert, no timer running and no reading: an update with the rule disabled would
     * leave everything as it is.
     */
    boolean isAtRest() {
        return level == NONE && Double.isNaN(lastValue) && Double.isNaN(aboveWarnSince)
                && Double.isNaN(aboveFaultSince);
    }

    int level() {
        return level;
    }

    double warnThreshold() {
        return warn;
    }

    double faultThreshold() {
        return faultThreshold;
    }

    /** The value at the last update, NaN when the rule was not applied. */
    double lastValue() {
        return lastValue;
    }
}
