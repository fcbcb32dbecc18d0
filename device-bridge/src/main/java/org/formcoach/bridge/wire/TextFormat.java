package org.formcoach.bridge.wire;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Units;

/**
 * How a device prints its text lines: the columns (null = recognise a header line, else
 * guess from the field count), the units, the placement of a device without a sensor
 * column, and the nominal rate used to time lines that carry no time column.
 */
public record TextFormat(List<TextColumn> columns, Units.Accel accelUnit, Units.Gyro gyroUnit,
                         Placement defaultSensor, double rateHz) {
    /** The longest line taken, bytes; longer lines are counted {@link Outcome#TOO_LONG}. */
    public static final int MAX_LINE_LENGTH = 256;

    public TextFormat {
        if (columns != null) {
            TextColumn.validate(columns);
            columns = List.copyOf(columns);
        }
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number: " + rateHz);
        }
    }

    /** g and deg/s, lumbar, 100 Hz, columns from the header or the field count. */
    public static TextFormat defaults() {
        return new TextFormat(null, Units.Accel.G, Units.Gyro.DEG_PER_S, Placement.LUMBAR, 100);
    }

    public TextFormat withColumns(List<TextColumn> c) {
        return new TextFormat(c, accelUnit, gyroUnit, defaultSensor, rateHz);
    }

    public TextFormat withUnits(Units.Accel a, Units.Gyro g) {
        return new TextFormat(columns, a, g, defaultSensor, rateHz);
    }

    public TextFormat withSensor(Placement p) {
        return new TextFormat(columns, accelUnit, gyroUnit, p, rateHz);
    }

    public TextFormat withRate(double hz) {
        return new TextFormat(columns, accelUnit, gyroUnit, defaultSensor, hz);
    }
}
