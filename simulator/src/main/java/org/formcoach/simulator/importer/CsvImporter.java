package org.formcoach.simulator.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.BadRows;

/**
 * Reads another tool's IMU CSV into engine samples (seconds, g, deg/s, µT), so that what a
 * user's own sensor recorded can be replayed. The column layout comes from a
 * {@link ColumnMapping}, a named {@link ImportLayout}, or is recognised from the header.
 *
 * <p>Before the header: blank lines, {@code # key: value} comments and {@code Key:,value}
 * preamble lines (Movella) are skipped and kept as metadata. The separator is a tab, a
 * semicolon or a comma, whichever the header uses; with a tab or semicolon a comma inside a
 * number is a decimal comma. A row with the wrong number of cells, a cell that is not a
 * finite number, or a time earlier than the previous row's is skipped and counted; blank
 * lines and comments among the rows are not errors.
 */
public final class CsvImporter implements Closeable {
    /** How far into a file a header is looked for. */
    static final int MAX_PREAMBLE_LINES = 100;

    /**
     * @param layout    a named layout, or null to use the mapping or recognise the header
     * @param mapping   an explicit mapping, or null
     * @param rateHz    the sample rate for a file without a time column, NaN when not given
     * @param placement where the sensor was worn
     */
    public record Options(ImportLayout layout, ColumnMapping mapping, double rateHz, Placement placement) {
        public Options {
            if (placement == null) {
                placement = Placement.LUMBAR;
            }
        }

        public static Options auto() {
            return new Options(null, null, Double.NaN, Placement.LUMBAR);
        }
    }

    private final BufferedReader in;
    private final String source;
    private final Options options;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<String> header;
    private final char separator;
    private final String layoutName;
    private final ColumnMapping mapping;
    private final int[] index;
    private final double[] scale = new double[Field.values().length];
    private final double timeWrap;
    private final double[] values = new double[Field.values().length];

    private String pendingRow;
    private long pendingLine;
    private long lineNumber;
    private long rows;
    private final BadRows bad = new BadRows();
    private double lastRawTime = Double.NaN;
    private double wraps;
    private double lastTime = Double.NEGATIVE_INFINITY;

    /**
     * Reads up to the header and works out the mapping.
     *
     * @throws ImportException naming the source and the columns found when the input cannot be mapped
     */
    public CsvImporter(BufferedReader in, String source, Options options) throws IOException {
        this.in = in;
        this.source = source;
        this.options = options;
        String candidate = null;
        char candidateSeparator = ',';
        List<String> found = null;
        String chosenLayout = null;
        ColumnMapping chosen = null;
        int[] chosenIndex = null;
        List<String> headerCells = null;
        char sep = ',';
        List<String> missing = new ArrayList<>();
        int scanned = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String text = stripBom(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (++scanned > MAX_PREAMBLE_LINES) {
                break;
            }
            if (text.startsWith("#")) {
                keepComment(text.substring(1));
                continue;
            }
            sep = separatorOf(text);
            List<String> cells = split(text, sep);
            if (isPreamble(cells)) {
                metadata.putIfAbsent(cells.get(0).strip().replaceAll(":$", "").toLowerCase(Locale.ROOT),
                        cells.size() > 1 ? cells.get(1).strip() : "");
                continue;
            }
            if (metadata.containsKey("formcoach-trace")) {
                throw new ImportException(source + ": this is already a formcoach trace; replay it directly");
            }
            boolean numeric = allNumeric(cells, sep);
            if (options.mapping() != null) {
                ColumnMapping m = options.mapping();
                if (numeric && m.byPositionOnly()) {
                    int[] idx = m.resolve(cells, missing);
                    if (idx == null) {
                        throw new ImportException(source + ": line " + lineNumber + " has " + cells.size()
                                + " columns; the mapping needs " + String.join(", ", missing));
                    }
                    chosen = m;
                    chosenIndex = idx;
                    chosenLayout = "map";
                    headerCells = positions(cells.size());
                    pendingRow = text;
                    pendingLine = lineNumber;
                    break;
                }
                missing.clear();
                int[] idx = numeric ? null : m.resolve(cells, missing);
                if (idx != null) {
                    chosen = m;
                    chosenIndex = idx;
                    chosenLayout = "map";
                    headerCells = cells;
                    break;
                }
            } else if (!numeric) {
                for (ImportLayout layout : options.layout() != null ? new ImportLayout[]{options.layout()}
                        : new ImportLayout[]{ImportLayout.MOVELLA, ImportLayout.ADAFRUIT, ImportLayout.ARDUINO}) {
                    ColumnMapping m = layout.match(cells);
                    if (m != null) {
                        chosen = m;
                        chosenIndex = m.resolve(cells, new ArrayList<>());
                        chosenLayout = layout.cliName();
                        headerCells = cells;
                        break;
                    }
                }
                if (chosen != null) {
                    break;
                }
            }
            if (candidate == null) {
                candidate = text;
                candidateSeparator = sep;
                found = cells;
            }
            if (numeric) {
                break; // data has begun and nothing matched: no header is coming
            }
        }
        if (chosen == null) {
            throw new ImportException(unmappable(candidate, candidateSeparator, found, missing));
        }
        this.header = headerCells;
        this.separator = sep;
        this.layoutName = chosenLayout;
        this.mapping = chosen;
        this.index = chosenIndex;
        for (Map.Entry<Field, ColumnMapping.Column> e : chosen.columns().entrySet()) {
            scale[e.getKey().ordinal()] = e.getValue().scale();
        }
        this.timeWrap = "map".equals(chosenLayout) ? 0 : ImportLayout.parse(chosenLayout).timeWrap();
    }

    private String unmappable(String candidate, char sep, List<String> found, List<String> missing) {
        StringBuilder m = new StringBuilder(source).append(": ");
        if (candidate == null) {
            return m.append("no columns found (empty file or only comments)").toString();
        }
        if (options.mapping() != null) {
            m.append("no header line has the mapped columns");
            if (!missing.isEmpty()) {
                m.append(" (missing ").append(String.join(", ", missing)).append(')');
            }
        } else if (options.layout() != null) {
            m.append("not the ").append(options.layout().cliName()).append(" layout");
        } else {
            m.append("columns not recognised as an arduino, adafruit or movella layout");
        }
        m.append("; found columns: ").append(String.join(", ", found));
        if (allNumeric(found, sep)) {
            m.append(" (numbers: the file has no header; map columns by position, e.g. --map ax=1:g,ay=2:g,…)");
        } else if (found.stream().anyMatch(c -> ImportLayout.normalise(c).startsWith("freeacc"))) {
            m.append(" (FreeAcc has gravity removed; export Acc_X, Acc_Y, Acc_Z instead)");
        } else {
            m.append(" (give --map, e.g. --map time=timestamp_ms:ms,ax=AccX:m/s2,…,gz=GyrZ:rad/s)");
        }
        return m.toString();
    }

    private void keepComment(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            metadata.putIfAbsent(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
        }
    }

    /** A {@code Key:,value} line before the header (Movella DeviceTag:, FirmwareVersion: …). */
    private static boolean isPreamble(List<String> cells) {
        String first = cells.get(0).strip();
        return first.endsWith(":") && cells.size() <= 3;
    }

    private static List<String> positions(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    static char separatorOf(String line) {
        if (line.indexOf('\t') >= 0) {
            return '\t';
        }
        if (line.indexOf(';') >= 0) {
            return ';';
        }
        return ',';
    }

    static List<String> split(String line, char sep) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                String cell = line.substring(start, i).strip();
                if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
                    cell = cell.substring(1, cell.length() - 1).strip();
                }
                cells.add(cell);
                start = i + 1;
            }
        }
        return cells;
    }

    private static boolean allNumeric(List<String> cells, char sep) {
        for (String c : cells) {
            if (!c.isEmpty() && Double.isNaN(number(c, sep))) {
                return false;
            }
        }
        return true;
    }

    /** A cell as a finite number, NaN otherwise; a comma is a decimal comma unless it is the separator. */
    static double number(String cell, char sep) {
        String t = cell.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        if (sep != ',') {
            t = t.replace(',', '.');
        }
        char c = t.charAt(t.length() - 1);
        if (!(Character.isDigit(c) || c == '.')) {
            return Double.NaN; // rejects "NaN", "Infinity" and Java's "1d"/"1f" suffixes
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Fills {@code s} with the next good row.
     *
     * @return false at the end of the input
     * @throws IllegalStateException when the file has no time column and no rate was given
     */
    public boolean next(Sample s) throws IOException {
        if (!hasTimeColumn() && !(options.rateHz() > 0)) {
            throw new IllegalStateException(source + " has no time column; a sample rate is needed");
        }
        while (true) {
            String line;
            long number;
            if (pendingRow != null) {
                line = pendingRow;
                number = pendingLine;
                pendingRow = null;
            } else {
                line = in.readLine();
                if (line == null) {
                    return false;
                }
                number = ++lineNumber;
            }
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (parse(text, number, s)) {
                rows++;
                return true;
            }
        }
    }

    private boolean parse(String text, long number, Sample s) {
        List<String> cells = split(text, separator);
        if (cells.size() == header.size() + 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1); // a trailing separator
        }
        if (cells.size() != header.size()) {
            return bad(number, cells.size() + " cells where the header has " + header.size());
        }
        boolean magEmpty = true;
        boolean magFull = true;
        for (Field f : Field.values()) {
            int at = index[f.ordinal()];
            if (at < 0) {
                continue;
            }
            String cell = cells.get(at);
            if (f.kind() == Field.Kind.MAG) {
                if (cell.isEmpty()) {
                    magFull = false;
                    continue;
                }
                magEmpty = false;
            }
            double v = number(cell, separator);
            if (Double.isNaN(v)) {
                return bad(number, cell.isEmpty() ? "empty " + f.key() + " cell" : f.key() + " '" + cell + "' is not a number");
            }
            values[f.ordinal()] = v;
        }
        if (!magEmpty && !magFull) {
            return bad(number, "magnetometer cells partly empty");
        }
        double time;
        if (hasTimeColumn()) {
            double raw = values[Field.TIME.ordinal()];
            if (timeWrap > 0 && !Double.isNaN(lastRawTime) && raw < lastRawTime - timeWrap / 2) {
                wraps += timeWrap; // the device's counter went round
            }
            double unwrapped = raw + wraps;
            time = unwrapped * scale[Field.TIME.ordinal()];
            if (time < lastTime) {
                return bad(number, "time goes backwards");
            }
            lastRawTime = raw;
        } else {
            time = rows / options.rateHz();
        }
        lastTime = time;
        s.set(time, options.placement(),
                values[Field.AX.ordinal()] * scale[Field.AX.ordinal()],
                values[Field.AY.ordinal()] * scale[Field.AY.ordinal()],
                values[Field.AZ.ordinal()] * scale[Field.AZ.ordinal()],
                values[Field.GX.ordinal()] * scale[Field.GX.ordinal()],
                values[Field.GY.ordinal()] * scale[Field.GY.ordinal()],
                values[Field.GZ.ordinal()] * scale[Field.GZ.ordinal()]);
        if (mapping.hasMag() && magFull) {
            s.setMag(values[Field.MX.ordinal()] * scale[Field.MX.ordinal()],
                    values[Field.MY.ordinal()] * scale[Field.MY.ordinal()],
                    values[Field.MZ.ordinal()] * scale[Field.MZ.ordinal()]);
        }
        return true;
    }

    private boolean bad(long line, String reason) {
        bad.record(line, reason);
        return false;
    }

    /** "arduino", "adafruit", "movella", or "map" for an explicit mapping. */
    public String layoutName() {
        return layoutName;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    public boolean hasTimeColumn() {
        return mapping.hasTime();
    }

    public boolean hasMag() {
        return mapping.hasMag();
    }

    /** Comment and preamble lines before the header, keys lower-cased. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The header's cells (or "1", "2", … for a file without one). */
    public List<String> header() {
        return header;
    }

    public String source() {
        return source;
    }

    public long rows() {
        return rows;
    }

    public long badRows() {
        return bad.count();
    }

    public long firstBadLine() {
        return bad.firstLine();
    }

    public String firstBadReason() {
        return bad.firstReason();
    }

    /** One line for stderr: how many rows were skipped and where the first one is. */
    public String badRowReport() {
        return bad.report(source);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
