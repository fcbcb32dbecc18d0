package org.formcoach.bridge.wire;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.util.DecimalParser;

/**
 * Reads text lines as Arduino and ESP32 sketches print them (docs/protocols.md §1): fields
 * separated by commas, tabs or blanks; an optional header line naming the columns; lines
 * starting with '#' ignored; CR LF or LF endings. Without configured columns or a header,
 * the field count decides: 6 = ax..gz, 7 = time_s + 6, 9 = ax..mz, 10 = time_s + 9.
 * Lines without a time column are timed by count at the nominal rate.
 *
 * <p>Every non-blank line ends in one {@link Outcome}; bad lines never stop the stream.
 * Allocation-free per line. One instance per device, one thread.
 */
public final class TextLineDecoder {
    private static final int MAX_FIELDS = 16;
    private static final TextColumn[] SIX = {TextColumn.AX, TextColumn.AY, TextColumn.AZ, TextColumn.GX,
            TextColumn.GY, TextColumn.GZ};

    private final TextFormat format;
    private final WireCounters counters;
    private final SampleSink sink;
    private final char[] line = new char[TextFormat.MAX_LINE_LENGTH];
    private final int[] fieldStart = new int[MAX_FIELDS + 1];
    private final int[] fieldEnd = new int[MAX_FIELDS + 1];
    private final TextColumn[] headerColumns = new TextColumn[MAX_FIELDS];
    private final TextColumn[] guess = new TextColumn[10];
    private final Sample sample = new Sample();
    private final Unwrap[] microsClock = new Unwrap[Placement.count()];
    private final Unwrap[] millisClock = new Unwrap[Placement.count()];
    private final long[] untimedCount = new long[Placement.count()];
    private final double accelToG;
    private final double gyroToDps;
    private TextColumn[] columns;
    private int columnCount;
    private int fill;
    private boolean overflowing;
    private long receiveNanos;

    public TextLineDecoder(TextFormat format, WireCounters counters, SampleSink sink) {
        this.format = format;
        this.counters = counters;
        this.sink = sink;
        this.accelToG = format.accelUnit().toG;
        this.gyroToDps = format.gyroUnit().toDegPerS;
        if (format.columns() != null) {
            List<TextColumn> c = format.columns();
            columns = c.toArray(new TextColumn[0]);
            columnCount = columns.length;
        }
        for (int i = 0; i < microsClock.length; i++) {
            microsClock[i] = new Unwrap(32);
            millisClock[i] = new Unwrap(32);
        }
    }

    /** Feeds bytes as they arrived; complete lines are decoded before this returns. */
    public void feed(byte[] bytes, int from, int to, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                if (overflowing) {
                    overflowing = false;
                } else {
                    line(fill);
                }
                fill = 0;
            } else if (!overflowing) {
                if (fill == line.length) {
                    counters.add(Outcome.TOO_LONG);
                    overflowing = true;
                    fill = 0;
                } else {
                    // Bytes past ASCII cannot be part of a number; keep them as a marker that fails parsing.
                    line[fill++] = b < 0x80 ? (char) b : '\uFFFD';
                }
            }
        }
    }

    /** Drops a partial line (the link was lost). */
    public void resync() {
        fill = 0;
        overflowing = false;
    }

    /** The columns in use (configured, from a header, or null while still guessing from field counts). */
    public String columnsInUse() {
        return columns == null ? null : TextColumn.describe(java.util.Arrays.asList(columns).subList(0, columnCount));
    }

    private void line(int length) {
        int from = 0;
        int to = length;
        while (from < to && line[from] <= ' ') {
            from++;
        }
        while (to > from && line[to - 1] <= ' ') {
            to--;
        }
        if (from == to) {
            return; // blank: not a unit of input
        }
        if (line[from] == '#') {
            counters.add(Outcome.COMMENT);
            return;
        }
        int fields = split(from, to);
        if (fields < 0) {
            counters.add(Outcome.WRONG_FIELD_COUNT);
            return;
        }
        if (isLetter(line[fieldStart[0]]) && isHeader(fields)) {
            counters.add(Outcome.HEADER);
            return;
        }
        TextColumn[] cols = columns;
        int count = columnCount;
        if (cols == null) {
            cols = guessColumns(fields);
            count = fields;
            if (cols == null) {
                counters.add(Outcome.WRONG_FIELD_COUNT);
                return;
            }
        }
        if (fields != count) {
            counters.add(Outcome.WRONG_FIELD_COUNT);
            return;
        }
        decode(cols, count);
    }

    private void decode(TextColumn[] cols, int count) {
        Sample s = sample;
        int sensor = format.defaultSensor().ordinal();
        double time = Double.NaN;
        TextColumn timeKind = null;
        long seq = SampleSink.NO_SEQUENCE;
        s.hasMag = false;
        for (int f = 0; f < count; f++) {
            TextColumn c = cols[f];
            if (c == TextColumn.IGNORE) {
                continue;
            }
            if (c == TextColumn.SENSOR) {
                sensor = sensorOf(fieldStart[f], fieldEnd[f]);
                if (sensor < 0) {
                    counters.add(Outcome.BAD_SENSOR);
                    return;
                }
                continue;
            }
            double v = DecimalParser.parse(line, fieldStart[f], fieldEnd[f]);
            if (Double.isNaN(v)) {
                counters.add(Outcome.BAD_NUMBER);
                return;
            }
            switch (c) {
                case TIME_S, TIME_MS, TIME_US -> {
                    time = v;
                    timeKind = c;
                }
                case SEQ -> {
                    if (v < 0 || v != Math.rint(v) || v > 9.0e15) {
                        counters.add(Outcome.BAD_NUMBER);
                        return;
                    }
                    seq = (long) v;
                }
                case AX -> s.ax = v * accelToG;
                case AY -> s.ay = v * accelToG;
                case AZ -> s.az = v * accelToG;
                case GX -> s.gx = v * gyroToDps;
                case GY -> s.gy = v * gyroToDps;
                case GZ -> s.gz = v * gyroToDps;
                case MX -> {
                    s.mx = v;
                    s.hasMag = true;
                }
                case MY -> s.my = v;
                case MZ -> s.mz = v;
                default -> {
                }
            }
        }
        s.sensor = sensor;
        if (timeKind == null) {
            s.timeS = untimedCount[sensor] / format.rateHz();
        } else if (timeKind == TextColumn.TIME_S) {
            s.timeS = time;
        } else if (time < 0 || time != Math.rint(time) || time >= 4294967296.0) {
            counters.add(Outcome.OUT_OF_RANGE);
            return;
        } else if (timeKind == TextColumn.TIME_MS) {
            s.timeS = millisClock[sensor].next((long) time) * 1e-3;
        } else {
            s.timeS = microsClock[sensor].next((long) time) * 1e-6;
        }
        s.receiveNanos = receiveNanos;
        Outcome check = SampleLimits.check(s);
        counters.add(check);
        if (check == Outcome.SAMPLE) {
            if (timeKind == null) {
                untimedCount[sensor]++;
            }
            sink.accept(s, seq);
        }
    }

    /** Splits on commas if any, else tabs, else runs of blanks. @return the field count, or -1 when too many */
    private int split(int from, int to) {
        char sep = 0;
        for (int i = from; i < to; i++) {
            char c = line[i];
            if (c == ',') {
                sep = ',';
                break;
            }
            if (c == '\t' && sep == 0) {
                sep = '\t';
            }
        }
        int n = 0;
        if (sep != 0) {
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || line[i] == sep) {
                    if (n == MAX_FIELDS) {
                        return -1;
                    }
                    fieldStart[n] = start;
                    fieldEnd[n] = i;
                    n++;
                    start = i + 1;
                }
            }
        } else {
            int i = from;
            while (i < to) {
                while (i < to && line[i] <= ' ') {
                    i++;
                }
                if (i == to) {
                    break;
                }
                int start = i;
                while (i < to && line[i] > ' ') {
                    i++;
                }
                if (n == MAX_FIELDS) {
                    return -1;
                }
                fieldStart[n] = start;
                fieldEnd[n] = i;
                n++;
            }
        }
        return n;
    }

    /** A line of column names; adopted unless columns were configured. */
    private boolean isHeader(int fields) {
        for (int f = 0; f < fields; f++) {
            TextColumn c = TextColumn.lookup(line, fieldStart[f], fieldEnd[f]);
            if (c == null) {
                return false;
            }
            headerColumns[f] = c;
        }
        if (format.columns() != null) {
            return true;
        }
        try {
            TextColumn.validate(java.util.Arrays.asList(headerColumns).subList(0, fields));
        } catch (IllegalArgumentException e) {
            return false; // names, but not a usable set: treated as a bad line
        }
        columns = headerColumns.clone();
        columnCount = fields;
        return true;
    }

    private TextColumn[] guessColumns(int fields) {
        int at = 0;
        if (fields == 7 || fields == 10) {
            guess[at++] = TextColumn.TIME_S;
        } else if (fields != 6 && fields != 9) {
            return null;
        }
        for (TextColumn c : SIX) {
            guess[at++] = c;
        }
        if (fields >= 9) {
            guess[at++] = TextColumn.MX;
            guess[at++] = TextColumn.MY;
            guess[at] = TextColumn.MZ;
        }
        return guess;
    }

    private int sensorOf(int from, int to) {
        while (from < to && line[from] <= ' ') {
            from++;
        }
        while (to > from && line[to - 1] <= ' ') {
            to--;
        }
        if (to - from == 1 && line[from] >= '0' && line[from] < '0' + Placement.count()) {
            return line[from] - '0';
        }
        for (int p = 0; p < Placement.count(); p++) {
            String name = Placement.ofIndex(p).traceName();
            if (name.length() == to - from && sameIgnoringCase(name, from)) {
                return p;
            }
        }
        return -1;
    }

    private boolean sameIgnoringCase(String name, int from) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase(line[from + i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
