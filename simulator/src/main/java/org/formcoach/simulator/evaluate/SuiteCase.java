package org.formcoach.simulator.evaluate;

import org.formcoach.simulator.Scenario;

/**
 * One trace of an evaluation suite: which scenario, and the group it is scored in
 * (exercise × sensors × mounting).
 */
public record SuiteCase(String exercise, String variant, int sensors, String placement, String mounting,
                        String preset, String timing, boolean clean, long seed) {

    public Scenario scenario() {
        Scenario.Builder b = Scenario.builder().exercise(exercise).sensors(sensors).placement(placement)
                .mounting(mounting).preset(preset).timing(timing).faults(clean ? "none" : "auto").seed(seed);
        if (variant != null) {
            b.variant(variant);
        }
        return b.build();
    }

    /** The group key the tables use: {@code hinge / one / any}. */
    public String group() {
        return exercise + " / " + (sensors == 2 ? "two" : placement) + " / " + mounting;
    }

    public String describe() {
        return exercise + (variant == null ? "" : "(" + variant + ")") + " " + (sensors == 2 ? "two sensors" : placement)
                + " " + mounting + " " + preset + " timing=" + timing + (clean ? " clean" : "") + " seed=" + seed;
    }
}
