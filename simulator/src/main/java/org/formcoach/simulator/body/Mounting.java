package org.formcoach.simulator.body;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a sensor is stuck on the back, as the rotation of the sensor frame relative to the
 * back-mounted segment frame (x cranial, y left, z dorsal): {@code v_segment = q ⊗ v_sensor ⊗ q*}.
 */
public enum Mounting {
    /** The sensor's axes follow the segment's, up to the small tilt skin curvature gives (≤ 8°). */
    USUAL,
    /** Any rotation at all, uniformly drawn: the engine has to find the body axes itself. */
    ANY;

    /** Largest misalignment of a {@link #USUAL} mounting, degrees. */
    public static final double USUAL_MAX_DEG = 8.0;

    public UnitQuaternion draw(SplittableRandom rng) {
        if (this == ANY) {
            return UnitQuaternion.uniformRandom(rng);
        }
        // A uniformly random axis, an angle uniform in [0, 8°].
        double z = 2 * rng.nextDouble() - 1;
        double azimuth = 2 * Math.PI * rng.nextDouble();
        double r = Math.sqrt(1 - z * z);
        double angle = Math.toRadians(USUAL_MAX_DEG) * rng.nextDouble();
        return UnitQuaternion.ofAxisAngle(r * Math.cos(azimuth), r * Math.sin(azimuth), z, angle);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mounting parse(String text) {
        for (Mounting m : values()) {
            if (m.cliName().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mounting '" + text + "' (use usual or any)");
    }
}
