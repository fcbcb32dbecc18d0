package org.formcoach.engine.coach;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The form faults of CONTRACT §2, with the exercises each applies to. */
public enum Fault {
    /** Rounding: the lower back flexes (one sensor: the pelvis tucks under at the bottom). */
    LUMBAR_FLEXION("lumbar_flexion", EnumSet.of(Exercise.HINGE, Exercise.SQUAT)),
    /** Arching past standing neutral, typically at lockout. */
    LUMBAR_EXTENSION("lumbar_extension", EnumSet.of(Exercise.HINGE, Exercise.SQUAT)),
    /** The trunk and pelvis lean forward far more than the user's normal squat. */
    EXCESSIVE_LEAN("excessive_lean", EnumSet.of(Exercise.SQUAT)),
    /** The hips drop toward the floor in a plank. */
    HIP_SAG("hip_sag", EnumSet.of(Exercise.PLANK)),
    /** The hips rise in a plank. */
    HIP_PIKE("hip_pike", EnumSet.of(Exercise.PLANK)),
    /** Bird-dog: the pelvis rotates about the spine's long axis (one hip rises). */
    TRUNK_ROTATION("trunk_rotation", EnumSet.of(Exercise.BIRD_DOG)),
    /** Bird-dog: the pelvis swings sideways about the vertical axis. */
    LATERAL_TILT("lateral_tilt", EnumSet.of(Exercise.BIRD_DOG));

    private final String wireName;
    private final Set<Exercise> exercises;

    Fault(String wireName, Set<Exercise> exercises) {
        this.wireName = wireName;
        this.exercises = exercises;
    }

    /** The name in JSON output, labels and settings. */
    public String wireName() {
        return wireName;
    }

    public boolean appliesTo(Exercise exercise) {
        return exercises.contains(exercise);
    }

    /** @throws IllegalArgumentException naming the valid faults */
    public static Fault parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Fault f : values()) {
            if (f.wireName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'");
    }

    /** The faults that apply to an exercise, in declaration order. */
    public static Set<Fault> of(Exercise exercise) {
        EnumSet<Fault> set = EnumSet.noneOf(Fault.class);
        for (Fault f : values()) {
            if (f.appliesTo(exercise)) {
                set.add(f);
            }
        }
        return set;
    }
}
