package org.formcoach.simulator.fault;

import java.util.Locale;

/** The form faults of CONTRACT §2, under their contract names. */
public enum FaultType {
    /** Rounding: the lower back flexes (hinge, squat). */
    LUMBAR_FLEXION,
    /** Arching past standing neutral, typically at lockout (hinge, squat). */
    LUMBAR_EXTENSION,
    /** Trunk and pelvis lean far further forward than the user's normal rep (squat). */
    EXCESSIVE_LEAN,
    /** The hips drop toward the floor (plank). */
    HIP_SAG,
    /** The hips rise (plank). */
    HIP_PIKE,
    /** The pelvis rotates about the spine's long axis (bird-dog). */
    TRUNK_ROTATION,
    /** The pelvis swings sideways about the vertical axis (bird-dog). */
    LATERAL_TILT;

    /** The contract name, e.g. {@code lumbar_flexion}. */
    public String contractName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the fault with that contract name (case-insensitive, '-' accepted for '_'), or null */
    public static FaultType fromContractName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (FaultType f : values()) {
            if (f.contractName().equals(n)) {
                return f;
            }
        }
        return null;
    }
}
