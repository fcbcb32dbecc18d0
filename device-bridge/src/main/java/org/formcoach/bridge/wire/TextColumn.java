package org.formcoach.bridge.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one field of a text line holds (docs/protocols.md §1). */
public enum TextColumn {
    /** Device time, seconds. */
    TIME_S("time_s", "t", "time", "timestamp", "time (s)"),
    /** Device time, milliseconds ({@code millis()}). */
    TIME_MS("time_ms", "t_ms", "ms", "millis"),
    /** Device time, microseconds ({@code micros()}, unwrapped at 2^32). */
    TIME_US("time_us", "t_us", "us", "micros"),
    SEQ("seq", "sequence", "counter", "n"),
    SENSOR("sensor", "placement", "pos"),
    AX("ax", "accx", "acc_x", "accel_x"),
    AY("ay", "accy", "acc_y", "accel_y"),
    AZ("az", "accz", "acc_z", "accel_z"),
    GX("gx", "gyrx", "gyr_x", "gyro_x"),
    GY("gy", "gyry", "gyr_y", "gyro_y"),
    GZ("gz", "gyrz", "gyr_z", "gyro_z"),
    MX("mx", "magx", "mag_x"),
    MY("my", "magy", "mag_y"),
    MZ("mz", "magz", "mag_z"),
    /** A field to skip (temperature, a debug value). */
    IGNORE("_", "-", "skip", "ignore");

    private final String[] names;

    TextColumn(String... names) {
        this.names = names;
    }

    public String primaryName() {
        return names[0];
    }

    private static final TextColumn[] VALUES = values();

    /** The column a header field names (case-insensitive), or null. Allocation-free. */
    public static TextColumn lookup(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        for (TextColumn c : VALUES) {
            for (String n : c.names) {
                if (matches(n, bytes, from, to)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean matches(String name, byte[] bytes, int from, int to) {
        if (name.length() != to - from) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != Character.toLowerCase(bytes[from + i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** Parses "t,ax,ay,az,gx,gy,gz" (comma-separated names). */
    public static List<TextColumn> parseList(String text) {
        List<TextColumn> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            // Names are ASCII: any other character becomes bytes that match none of them.
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            TextColumn col = lookup(b, 0, b.length);
            if (col == null) {
                throw new IllegalArgumentException("unknown column '" + part.strip() + "' (use time_s|time_ms|time_us, seq, "
                        + "sensor, ax, ay, az, gx, gy, gz, mx, my, mz or _ to skip a field)");
            }
            out.add(col);
        }
        validate(out);
        return List.copyOf(out);
    }

    /** Columns must include the six IMU readings once each; mag all three or none; one time column at most. */
    public static void validate(List<TextColumn> columns) {
        int[] seen = new int[VALUES.length];
        for (TextColumn c : columns) {
            seen[c.ordinal()]++;
        }
        for (TextColumn c : List.of(AX, AY, AZ, GX, GY, GZ)) {
            if (seen[c.ordinal()] != 1) {
                throw new IllegalArgumentException("columns must name " + c.primaryName() + " exactly once: " + columns);
            }
        }
        int mag = seen[MX.ordinal()] + seen[MY.ordinal()] + seen[MZ.ordinal()];
        if (mag != 0 && (seen[MX.ordinal()] != 1 || seen[MY.ordinal()] != 1 || seen[MZ.ordinal()] != 1)) {
            throw new IllegalArgumentException("columns must name mx, my and mz once each, or none of them");
        }
        if (seen[TIME_S.ordinal()] + seen[TIME_MS.ordinal()] + seen[TIME_US.ordinal()] > 1) {
            throw new IllegalArgumentException("columns may hold one time column at most");
        }
        if (seen[SEQ.ordinal()] > 1 || seen[SENSOR.ordinal()] > 1) {
            throw new IllegalArgumentException("columns may hold seq and sensor once at most");
        }
    }

    public static String describe(List<TextColumn> columns) {
        StringBuilder s = new StringBuilder();
        for (TextColumn c : columns) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(c.primaryName());
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
