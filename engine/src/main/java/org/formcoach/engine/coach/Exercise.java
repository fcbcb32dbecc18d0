package org.formcoach.engine.coach;

import java.util.Locale;

/** The exercises formcoach coaches (CONTRACT §2 names). */
public enum Exercise {
    /** Deadlift, Romanian deadlift, good morning, kettlebell swing. */
    HINGE("hinge"),
    SQUAT("squat"),
    PLANK("plank"),
    BIRD_DOG("bird-dog");

    private final String cliName;

    Exercise(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the valid exercises */
    public static Exercise parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Exercise e : values()) {
            if (e.cliName.equals(n) || (e == BIRD_DOG && n.equals("birddog"))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown exercise '" + name + "' (use hinge, squat, plank or bird-dog)");
    }

    /** Rep-based exercises count reps; plank is a hold. */
    public boolean countsReps() {
        return this != PLANK;
    }
}
