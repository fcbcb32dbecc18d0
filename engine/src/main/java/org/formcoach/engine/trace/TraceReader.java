package org.formcoach.engine.trace;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.sample.Units;
import org.formcoach.engine.util.DecimalParser;

/**
 * Streams the rows of a trace file (CONTRACT §1) into a reused {@link Sample}.
 *
 * <pre>{@code
 * try (TraceReader reader = TraceReader.open(path)) {
 *     Sample sample = new Sample();
 *     while (reader.next(sample)) {
 *         engine.accept(sample);
 *     }
 *     if (reader.badRows() > 0) {
 *         System.err.println(reader.badRowReport());
 *     }
 * }
 * }</pre>
 *
 * <p>A malformed row — wrong number of cells, a cell that is not a number, NaN or an
 * infinity, an unknown sensor name, a time earlier than that sensor's previous row — is
 * skipped and counted; the first one's line number and reason are kept for the report.
 * Input that is not a trace at all raises {@link TraceFormatException} from {@link #open}.
 * Reading allocates nothing per row.
 */
public final class TraceReader implements Closeable {
    private static final int F_IGNORED = -1;
    private static final int F_TIME = 0;
    private static final int F_SENSOR = 1;
    private static final int F_AX = 2;
    private static final int F_GX = 5;
    private static final int F_MX = 8;
    private static final int FIELD_COUNT = 11;

    private final String source;
    private final LineReader lines;
    private final Reader reader;
    private final TraceHeader header;
    /** Field code for each column of the file. */
    private final int[] columnField;
    /** Factor to engine units for each column. */
    private final double[] columnScale;
    private final int columnCount;
    private final int[] cellStart;
    private final int[] cellEnd;
    private final double[] values = new double[FIELD_COUNT];
    private final boolean[] present = new boolean[FIELD_COUNT];
    private final double[] lastTime = new double[Placement.count()];

    private long rows;
    private final BadRows bad = new BadRows();

    private TraceReader(String source, Reader reader) throws IOException {
        this.source = source;
        this.reader = reader;
        this.lines = new LineReader(reader);
        java.util.Arrays.fill(lastTime, Double.NEGATIVE_INFINITY);

        Map<String, String> metadata = new LinkedHashMap<>();
        String headerLine = null;
        while (lines.next()) {
            if (lines.tooLong()) {
                throw new TraceFormatException(source, lines.lineNumber(), "line longer than "
                        + LineReader.MAX_LINE + " characters before the column header");
            }
            String text = stripBom(lines.text()).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (hasControlCharacters(text)) {
                throw new TraceFormatException(source, lines.lineNumber(), "binary data where text was expected");
            }
            if (text.startsWith("#")) {
                parseMetadata(text.substring(1), metadata);
                continue;
            }
            headerLine = text;
            break;
        }
        if (headerLine == null) {
            throw new TraceFormatException(source, lines.lineNumber(), "no column header (empty file or only comments)");
        }
        String[] names = headerLine.split(",", -1);
        columnCount = names.length;
        columnField = new int[columnCount];
        columnScale = new double[columnCount];
        cellStart = new int[columnCount + 1];
        cellEnd = new int[columnCount + 1];

        Units.Accel accelUnit = Units.Accel.G;
        Units.Gyro gyroUnit = Units.Gyro.DEG_PER_S;
        String declaredAccel = metadata.get("accel");
        if (declaredAccel != null) {
            accelUnit = Units.Accel.parse(firstWord(declaredAccel));
            if (accelUnit == null) {
                throw new TraceFormatException(source, 0, "unknown accelerometer unit '" + declaredAccel
                        + "' (use g or m/s2)");
            }
        }
        String declaredGyro = metadata.get("gyro");
        if (declaredGyro != null) {
            gyroUnit = Units.Gyro.parse(firstWord(declaredGyro));
            if (gyroUnit == null) {
                throw new TraceFormatException(source, 0, "unknown gyroscope unit '" + declaredGyro
                        + "' (use deg/s or rad/s)");
            }
        }

        boolean fusion = false;
        boolean[] seen = new boolean[FIELD_COUNT];
        for (int c = 0; c < columnCount; c++) {
            String name = unquote(names[c].strip());
            int field = formcoachField(name);
            double scale = 1.0;
            if (field == F_IGNORED) {
                FusionColumn fc = fusionColumn(name);
                if (fc != null) {
                    fusion = true;
                    field = fc.field;
                    scale = fc.scale;
                    if (field == F_IGNORED) {
                        throw new TraceFormatException(source, lines.lineNumber(), "column '" + name
                                + "' has a unit formcoach does not know");
                    }
                }
            } else if (field >= F_AX && field < F_GX) {
                scale = accelUnit.toG;
            } else if (field >= F_GX && field < F_MX) {
                scale = gyroUnit.toDegPerS;
            }
            if (field != F_IGNORED) {
                if (seen[field]) {
                    throw new TraceFormatException(source, lines.lineNumber(), "column '" + name + "' appears twice");
                }
                seen[field] = true;
            }
            columnField[c] = field;
            columnScale[c] = scale;
        }
        if (!seen[F_TIME]) {
            throw new TraceFormatException(source, lines.lineNumber(),
                    "no time column (expected 'time_s' or 'Time (s)') in header: " + abbreviate(headerLine));
        }
        for (int f = F_AX; f < F_MX; f++) {
            if (!seen[f]) {
                throw new TraceFormatException(source, lines.lineNumber(),
                        "accelerometer and gyroscope columns ax,ay,az,gx,gy,gz are required; header: "
                                + abbreviate(headerLine));
            }
        }
        boolean mag = seen[F_MX] || seen[F_MX + 1] || seen[F_MX + 2];
        if (mag && !(seen[F_MX] && seen[F_MX + 1] && seen[F_MX + 2])) {
            throw new TraceFormatException(source, lines.lineNumber(), "magnetometer needs all of mx,my,mz");
        }
        Placement placement = Placement.LUMBAR;
        String declaredPlacement = metadata.get("placement");
        if (declaredPlacement != null) {
            placement = Placement.fromTraceName(firstWord(declaredPlacement));
            if (placement == null) {
                throw new TraceFormatException(source, 0, "unknown placement '" + declaredPlacement
                        + "' (use sacrum, lumbar or thoracolumbar)");
            }
        }
        header = new TraceHeader(metadata, fusion ? TraceHeader.Layout.FUSION : TraceHeader.Layout.FORMCOACH,
                accelUnit, gyroUnit, seen[F_SENSOR], mag, placement);
    }

    /** Opens a file; gzip is recognised by its magic bytes, whatever the name. */
    public static TraceReader open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return open(in, path.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads from a stream (plain or gzip); {@code source} names it in messages. */
    public static TraceReader open(InputStream in, String source) throws IOException {
        InputStream stream = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        stream.mark(2);
        int b0 = stream.read();
        int b1 = stream.read();
        stream.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            stream = new GZIPInputStream(stream, 1 << 16);
        }
        return new TraceReader(source, new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    /** Reads from text already decoded. */
    public static TraceReader of(Reader reader, String source) throws IOException {
        return new TraceReader(source, reader);
    }

    public TraceHeader header() {
        return header;
    }

    /**
     * Fills {@code sample} with the next good row.
     *
     * @return false at the end of the file
     */
    public boolean next(Sample sample) throws IOException {
        while (lines.next()) {
            if (readRow(sample)) {
                rows++;
                return true;
            }
        }
        return false;
    }

    private boolean readRow(Sample sample) {
        if (lines.tooLong()) {
            return bad("line too long");
        }
        char[] chars = lines.chars();
        int length = lines.length();
        int start = 0;
        while (start < length && chars[start] <= ' ') {
            start++;
        }
        if (start == length) {
            return false; // blank line: not a row, not an error
        }
        if (chars[start] == '#') {
            return false; // a comment among the rows is tolerated
        }
        int cells = 0;
        int cellBegin = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || chars[i] == ',') {
                if (cells == columnCount) {
                    return bad("more than " + columnCount + " cells");
                }
                cellStart[cells] = cellBegin;
                cellEnd[cells] = i;
                cells++;
                cellBegin = i + 1;
            }
        }
        if (cells != columnCount) {
            return bad(cells + " cells where the header has " + columnCount);
        }
        for (int f = 0; f < FIELD_COUNT; f++) {
            present[f] = false;
        }
        int placement = header.defaultPlacement().ordinal();
        for (int c = 0; c < columnCount; c++) {
            int field = columnField[c];
            if (field == F_IGNORED) {
                continue;
            }
            int from = cellStart[c];
            int to = cellEnd[c];
            if (field == F_SENSOR) {
                placement = parsePlacement(chars, from, to);
                if (placement < 0) {
                    return bad("unknown sensor name");
                }
                continue;
            }
            if (isBlank(chars, from, to)) {
                if (field >= F_MX) {
                    continue;
                }
                return bad("empty cell in a required column");
            }
            double value = DecimalParser.parse(chars, from, to);
            if (Double.isNaN(value)) {
                return bad("not a finite number");
            }
            values[field] = value * columnScale[c];
            present[field] = true;
        }
        int magCells = (present[F_MX] ? 1 : 0) + (present[F_MX + 1] ? 1 : 0) + (present[F_MX + 2] ? 1 : 0);
        if (magCells != 0 && magCells != 3) {
            return bad("magnetometer cells partly empty");
        }
        double time = values[F_TIME];
        if (time < lastTime[placement]) {
            return bad("time goes backwards");
        }
        lastTime[placement] = time;
        sample.timeS = time;
        sample.sensor = placement;
        sample.ax = values[F_AX];
        sample.ay = values[F_AX + 1];
        sample.az = values[F_AX + 2];
        sample.gx = values[F_GX];
        sample.gy = values[F_GX + 1];
        sample.gz = values[F_GX + 2];
        sample.hasMag = magCells == 3;
        if (sample.hasMag) {
            sample.mx = values[F_MX];
            sample.my = values[F_MX + 1];
            sample.mz = values[F_MX + 2];
        } else {
            sample.mx = 0;
            sample.my = 0;
            sample.mz = 0;
        }
        sample.receiveNanos = 0;
        return true;
    }

    private boolean bad(String reason) {
        bad.record(lines.lineNumber(), reason);
        return false;
    }

    private static int parsePlacement(char[] chars, int from, int to) {
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        for (int p = 0; p < Placement.count(); p++) {
            String name = Placement.ofIndex(p).traceName();
            if (name.length() != to - from) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < name.length(); i++) {
                if (Character.toLowerCase(chars[from + i]) != name.charAt(i)) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return p;
            }
        }
        return -1;
    }

    private static boolean isBlank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** Good rows returned so far. */
    public long rows() {
        return rows;
    }

    /** Malformed rows skipped so far. */
    public long badRows() {
        return bad.count();
    }

    /** 1-based line of the first malformed row, 0 when none. */
    public long firstBadLine() {
        return bad.firstLine();
    }

    /** Why the first malformed row was skipped, or null. */
    public String firstBadReason() {
        return bad.firstReason();
    }

    public String source() {
        return source;
    }

    /** One line for stderr: how many rows were skipped and where the first one is. */
    public String badRowReport() {
        return bad.report(source);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    // ----- header parsing -----

    private static void parseMetadata(String text, Map<String, String> metadata) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return; // a plain comment
        }
        String key = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).strip();
        if (!key.isEmpty() && key.indexOf(' ') < 0) {
            metadata.put(key, value);
        }
    }

    /** "g   (or m/s2; default g)" in the contract's example reads as "g". */
    private static String firstWord(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    private static int formcoachField(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "time_s" -> F_TIME;
            case "sensor" -> F_SENSOR;
            case "ax" -> F_AX;
            case "ay" -> F_AX + 1;
            case "az" -> F_AX + 2;
            case "gx" -> F_GX;
            case "gy" -> F_GX + 1;
            case "gz" -> F_GX + 2;
            case "mx" -> F_MX;
            case "my" -> F_MX + 1;
            case "mz" -> F_MX + 2;
            default -> F_IGNORED;
        };
    }

    private record FusionColumn(int field, double scale) {
    }

    /** "Gyroscope X (deg/s)" and friends; null when the name is not of that form. */
    private static FusionColumn fusionColumn(String name) {
        int open = name.lastIndexOf('(');
        int close = name.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String unit = name.substring(open + 1, close).strip();
        String[] words = name.substring(0, open).strip().split("\\s+");
        if (words.length == 1 && words[0].equalsIgnoreCase("time")) {
            return switch (unit.toLowerCase(Locale.ROOT)) {
                case "s" -> new FusionColumn(F_TIME, 1.0);
                case "ms" -> new FusionColumn(F_TIME, 1e-3);
                case "us", "µs" -> new FusionColumn(F_TIME, 1e-6);
                default -> new FusionColumn(F_IGNORED, 0);
            };
        }
        if (words.length != 2 || words[1].length() != 1) {
            return null;
        }
        int axis = "xyz".indexOf(Character.toLowerCase(words[1].charAt(0)));
        if (axis < 0) {
            return null;
        }
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "accelerometer" -> {
                Units.Accel u = Units.Accel.parse(unit);
                return u == null ? new FusionColumn(F_IGNORED, 0) : new FusionColumn(F_AX + axis, u.toG);
            }
            case "gyroscope" -> {
                Units.Gyro u = Units.Gyro.parse(unit);
                return u == null ? new FusionColumn(F_IGNORED, 0) : new FusionColumn(F_GX + axis, u.toDegPerS);
            }
            case "magnetometer" -> {
                // The magnetometer's direction is all the filter uses; µT is kept as the unit name.
                double scale = switch (unit.toLowerCase(Locale.ROOT)) {
                    case "ut", "µt", "a.u.", "au" -> 1.0;
                    case "nt" -> 1e-3;
                    case "gauss", "g" -> 100.0;
                    case "mgauss", "mg" -> 0.1;
                    default -> 0.0;
                };
                return scale == 0 ? new FusionColumn(F_IGNORED, 0) : new FusionColumn(F_MX + axis, scale);
            }
            default -> {
                return null;
            }
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
