package org.formcoach.simulator.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a foreign CSV holds which quantity, and in which unit:
 * {@code time=timestamp_ms:ms,ax=AccX:m/s2,ay=AccY:m/s2,az=AccZ:m/s2,gx=GyrX:rad/s,…}.
 * A column is named by its header text (case-insensitive) or, for a file without a header,
 * by its 1-based position ({@code ax=1:g}). Without a unit a field is in the engine's unit
 * (s, g, deg/s, µT). {@code ax…gz} are required; {@code time} is optional (a rate is then
 * needed); {@code mx,my,mz} come all together or not at all.
 */
public record ColumnMapping(Map<Field, Column> columns) {
    /**
     * One mapped column.
     *
     * @param name     its header text, or null when it is given by position
     * @param position 1-based position when {@code name} is null
     * @param scale    factor to the engine's unit
     * @param unit     the unit as written, for messages and metadata
     */
    public record Column(String name, int position, double scale, String unit) {
        public boolean byPosition() {
            return name == null;
        }

        @Override
        public String toString() {
            return (byPosition() ? "#" + position : name) + ":" + unit;
        }
    }

    public ColumnMapping {
        columns = Map.copyOf(columns);
        for (Field f : new Field[]{Field.AX, Field.AY, Field.AZ, Field.GX, Field.GY, Field.GZ}) {
            if (!columns.containsKey(f)) {
                throw new IllegalArgumentException("the mapping needs " + f.key() + " (ax, ay, az, gx, gy, gz are required)");
            }
        }
        int mags = (columns.containsKey(Field.MX) ? 1 : 0) + (columns.containsKey(Field.MY) ? 1 : 0)
                + (columns.containsKey(Field.MZ) ? 1 : 0);
        if (mags != 0 && mags != 3) {
            throw new IllegalArgumentException("the mapping needs all of mx, my, mz or none");
        }
    }

    /**
     * Parses a {@code --map} text.
     *
     * @throws IllegalArgumentException naming the bad item and what was expected
     */
    public static ColumnMapping parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty column mapping (expected e.g. "
                    + "time=timestamp_ms:ms,ax=AccX:m/s2,ay=AccY:m/s2,az=AccZ:m/s2,gx=GyrX:rad/s,gy=GyrY:rad/s,gz=GyrZ:rad/s)");
        }
        Map<Field, Column> columns = new EnumMap<>(Field.class);
        for (String raw : text.split(",")) {
            String item = raw.strip();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mapping item '" + item + "' is not FIELD=COLUMN[:UNIT] "
                        + "(fields: time, ax, ay, az, gx, gy, gz, mx, my, mz)");
            }
            Field field = Field.ofKey(item.substring(0, eq));
            if (field == null) {
                throw new IllegalArgumentException("mapping item '" + item + "': unknown field '"
                        + item.substring(0, eq).strip() + "' (fields: time, ax, ay, az, gx, gy, gz, mx, my, mz)");
            }
            if (columns.containsKey(field)) {
                throw new IllegalArgumentException("mapping item '" + item + "': " + field.key() + " is mapped twice");
            }
            String rest = item.substring(eq + 1);
            // The unit follows the last ':' (a column name may itself contain one, "Time (s):s").
            int colon = rest.lastIndexOf(':');
            String column = (colon < 0 ? rest : rest.substring(0, colon)).strip();
            String unit = colon < 0 ? defaultUnit(field.kind()) : rest.substring(colon + 1).strip();
            if (column.isEmpty()) {
                throw new IllegalArgumentException("mapping item '" + item + "': no column name");
            }
            double scale = UnitScale.of(field.kind(), unit);
            if (Double.isNaN(scale)) {
                throw new IllegalArgumentException("mapping item '" + item + "': unknown unit '" + unit + "' for "
                        + field.key() + " (use " + UnitScale.accepted(field.kind()) + ")");
            }
            columns.put(field, column(column, scale, unit));
        }
        return new ColumnMapping(columns);
    }

    private static Column column(String column, double scale, String unit) {
        if (column.chars().allMatch(Character::isDigit)) {
            int position = Integer.parseInt(column);
            if (position < 1) {
                throw new IllegalArgumentException("column positions start at 1: " + column);
            }
            return new Column(null, position, scale, unit);
        }
        return new Column(column, 0, scale, unit);
    }

    static String defaultUnit(Field.Kind kind) {
        return switch (kind) {
            case TIME -> "s";
            case ACCEL -> "g";
            case GYRO -> "deg/s";
            case MAG -> "uT";
        };
    }

    public boolean hasTime() {
        return columns.containsKey(Field.TIME);
    }

    public boolean hasMag() {
        return columns.containsKey(Field.MX);
    }

    /** True when every column is given by position (a file without a header). */
    public boolean byPositionOnly() {
        for (Column c : columns.values()) {
            if (!c.byPosition()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 0-based index of each field's column in this header, or null when a named column
     * is missing. {@code missing} receives the names not found.
     */
    int[] resolve(List<String> header, List<String> missing) {
        int[] index = new int[Field.values().length];
        java.util.Arrays.fill(index, -1);
        for (Map.Entry<Field, Column> e : columns.entrySet()) {
            Column c = e.getValue();
            int at = -1;
            if (c.byPosition()) {
                at = c.position() - 1 < header.size() ? c.position() - 1 : -1;
            } else {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(c.name())) {
                        at = i;
                        break;
                    }
                }
            }
            if (at < 0) {
                missing.add(c.toString());
            }
            index[e.getKey().ordinal()] = at;
        }
        return missing.isEmpty() ? index : null;
    }

    /** The mapping as {@code --map} text. */
    public String describe() {
        List<String> items = new ArrayList<>();
        for (Field f : Field.values()) {
            Column c = columns.get(f);
            if (c != null) {
                items.add(f.key() + "=" + (c.byPosition() ? String.valueOf(c.position()) : c.name()) + ":"
                        + c.unit().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",", items);
    }
}
