package org.formcoach.simulator.importer;

import java.util.List;
import java.util.Locale;

/**
 * CSV layouts of other tools and sketches that formcoach recognises from their header
 * (design brief §6.1, §6.4). Header names are compared with case, spaces and punctuation
 * ignored, so {@code Acc_X}, {@code acc x} and {@code ACCX} are the same column.
 */
public enum ImportLayout {
    /**
     * Arduino TinyML IMU_Capture: {@code aX,aY,aZ,gX,gY,gZ} in g and deg/s, no time column
     * (give the rate), blank lines between recordings. Optional {@code mX,mY,mZ} (µT) and a
     * {@code millis} (ms) or {@code time} (s) column.
     */
    ARDUINO("arduino", "g", "deg/s", "uT",
            new String[][]{{"ax"}, {"ay"}, {"az"}, {"gx"}, {"gy"}, {"gz"}, {"mx"}, {"my"}, {"mz"}},
            new String[][]{{"millis", "ms"}, {"timems", "ms"}, {"ms", "ms"}, {"micros", "us"}, {"timeus", "us"},
                    {"times", "s"}, {"time", "s"}}, 0),
    /**
     * Adafruit Unified Sensor loggers: {@code accel_x…} in m/s², {@code gyro_x…} in rad/s,
     * {@code mag_x…} in µT; {@code timestamp} is milliseconds as in sensors_event_t.
     */
    ADAFRUIT("adafruit", "m/s2", "rad/s", "uT",
            new String[][]{{"accelx", "accelerationx"}, {"accely", "accelerationy"}, {"accelz", "accelerationz"},
                    {"gyrox", "rotationx"}, {"gyroy", "rotationy"}, {"gyroz", "rotationz"},
                    {"magx", "magneticx"}, {"magy", "magneticy"}, {"magz", "magneticz"}},
            new String[][]{{"timestamp", "ms"}, {"millis", "ms"}, {"timems", "ms"}, {"times", "s"}, {"time", "s"}}, 0),
    /**
     * Movella (Xsens) DOT export: {@code PacketCounter,SampleTimeFine,…,Acc_X…,Gyr_X…} with
     * SampleTimeFine in µs (a 32-bit counter that wraps after 71.6 min), Acc in m/s², Gyr in
     * deg/s (believed; override with a mapping if an export differs). Mag_X… are in arbitrary
     * normalised units and are not imported. Preamble lines such as {@code DeviceTag:,…} are kept
     * as metadata.
     */
    MOVELLA("movella", "m/s2", "deg/s", null,
            new String[][]{{"accx"}, {"accy"}, {"accz"}, {"gyrx"}, {"gyry"}, {"gyrz"}, {}, {}, {}},
            new String[][]{{"sampletimefine", "us"}}, 4294967296.0);

    private final String cliName;
    private final String accelUnit;
    private final String gyroUnit;
    private final String magUnit;
    /** Normalised header names per field ax…mz. */
    private final String[][] names;
    /** Normalised time column names with their unit, in order of preference. */
    private final String[][] timeNames;
    /** The time counter's wrap in its raw unit, 0 when it does not wrap. */
    private final double timeWrap;

    ImportLayout(String cliName, String accelUnit, String gyroUnit, String magUnit, String[][] names,
                 String[][] timeNames, double timeWrap) {
        this.cliName = cliName;
        this.accelUnit = accelUnit;
        this.gyroUnit = gyroUnit;
        this.magUnit = magUnit;
        this.names = names;
        this.timeNames = timeNames;
        this.timeWrap = timeWrap;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses "arduino", "adafruit", "movella" (case-insensitive). */
    public static ImportLayout parse(String name) {
        for (ImportLayout l : values()) {
            if (l.cliName.equalsIgnoreCase(name.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + name + "' (use arduino, adafruit, movella or auto)");
    }

    /** The raw time value at which this layout's time counter wraps, 0 for none. */
    double timeWrap() {
        return timeWrap;
    }

    /** @return the mapping of this header in this layout, or null when the header is not of this layout */
    ColumnMapping match(List<String> header) {
        java.util.Map<Field, ColumnMapping.Column> columns = new java.util.EnumMap<>(Field.class);
        Field[] fields = {Field.AX, Field.AY, Field.AZ, Field.GX, Field.GY, Field.GZ, Field.MX, Field.MY, Field.MZ};
        for (int f = 0; f < fields.length; f++) {
            String column = find(header, names[f]);
            if (column == null) {
                if (f < 6) {
                    return null;
                }
                continue;
            }
            String unit = fields[f].kind() == Field.Kind.ACCEL ? accelUnit
                    : fields[f].kind() == Field.Kind.GYRO ? gyroUnit : magUnit;
            columns.put(fields[f], new ColumnMapping.Column(column, 0, UnitScale.of(fields[f].kind(), unit), unit));
        }
        if (columns.containsKey(Field.MX) && !(columns.containsKey(Field.MY) && columns.containsKey(Field.MZ))) {
            columns.remove(Field.MX);
            columns.remove(Field.MY);
            columns.remove(Field.MZ);
        }
        for (String[] time : timeNames) {
            String column = find(header, new String[]{time[0]});
            if (column != null) {
                columns.put(Field.TIME, new ColumnMapping.Column(column, 0, UnitScale.of(Field.Kind.TIME, time[1]), time[1]));
                break;
            }
        }
        return new ColumnMapping(columns);
    }

    private static String find(List<String> header, String[] candidates) {
        for (String candidate : candidates) {
            for (String name : header) {
                if (normalise(name).equals(candidate)) {
                    return name.strip();
                }
            }
        }
        return null;
    }

    /** Lower case, letters and digits only: "Acc_X" → "accx". */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
