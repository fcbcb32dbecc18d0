package org.formcoach.simulator.importer;

import java.util.Locale;

import org.formcoach.engine.sample.Units;

/**
 * The factor that takes a reading in a declared unit to the engine's unit for its kind:
 * seconds, g, deg/s, µT. Accelerometer and gyroscope names are the engine's own
 * ({@link Units}); a few more that loggers use are added here.
 */
final class UnitScale {
    private UnitScale() {
    }

    /** @return the factor, or NaN when the unit is not one this kind accepts */
    static double of(Field.Kind kind, String unit) {
        String u = unit.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (kind) {
            case TIME -> switch (u) {
                case "s", "sec", "seconds" -> 1;
                case "ms", "millis" -> 1e-3;
                case "us", "µs", "μs", "micros" -> 1e-6;
                case "ns", "nanos" -> 1e-9;
                default -> Double.NaN;
            };
            case ACCEL -> {
                if (u.equals("mg")) {
                    yield 1e-3;
                }
                Units.Accel a = Units.Accel.parse(u);
                yield a == null ? Double.NaN : a.toG;
            }
            case GYRO -> {
                if (u.equals("mdps")) {
                    yield 1e-3;
                }
                if (u.equals("mrad/s")) {
                    yield Units.DEG_PER_RAD / 1000;
                }
                Units.Gyro g = Units.Gyro.parse(u);
                yield g == null ? Double.NaN : g.toDegPerS;
            }
            case MAG -> switch (u) {
                case "ut", "µt", "μt", "microtesla" -> 1;
                case "nt" -> 1e-3;
                case "gauss", "gs" -> 100;
                case "mgauss", "mgs" -> 0.1;
                default -> Double.NaN;
            };
        };
    }

    /** The units a kind accepts, for messages. */
    static String accepted(Field.Kind kind) {
        return switch (kind) {
            case TIME -> "s, ms, us, ns";
            case ACCEL -> "g, mg, m/s2";
            case GYRO -> "deg/s, mdps, rad/s, mrad/s";
            case MAG -> "uT, nT, gauss, mgauss";
        };
    }
}
