package org.formcoach.simulator.exercise;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The hip hinges of biomechanics §4.1. */
public enum HingeVariant {
    DEADLIFT("deadlift"),
    RDL("rdl"),
    GOOD_MORNING("good-morning"),
    KB_SWING("kb-swing");

    private final String cliName;

    HingeVariant(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static HingeVariant parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (HingeVariant v : values()) {
            if (v.cliName.equals(t)) {
                return v;
            }
        }
        if (t.equals("romanian-deadlift")) {
            return RDL;
        }
        if (t.equals("goodmorning")) {
            return GOOD_MORNING;
        }
        if (t.equals("swing") || t.equals("kettlebell-swing")) {
            return KB_SWING;
        }
        throw new IllegalArgumentException("unknown hinge variant '" + text + "' (use "
                + Stream.of(values()).map(HingeVariant::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
