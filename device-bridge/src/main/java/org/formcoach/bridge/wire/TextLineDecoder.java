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
    /** {@link #fieldsOn} when the line does not hold the separator it was asked to split on. */
    private static final int OTHER_SEPARATOR = -2;
    private static final TextColumn[] SIX = {TextColumn.AX, TextColumn.AY, TextColumn.AZ, TextColumn.GX,
            TextColumn.GY, TextColumn.GZ};

    private final TextFormat format;
    private final WireCounters counters;
    private final SampleSink sink;
    /** The start of a line that the next {@code feed} completes. */
    private final byte[] carry = new byte[TextFormat.MAX_LINE_LENGTH + 1]; // + its LF
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
    /** The bytes holding the line being decoded: the caller's or {@link #carry}. */
    private byte[] text;
    /** The separator of the last line split: lines of a stream keep theirs, so it is tried first. */
    private int separator;
    /** The field count of the last line whose columns were guessed from it. */
    private int guessedFields;
    private final DecimalParser.Cursor cursor = new DecimalParser.Cursor();
    // The line being decoded, field by field.
    private int sensor;
    private double time;
    private TextColumn timeKind;
    private long seq;

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

    /**
     * Feeds bytes as they arrived; complete lines are decoded before this returns, straight
     * from {@code bytes}. Only the start of a line the next call completes is copied.
     */
    public void feed(byte[] bytes, int from, int to, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        int i = from;
        if (fill > 0 || overflowing) {
            int end = newline(bytes, i, to);
            keep(bytes, i, end);
            if (end == to) {
                return;
            }
            if (overflowing) {
                overflowing = false;
            } else {
                carry[fill] = '\n';
                if (decodeFast(carry, 0, fill + 1) < 0) {
                    line(carry, 0, fill);
                }
            }
            fill = 0;
            i = end + 1;
        }
        while (i < to) {
            int end = decodeFast(bytes, i, to);
            if (end < 0) {
                end = newline(bytes, i, to);
                if (end == to) {
                    keep(bytes, i, to);
                    return;
                }
                if (end - i > TextFormat.MAX_LINE_LENGTH) {
                    counters.add(Outcome.TOO_LONG);
                } else {
                    line(bytes, i, end);
                }
            }
            i = end + 1;
        }
    }

    private static int newline(byte[] bytes, int from, int to) {
        while (from < to && bytes[from] != '\n') {
            from++;
        }
        return from;
    }

    /** Appends the unfinished part of a line to the carry-over, or counts it too long once. */
    private void keep(byte[] bytes, int from, int to) {
        if (overflowing) {
            return;
        }
        if (to - from > TextFormat.MAX_LINE_LENGTH - fill) {
            counters.add(Outcome.TOO_LONG);
            overflowing = true;
            fill = 0;
            return;
        }
        System.arraycopy(bytes, from, carry, fill, to - from);
        fill += to - from;
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

    /** A byte as an unsigned character: bytes past ASCII are above every character a line's syntax uses. */
    private int at(int i) {
        return text[i] & 0xFF;
    }

    private void line(byte[] bytes, int from, int to) {
        text = bytes;
        while (from < to && at(from) <= ' ') {
            from++;
        }
        while (to > from && at(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return; // blank: not a unit of input
        }
        if (at(from) == '#') {
            counters.add(Outcome.COMMENT);
            return;
        }
        int fields = split(from, to);
        if (fields < 0) {
            counters.add(Outcome.WRONG_FIELD_COUNT);
            return;
        }
        if (isLetter(at(fieldStart[0])) && isHeader(fields)) {
            counters.add(Outcome.HEADER);
            return;
        }
        TextColumn[] cols = columns;
        int count = columnCount;
        if (cols == null) {
            cols = guessColumns(fields);
            count = fields;
            guessedFields = fields;
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
        startSample();
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
            double v = DecimalParser.parse(text, fieldStart[f], fieldEnd[f]);
            if (Double.isNaN(v) || !store(c, v)) {
                counters.add(Outcome.BAD_NUMBER);
                return;
            }
        }
        finishSample();
    }

    /**
     * The common line in one pass straight from the bytes: a number (or a sensor name, or a
     * skipped field) in every column in use, separated by the last line's comma or tab,
     * ended by LF. Anything else — every bad
     * line, a header, a comment, a line not complete yet — is
     * left to the full path ({@link #line}), which decides its outcome.
     *
     * @return the index of the LF ending the decoded line, or -1 when nothing was decided
     */
    private int decodeFast(byte[] bytes, int from, int to) {
        int sep = separator;
        TextColumn[] cols = columns;
        int count = columnCount;
        if (cols == null) {
            count = guessedFields;
            cols = guessColumns(count);
        }
        if (cols == null || count < 2 || (sep != ',' && sep != '\t')) {
            return -1;
        }
        text = bytes;
        startSample();
        int i = from;
        for (int f = 0; f < count; f++) {
            TextColumn c = cols[f];
            if (c == TextColumn.SENSOR || c == TextColumn.IGNORE) {
                int end = fieldEnd(bytes, i, to, sep);
                if (end < 0 || (c == TextColumn.SENSOR && (sensor = sensorOf(i, end)) < 0)) {
                    return -1;
                }
                i = end;
            } else {
                i = skipBlanks(bytes, i, to, sep);
                double v = DecimalParser.scan(bytes, i, to, cursor);
                if (Double.isNaN(v) || !store(c, v)) {
                    return -1;
                }
                i = skipBlanks(bytes, cursor.end(), to, sep);
            }
            if (i == to || bytes[i] != (f == count - 1 ? '\n' : sep)) {
                return -1;
            }
            i++;
        }
        if (i - 1 - from > TextFormat.MAX_LINE_LENGTH) {
            return -1;
        }
        finishSample();
        return i - 1;
    }

    /** @return where a text field ends (its separator, the LF or {@code to}), or -1 at a comma in a tab-separated line */
    private static int fieldEnd(byte[] bytes, int i, int to, int sep) {
        int c;
        while (i < to && (c = bytes[i]) != sep && c != '\n') {
            if (c == ',') {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** Skips blanks inside a line: not the line's end, not the separator, not bytes past ASCII. */
    private static int skipBlanks(byte[] bytes, int i, int to, int sep) {
        int c;
        while (i < to && (c = bytes[i]) <= ' ' && c >= 0 && c != '\n' && c != sep) {
            i++;
        }
        return i;
    }

    private void startSample() {
        sensor = format.defaultSensor().ordinal();
        time = Double.NaN;
        timeKind = null;
        seq = SampleSink.NO_SEQUENCE;
        sample.hasMag = false;
    }

    /** Puts one field's number where its column says. @return false for a sequence number that is not one */
    private boolean store(TextColumn c, double v) {
        Sample s = sample;
        switch (c) {
            case TIME_S, TIME_MS, TIME_US -> {
                time = v;
                timeKind = c;
            }
            case SEQ -> {
                if (v < 0 || v != Math.rint(v) || v > 9.0e15) {
                    return false;
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
        return true;
    }

    /** Times the sample, checks it, counts it and passes it on. */
    private void finishSample() {
        Sample s = sample;
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

    /**
     * Splits on commas if any, else tabs, else runs of blanks. The last line's separator is
     * tried first, which saves looking for it. @return the field count, or -1 when too many
     */
    private int split(int from, int to) {
        int fields = separator == 0 ? OTHER_SEPARATOR : fieldsOn(separator, from, to);
        if (fields == OTHER_SEPARATOR) {
            separator = separatorOf(from, to);
            fields = fieldsOn(separator, from, to);
        }
        return fields;
    }

    private int separatorOf(int from, int to) {
        int sep = ' ';
        for (int i = from; i < to; i++) {
            int c = at(i);
            if (c == ',') {
                return ',';
            }
            if (c == '\t') {
                sep = '\t';
            }
        }
        return sep;
    }

    /**
     * @return the field count on {@code sep}, -1 when too many, or {@link #OTHER_SEPARATOR}
     *         when {@link #separatorOf} would choose another one for this line
     */
    private int fieldsOn(int sep, int from, int to) {
        int n = 0;
        if (sep != ' ') {
            boolean tab = sep == '\t';
            int start = from;
            for (int i = from; i <= to; i++) {
                int c = i == to ? sep : at(i);
                if (c == sep) {
                    if (n == MAX_FIELDS) {
                        return tooMany(sep, from, to);
                    }
                    fieldStart[n] = start;
                    fieldEnd[n] = i;
                    n++;
                    start = i + 1;
                } else if (tab && c == ',') {
                    return OTHER_SEPARATOR;
                }
            }
            return n == 1 ? OTHER_SEPARATOR : n; // one field: the line has no separator at all
        }
        int i = from;
        while (i < to) {
            while (i < to && at(i) <= ' ') {
                if (at(i) == '\t') {
                    return OTHER_SEPARATOR;
                }
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            while (i < to && at(i) > ' ') {
                if (at(i) == ',') {
                    return OTHER_SEPARATOR;
                }
                i++;
            }
            if (n == MAX_FIELDS) {
                return tooMany(sep, from, to);
            }
            fieldStart[n] = start;
            fieldEnd[n] = i;
            n++;
        }
        return n;
    }

    /** Too many fields, unless a separator the split stopped short of seeing changes that. */
    private int tooMany(int sep, int from, int to) {
        return separatorOf(from, to) == sep ? -1 : OTHER_SEPARATOR;
    }

    /** A line of column names; adopted unless columns were configured. */
    private boolean isHeader(int fields) {
        for (int f = 0; f < fields; f++) {
            TextColumn c = TextColumn.lookup(text, fieldStart[f], fieldEnd[f]);
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
        while (from < to && at(from) <= ' ') {
            from++;
        }
        while (to > from && at(to - 1) <= ' ') {
            to--;
        }
        if (to - from == 1 && at(from) >= '0' && at(from) < '0' + Placement.count()) {
            return at(from) - '0';
        }
        for (int p = 0; p < Placement.count(); p++) {
            String name = Placement.ofIndex(p).traceName();
            if (name.length() == to - from && sameIgnoringCase(name, from)) {
                return p;
            }
        }
        return -1;
    }

    /** Names are lower-case ASCII, so an ASCII case fold is enough: no byte past ASCII folds onto one. */
    private boolean sameIgnoringCase(String name, int from) {
        for (int i = 0; i < name.length(); i++) {
            int c = at(from + i);
            if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
