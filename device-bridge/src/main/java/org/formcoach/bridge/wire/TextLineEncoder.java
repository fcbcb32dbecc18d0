package org.formcoach.bridge.wire;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * Writes samples as the text lines {@link TextLineDecoder} reads with its default columns
 * ({@code time_s,sensor,ax,ay,az,gx,gy,gz}, g and deg/s; docs/protocols.md §1): what a
 * virtual serial device sends, and what the benchmarks feed the decoder. Accelerations
 * keep 5 decimals (10 µg), rotation rates 4 (0.1 mdeg/s): finer than any sensor's noise.
 */
public final class TextLineEncoder {
    /** The header naming the columns of {@link #appendLine}; send it first (8 fields are not guessed). */
    public static final String HEADER = "time_s,sensor,ax,ay,az,gx,gy,gz\n";

    private TextLineEncoder() {
    }

    /** Appends {@code ax,ay,az,gx,gy,gz}, no line end. */
    public static StringBuilder appendReadings(StringBuilder b, Sample s) {
        DecimalFormatter.append(b, s.ax, 5).append(',');
        DecimalFormatter.append(b, s.ay, 5).append(',');
        DecimalFormatter.append(b, s.az, 5).append(',');
        DecimalFormatter.append(b, s.gx, 4).append(',');
        DecimalFormatter.append(b, s.gy, 4).append(',');
        return DecimalFormatter.append(b, s.gz, 4);
    }

    /** Appends a whole line: time (µs resolution), sensor name, the readings and '\n'. */
    public static StringBuilder appendLine(StringBuilder b, Sample s) {
        DecimalFormatter.append(b, s.timeS, 6).append(',').append(s.placement().traceName()).append(',');
        return appendReadings(b, s).append('\n');
    }
}
