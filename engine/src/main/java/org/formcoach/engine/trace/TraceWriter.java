package org.formcoach.engine.trace;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * Writes a trace in the formcoach CSV layout (CONTRACT §1): the {@code #} metadata, the
 * column header, then one row per sample. Units are always g and deg/s, as the engine
 * holds them. Rows are formatted into one reused buffer.
 *
 * <pre>{@code
 * try (TraceWriter out = TraceWriter.create(Path.of("set.csv.gz"),
 *         TraceWriter.options().sensorColumn(true).rateHz(100).device("belt-01"))) {
 *     out.write(sample);
 * }
 * }</pre>
 */
public final class TraceWriter implements Closeable, Flushable {
    /** Decimals per quantity: 1 µs, 1 µg, 0.0001 deg/s, 0.001 µT — below any sensor's resolution. */
    private static final int TIME_DECIMALS = 6;
    private static final int ACCEL_DECIMALS = 6;
    private static final int GYRO_DECIMALS = 4;
    private static final int MAG_DECIMALS = 3;

    private final Writer out;
    private final Options options;
    private final StringBuilder row = new StringBuilder(128);
    private char[] rowChars = new char[128];
    private long rows;

    private TraceWriter(Writer out, Options options) throws IOException {
        this.out = out;
        this.options = options;
        writeHeader();
    }

    /** Header options; every field has a sensible default. */
    public static Options options() {
        return new Options();
    }

    /** Creates (or replaces) a file; a name ending in {@code .gz} is gzip-compressed. */
    public static TraceWriter create(Path path, Options options) throws IOException {
        OutputStream stream = Files.newOutputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPOutputStream(stream, 1 << 16, true);
        }
        return new TraceWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
                options);
    }

    public static TraceWriter to(Writer writer, Options options) throws IOException {
        return new TraceWriter(writer, options);
    }

    private void writeHeader() throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("# formcoach-trace: 1\n");
        h.append("# accel: g\n");
        h.append("# gyro: deg/s\n");
        if (options.magColumns) {
            h.append("# mag: uT\n");
        }
        if (options.rateHz > 0) {
            h.append("# rate_hz: ");
            DecimalFormatter.append(h, options.rateHz, 3);
            h.append('\n');
        }
        if (options.device != null) {
            h.append("# device: ").append(options.device).append('\n');
        }
        if (!options.sensorColumn && options.placement != null) {
            h.append("# placement: ").append(options.placement).append('\n');
        }
        for (Map.Entry<String, String> e : options.extra.entrySet()) {
            h.append("# ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        h.append("time_s");
        if (options.sensorColumn) {
            h.append(",sensor");
        }
        h.append(",ax,ay,az,gx,gy,gz");
        if (options.magColumns) {
            h.append(",mx,my,mz");
        }
        h.append('\n');
        out.write(h.toString());
    }

    /** Appends one row. Magnetometer cells are left empty when the sample has none. */
    public void write(Sample s) throws IOException {
        StringBuilder r = row;
        r.setLength(0);
        DecimalFormatter.append(r, s.timeS, TIME_DECIMALS);
        if (options.sensorColumn) {
            r.append(',').append(s.placement().traceName());
        }
        r.append(',');
        DecimalFormatter.append(r, s.ax, ACCEL_DECIMALS).append(',');
        DecimalFormatter.append(r, s.ay, ACCEL_DECIMALS).append(',');
        DecimalFormatter.append(r, s.az, ACCEL_DECIMALS).append(',');
        DecimalFormatter.append(r, s.gx, GYRO_DECIMALS).append(',');
        DecimalFormatter.append(r, s.gy, GYRO_DECIMALS).append(',');
        DecimalFormatter.append(r, s.gz, GYRO_DECIMALS);
        if (options.magColumns) {
            r.append(',');
            if (s.hasMag) {
                DecimalFormatter.append(r, s.mx, MAG_DECIMALS).append(',');
                DecimalFormatter.append(r, s.my, MAG_DECIMALS).append(',');
                DecimalFormatter.append(r, s.mz, MAG_DECIMALS);
            } else {
                r.append(",,");
            }
        }
        r.append('\n');
        // Writer.append(CharSequence) would make a String per row; copy into a reused array instead.
        int length = r.length();
        if (rowChars.length < length) {
            rowChars = new char[Math.max(length, 2 * rowChars.length)];
        }
        r.getChars(0, length, rowChars, 0);
        out.write(rowChars, 0, length);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** What the header says and which optional columns the rows have. */
    public static final class Options {
        private boolean sensorColumn;
        private boolean magColumns;
        private double rateHz;
        private String device;
        private String placement;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Options() {
        }

        /** Write the {@code sensor} column (needed for two sensors). */
        public Options sensorColumn(boolean value) {
            sensorColumn = value;
            return this;
        }

        public Options magColumns(boolean value) {
            magColumns = value;
            return this;
        }

        public Options rateHz(double value) {
            rateHz = value;
            return this;
        }

        public Options device(String value) {
            device = value;
            return this;
        }

        /** {@code # placement:} for a file without the sensor column. */
        public Options placement(String value) {
            placement = value;
            return this;
        }

        /** Any other {@code # key: value} line (the simulator's seed, preset, mounting…). */
        public Options meta(String key, String value) {
            if (key.indexOf(':') >= 0 || key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("metadata must be one line without ':' in the key");
            }
            extra.put(key, value);
            return this;
        }
    }
}
