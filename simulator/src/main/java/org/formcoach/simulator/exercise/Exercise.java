package org.formcoach.simulator.exercise;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.formcoach.simulator.fault.FaultType;

/** What the simulated wearer does; the names are the ones of {@code formcoach simulate --exercise}. */
public enum Exercise {
    HINGE("hinge", EnumSet.of(FaultType.LUMBAR_FLEXION, FaultType.LUMBAR_EXTENSION)),
    SQUAT("squat", EnumSet.of(FaultType.LUMBAR_FLEXION, FaultType.LUMBAR_EXTENSION, FaultType.EXCESSIVE_LEAN)),
    PLANK("plank", EnumSet.of(FaultType.HIP_SAG, FaultType.HIP_PIKE)),
    BIRD_DOG("bird-dog", EnumSet.of(FaultType.TRUNK_ROTATION, FaultType.LATERAL_TILT)),
    /** Quiet standing. */
    STANDING("standing", EnumSet.noneOf(FaultType.class)),
    /** Walking between sets. */
    WALKING("walking", EnumSet.noneOf(FaultType.class)),
    /** A hinge set, walking, a plank, walking, a bird-dog set, each labelled. */
    WORKOUT("workout", EnumSet.of(FaultType.LUMBAR_FLEXION, FaultType.LUMBAR_EXTENSION,
            FaultType.HIP_SAG, FaultType.HIP_PIKE, FaultType.TRUNK_ROTATION, FaultType.LATERAL_TILT));

    private final String cliName;
    private final Set<FaultType> faults;

    Exercise(String cliName, Set<FaultType> faults) {
        this.cliName = cliName;
        this.faults = Collections.unmodifiableSet(faults);
    }

    public String cliName() {
        return cliName;
    }

    /** The faults that can happen in it (for a workout, in any of its parts). */
    public Set<FaultType> faults() {
        return faults;
    }

    public static Exercise parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Exercise e : values()) {
            if (e.cliName.equals(t) || (e == BIRD_DOG && t.equals("birddog"))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown exercise '" + text + "' (use "
                + Stream.of(values()).map(Exercise::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
