package org.formcoach.simulator.importer;

import java.util.Locale;

/** A quantity a column of someone else's CSV can hold, with the unit it is converted to. */
public enum Field {
    TIME("time", Kind.TIME), AX("ax", Kind.ACCEL), AY("ay", Kind.ACCEL), AZ("az", Kind.ACCEL),
    GX("gx", Kind.GYRO), GY("gy", Kind.GYRO), GZ("gz", Kind.GYRO),
    MX("mx", Kind.MAG), MY("my", Kind.MAG), MZ("mz", Kind.MAG);

    /** What a field measures; decides which units it accepts. */
    public enum Kind { TIME, ACCEL, GYRO, MAG }

    private final String key;
    private final Kind kind;

    Field(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The name in a {@code --map} spec: time, ax … mz. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the field with that map key, or null */
    public static Field ofKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f.key.equals(k)) {
                return f;
            }
        }
        return null;
    }
}
