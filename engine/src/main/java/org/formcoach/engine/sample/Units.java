package org.formcoach.engine.sample;

/** Unit conversions into the engine's units (g, deg/s, µT). */
public final class Units {
    /** Standard gravity, m/s² per g. */
    public static final double STANDARD_GRAVITY = 9.80665;
    public static final double DEG_PER_RAD = 180.0 / Math.PI;
    public static final double RAD_PER_DEG = Math.PI / 180.0;

    private Units() {
    }

    /** Accelerometer units a trace or a device may declare. */
    public enum Accel {
        G("g", 1.0),
        METRES_PER_SECOND_SQUARED("m/s2", 1.0 / STANDARD_GRAVITY);

        private final String label;
        /** Multiply a reading by this to get g. */
        public final double toG;

        Accel(String label, double toG) {
            this.label = label;
            this.toG = toG;
        }

        public String label() {
            return label;
        }

        /** Parses "g", "m/s2", "m/s^2", "m/s²", "mps2" (case-insensitive); null when unknown. */
        public static Accel parse(String text) {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            return switch (t) {
                case "g" -> G;
                case "m/s2", "m/s^2", "m/s²", "mps2", "ms-2", "m/s/s" -> METRES_PER_SECOND_SQUARED;
                default -> null;
            };
        }
    }

    /** Gyroscope units a trace or a device may declare. */
    public enum Gyro {
        DEG_PER_S("deg/s", 1.0),
        RAD_PER_S("rad/s", DEG_PER_RAD);

        private final String label;
        /** Multiply a reading by this to get deg/s. */
        public final double toDegPerS;

        Gyro(String label, double toDegPerS) {
            this.label = label;
            this.toDegPerS = toDegPerS;
        }

        public String label() {
            return label;
        }

        /** Parses "deg/s", "dps", "°/s", "rad/s" (case-insensitive); null when unknown. */
        public static Gyro parse(String text) {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            return switch (t) {
                case "deg/s", "dps", "°/s", "degree/s", "degrees/s" -> DEG_PER_S;
                case "rad/s", "rps", "radian/s", "radians/s" -> RAD_PER_S;
                default -> null;
            };
        }
    }
}
