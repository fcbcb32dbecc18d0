package org.formcoach.engine.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Units;

/**
 * What a trace says about itself before its rows: the {@code # key: value} metadata (all
 * of it, unknown keys included), the units of its columns, and which optional columns it
 * has.
 */
public final class TraceHeader {
    /** Which column naming the file uses. */
    public enum Layout {
        /** {@code time_s,sensor,ax,ay,az,gx,gy,gz,mx,my,mz} (CONTRACT §1). */
        FORMCOACH,
        /** The Fusion AHRS example data: {@code Time (s),Gyroscope X (deg/s),…}. */
        FUSION
    }

    private final Map<String, String> metadata;
    private final Layout layout;
    private final Units.Accel accelUnit;
    private final Units.Gyro gyroUnit;
    private final boolean sensorColumn;
    private final boolean magColumns;
    private final Placement defaultPlacement;

    TraceHeader(Map<String, String> metadata, Layout layout, Units.Accel accelUnit, Units.Gyro gyroUnit,
                boolean sensorColumn, boolean magColumns, Placement defaultPlacement) {
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.layout = layout;
        this.accelUnit = accelUnit;
        this.gyroUnit = gyroUnit;
        this.sensorColumn = sensorColumn;
        this.magColumns = magColumns;
        this.defaultPlacement = defaultPlacement;
    }

    /** Every {@code # key: value} line in file order; keys lower-cased. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public String get(String key) {
        return metadata.get(key);
    }

    public Layout layout() {
        return layout;
    }

    public Units.Accel accelUnit() {
        return accelUnit;
    }

    public Units.Gyro gyroUnit() {
        return gyroUnit;
    }

    /** Whether rows name their sensor; without the column every row is {@link #defaultPlacement()}. */
    public boolean hasSensorColumn() {
        return sensorColumn;
    }

    public boolean hasMagColumns() {
        return magColumns;
    }

    /** The placement of a file without a sensor column: {@code # placement:} or lumbar. */
    public Placement defaultPlacement() {
        return defaultPlacement;
    }

    /** The nominal rate from {@code # rate_hz:}, or NaN when the file does not say. */
    public double rateHz() {
        String value = metadata.get("rate_hz");
        if (value == null) {
            return Double.NaN;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            return rate > 0 && Double.isFinite(rate) ? rate : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The device name from {@code # device:}, or null. */
    public String device() {
        return metadata.get("device");
    }
}
