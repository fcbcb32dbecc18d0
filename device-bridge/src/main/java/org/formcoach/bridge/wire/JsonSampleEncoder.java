package org.formcoach.bridge.wire;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * Writes samples in the JSON shapes {@link JsonSampleDecoder} reads (docs/protocols.md
 * §3.2): what a virtual MQTT device publishes, and what the benchmarks feed the decoder.
 * The same resolution as the text lines ({@link TextLineEncoder}): time to the
 * microsecond, accelerations 5 decimals, rotation rates 4.
 */
public final class JsonSampleEncoder {
    private JsonSampleEncoder() {
    }

    /** Appends one sample object: {@code {"t":…,"sensor":…,"seq":…,"a":[…],"g":[…]}}. */
    public static StringBuilder appendObject(StringBuilder b, Sample s, long sequence) {
        b.append("{\"t\":");
        DecimalFormatter.append(b, s.timeS, 6);
        b.append(",\"sensor\":\"").append(s.placement().traceName()).append("\",\"seq\":").append(sequence);
        b.append(",\"a\":[");
        DecimalFormatter.append(b, s.ax, 5).append(',');
        DecimalFormatter.append(b, s.ay, 5).append(',');
        DecimalFormatter.append(b, s.az, 5);
        b.append("],\"g\":[");
        DecimalFormatter.append(b, s.gx, 4).append(',');
        DecimalFormatter.append(b, s.gy, 4).append(',');
        DecimalFormatter.append(b, s.gz, 4);
        return b.append("]}");
    }

    /** Appends one row of a compact batch: {@code [offset, ax, ay, az, gx, gy, gz]}, the offset in seconds after the batch's t0. */
    public static StringBuilder appendRow(StringBuilder b, Sample s, double offsetS) {
        b.append('[');
        DecimalFormatter.append(b, offsetS, 6).append(',');
        return TextLineEncoder.appendReadings(b, s).append(']');
    }
}
