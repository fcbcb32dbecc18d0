package org.formcoach.bridge.wire;

import java.util.function.Function;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.sample.Units;
import org.formcoach.engine.util.DecimalParser;

/**
 * Reads the JSON payloads of the MQTT imu topic (docs/protocols.md §3.2): one sample
 * object, an array of sample objects, or a compact batch object whose {@code rows} hold
 * {@code [offset, ax, ay, az, gx, gy, gz(, mx, my, mz)]} relative to {@code t0} or
 * {@code t0_us}. Unknown keys are skipped. Every sample (object or row) ends in one
 * {@link Outcome}; a payload that cannot be read past some point counts one
 * {@link Outcome#MALFORMED} for the rest.
 *
 * <p>Read in one pass over the bytes ({@link JsonScanner}), allocating nothing per message
 * or per sample: one sample per MQTT message is the common case, and at 100 Hz a parser
 * object per message was most of the garbage the bridge made. The grammar is as strict as
 * Jackson's defaults, which read these payloads before. One instance per device (it holds
 * the device's clock unwrapping); one thread at a time.
 */
public final class JsonSampleDecoder {
    /** Payloads larger than this are refused unread. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Samples in one message past this are counted too large and skipped. */
    public static final int MAX_SAMPLES_PER_MESSAGE = 1000;

    private static final Placement[] PLACEMENTS = Placement.values();
    /** The placements' names as codes ({@link JsonScanner#codeOf}), for the ones short enough to have one. */
    private static final long[] PLACEMENT_CODES = new long[PLACEMENTS.length];

    static {
        for (Placement p : PLACEMENTS) {
            PLACEMENT_CODES[p.ordinal()] = JsonScanner.codeOf(p.traceName());
        }
    }

    // The keys of §3.2 as codes: read as one long and compared whole.
    private static final long CODE_T = JsonScanner.codeOf("t");
    private static final long CODE_T0 = JsonScanner.codeOf("t0");
    private static final long CODE_T_US = JsonScanner.codeOf("t_us");
    private static final long CODE_T0_US = JsonScanner.codeOf("t0_us");
    private static final long CODE_A = JsonScanner.codeOf("a");
    private static final long CODE_A_UNIT = JsonScanner.codeOf("a_unit");
    private static final long CODE_G = JsonScanner.codeOf("g");
    private static final long CODE_G_UNIT = JsonScanner.codeOf("g_unit");
    private static final long CODE_M = JsonScanner.codeOf("m");
    private static final long CODE_SENSOR = JsonScanner.codeOf("sensor");
    private static final long CODE_SEQ = JsonScanner.codeOf("seq");
    private static final long CODE_SEQ0 = JsonScanner.codeOf("seq0");
    private static final long CODE_ROWS = JsonScanner.codeOf("rows");
    /** The ASCII lower-case bit of every byte: ORed into a code of letters, it folds their case. */
    private static final long CASE_BITS = 0x2020202020202020L;

    private static final int KEY_OTHER = 0;
    private static final int KEY_T = 1;
    private static final int KEY_T_US = 2;
    private static final int KEY_A = 3;
    private static final int KEY_G = 4;
    private static final int KEY_M = 5;
    private static final int KEY_SENSOR = 6;
    private static final int KEY_SEQ = 7;
    private static final int KEY_A_UNIT = 8;
    private static final int KEY_G_UNIT = 9;
    private static final int KEY_ROWS = 10;

    private final JsonScanner in = new JsonScanner();
    private final WireCounters counters;
    private final SampleSink sink;
    private final Sample sample = new Sample();
    private final Unwrap[] micros = new Unwrap[Placement.count()];
    private final double[] a = new double[3];
    private final double[] g = new double[3];
    private final double[] m = new double[3];
    private final double[] row = new double[10];
    private long receiveNanos;
    private int samplesInMessage;
    // The last unit names seen and what they mean: a device repeats the same spelling, so
    // it is parsed (with a String) once, not per message.
    private final UnitNames<Units.Accel> accelUnits = new UnitNames<>(Units.Accel::parse, Units.Accel.G.label());
    private final UnitNames<Units.Gyro> gyroUnits = new UnitNames<>(Units.Gyro::parse, Units.Gyro.DEG_PER_S.label());

    // The object being read.
    private double time;
    private boolean timeIsMicros;
    private int sensor;
    private long seq;
    private int aCount;
    private int gCount;
    private int mCount;
    private double accelToG;
    private double gyroToDps;
    private boolean badField;
    private boolean rowsSeen;

    public JsonSampleDecoder(WireCounters counters, SampleSink sink) {
        this.counters = counters;
        this.sink = sink;
        for (int i = 0; i < micros.length; i++) {
            micros[i] = new Unwrap(32);
        }
    }

    /** Decodes one message; samples go to the sink before this returns. */
    public void decode(byte[] payload, int from, int to, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        this.samplesInMessage = 0;
        if (to - from > MAX_PAYLOAD_BYTES) {
            counters.add(Outcome.TOO_LARGE);
            return;
        }
        if (compactObject(payload, from, to)) {
            return;
        }
        JsonScanner in = this.in;
        in.reset(payload, from, to);
        try {
            int first = in.peek();
            if (first == '{') {
                object();
            } else if (first == '[') {
                if (!in.openArray()) {
                    do {
                        if (in.peek() == '{') {
                            object();
                        } else {
                            in.skipValue();
                            counters.add(Outcome.MALFORMED);
                        }
                    } while (in.moreElements());
                }
            } else {
                counters.add(Outcome.MALFORMED);
                return;
            }
            if (in.peek() != -1) {
                counters.add(Outcome.MALFORMED); // trailing content after the value
            }
        } catch (JsonScanner.Malformed e) {
            // Not well-formed JSON: the rest of the message is lost.
            counters.add(Outcome.MALFORMED);
        }
    }

    /**
     * Reads the message straight through when it is the common one: one sample object
     * written compactly, as the virtual device and most firmware write it (no blanks, each
     * key known and there once, numbers without an exponent and of at most 18 digits, the
     * sensor named as the protocol writes it, units the device named before). At anything
     * else it returns false having counted and emitted nothing, and the caller reads the
     * whole message again the general way; so this has only to be right when it says true.
     * (The differential test holds both ways to Jackson's reading.) It is one method with the
     * cursor in a local variable, and a one-sample message costs about 135 ns this way
     * against 215 through the scanner (WireDecodeBenchmark.jsonOneSample).
     */
    private boolean compactObject(byte[] b, int from, int to) {
        if (to - from < 2 || b[from] != '{') {
            return false;
        }
        int i = from + 1;
        int seen = 0;
        double t = Double.NaN;
        boolean micros = false;
        int placement = Placement.LUMBAR.ordinal();
        long sequence = SampleSink.NO_SEQUENCE;
        double toG = 1;
        double toDps = 1;
        while (true) {
            if (i >= to || b[i] != '"') {
                return false;
            }
            long code = JsonScanner.codeAt(b, i, to);
            if (code == JsonScanner.NOT_SHORT) {
                return false;
            }
            i += JsonScanner.codeLength(code) + 2;
            if (i >= to || b[i] != ':') {
                return false;
            }
            i++;
            int key = keyOf(code);
            // t and t_us share a bit: with both, which one counts is the general reader's business.
            int bit = 1 << (key == KEY_T_US ? KEY_T : key);
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
            switch (key) {
                case KEY_T, KEY_T_US -> {
                    i = plainNumber(b, i, to);
                    t = number;
                    micros = key == KEY_T_US;
                }
                case KEY_A -> i = plainTriple(b, i, to, a);
                case KEY_G -> i = plainTriple(b, i, to, g);
                case KEY_M -> i = plainTriple(b, i, to, m);
                case KEY_SEQ -> {
                    i = plainNumber(b, i, to);
                    double n = number;
                    if (!(n >= 0 && n == Math.rint(n) && n < 9.0e15)) {
                        return false;
                    }
                    sequence = (long) n;
                }
                case KEY_SENSOR, KEY_A_UNIT, KEY_G_UNIT -> {
                    long value = i < to && b[i] == '"' ? JsonScanner.codeAt(b, i, to) : JsonScanner.NOT_SHORT;
                    if (value == JsonScanner.NOT_SHORT) {
                        return false;
                    }
                    i += JsonScanner.codeLength(value) + 2;
                    if (key == KEY_SENSOR) {
                        placement = exactPlacement(value);
                        if (placement < 0) {
                            return false;
                        }
                    } else if (key == KEY_A_UNIT) {
                        if (value != accelUnits.code || accelUnits.byCode == null) {
                            return false;
                        }
                        toG = accelUnits.byCode.toG;
                    } else {
                        if (value != gyroUnits.code || gyroUnits.byCode == null) {
                            return false;
                        }
                        toDps = gyroUnits.byCode.toDegPerS;
                    }
                }
                default -> {
                    return false; // unknown keys, and rows (a batch)
                }
            }
            if (i < 0 || i >= to) {
                return false;
            }
            byte c = b[i++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return false;
            }
        }
        if (i != to || (seen & REQUIRED) != REQUIRED) {
            return false;
        }
        compactReads++;
        sensor = placement;
        timeIsMicros = micros;
        accelToG = toG;
        gyroToDps = toDps;
        Sample s = readings(a[0], a[1], a[2], g[0], g[1], g[2]);
        s.hasMag = (seen & (1 << KEY_M)) != 0;
        s.mx = m[0];
        s.my = m[1];
        s.mz = m[2];
        emit(t, sequence);
        return true;
    }

    private static final int REQUIRED = (1 << KEY_T) | (1 << KEY_A) | (1 << KEY_G);

    /** The value of the last {@link #plainNumber}. */
    private double number;
    /** Messages read by {@link #compactObject}: for the tests, which check that the quick way is taken. */
    private long compactReads;

    /**
     * Reads a number without an exponent, {@code -?(0|[1-9][0-9]*)(.[0-9]+)?} of at most 18
     * digits, from {@code i}: its value goes to {@link #number} and the index after it is
     * returned; -1 for anything else (the general reader then takes the message).
     */
    private int plainNumber(byte[] b, int i, int to) {
        if (i < 0 || i >= to) {
            return -1;
        }
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        long digits = 0;
        int d;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            digits = digits * 10 + d;
            i++;
        }
        int count = i - first;
        if (count == 0 || (count > 1 && b[first] == '0')) {
            return -1;
        }
        int fraction = 0;
        if (i < to && b[i] == '.') {
            int dot = ++i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                digits = digits * 10 + d;
                i++;
            }
            fraction = i - dot;
            if (fraction == 0) {
                return -1;
            }
            count += fraction;
        }
        // An exponent is left where it starts: the caller, expecting , ] or }, gives up there.
        // Past 18 digits, or when one exact operation cannot give the value, this is NaN.
        double value = DecimalParser.exactValue(digits, count, -fraction, negative);
        if (Double.isNaN(value)) {
            return -1;
        }
        number = value;
        return i;
    }

    /** Reads {@code [n,n,n]} of plain numbers into {@code into}; the index after it, or -1. */
    private int plainTriple(byte[] b, int i, int to, double[] into) {
        for (int k = 0; k < 3; k++) {
            if (i >= to || b[i] != (k == 0 ? '[' : ',')) {
                return -1;
            }
            i = plainNumber(b, i + 1, to);
            if (i < 0) {
                return -1;
            }
            into[k] = number;
        }
        return i < to && b[i] == ']' ? i + 1 : -1;
    }

    /** The ordinal of the placement a code names exactly as the protocol writes it; -1 for none. */
    private static int exactPlacement(long code) {
        for (int k = 0; k < PLACEMENT_CODES.length; k++) {
            if (PLACEMENT_CODES[k] == code) {
                return k;
            }
        }
        return -1;
    }

    /** How many messages were read the quick way (see {@link #compactObject}); for tests. */
    long compactReads() {
        return compactReads;
    }

    private void object() throws JsonScanner.Malformed {
        time = Double.NaN;
        timeIsMicros = false;
        sensor = Placement.LUMBAR.ordinal();
        seq = SampleSink.NO_SEQUENCE;
        aCount = -1;
        gCount = -1;
        mCount = -1;
        accelToG = 1;
        gyroToDps = 1;
        badField = false;
        rowsSeen = false;
        Outcome fieldProblem = null;
        JsonScanner in = this.in;
        if (!in.openObject()) {
            do {
                switch (key()) {
                    case KEY_T -> time = numberOrSkip();
                    case KEY_T_US -> {
                        time = numberOrSkip();
                        timeIsMicros = true;
                    }
                    case KEY_A -> {
                        aCount = triple(a);
                        badField |= aCount == -2;
                    }
                    case KEY_G -> {
                        gCount = triple(g);
                        badField |= gCount == -2;
                    }
                    case KEY_M -> {
                        mCount = triple(m);
                        badField |= mCount == -2;
                    }
                    case KEY_SENSOR -> {
                        Placement pl = placement();
                        if (pl == null) {
                            fieldProblem = Outcome.BAD_SENSOR;
                        } else {
                            sensor = pl.ordinal();
                        }
                    }
                    case KEY_SEQ -> {
                        double s = numberOrSkip();
                        if (s >= 0 && s == Math.rint(s) && s < 9.0e15) {
                            seq = (long) s;
                        } else {
                            badField = true;
                        }
                    }
                    case KEY_A_UNIT -> {
                        Units.Accel u = accelUnits.next(in);
                        if (u == null) {
                            badField = true;
                        } else {
                            accelToG = u.toG;
                        }
                    }
                    case KEY_G_UNIT -> {
                        Units.Gyro u = gyroUnits.next(in);
                        if (u == null) {
                            badField = true;
                        } else {
                            gyroToDps = u.toDegPerS;
                        }
                    }
                    case KEY_ROWS -> rows(fieldProblem);
                    default -> in.skipValue();
                }
            } while (in.moreMembers());
        }
        if (rowsSeen) {
            return;
        }
        if (fieldProblem != null) {
            counters.add(fieldProblem);
            return;
        }
        if (badField) {
            counters.add(Outcome.MALFORMED);
            return;
        }
        if (Double.isNaN(time) || aCount < 0 || gCount < 0) {
            counters.add(Outcome.MISSING_FIELD);
            return;
        }
        if (aCount != 3 || gCount != 3 || (mCount >= 0 && mCount != 3)) {
            counters.add(Outcome.MALFORMED);
            return;
        }
        Sample s = readings(a[0], a[1], a[2], g[0], g[1], g[2]);
        s.hasMag = mCount == 3;
        s.mx = m[0];
        s.my = m[1];
        s.mz = m[2];
        emit(time, seq);
    }

    /**
     * Reads the key of the next member and its ':', and tells which key of §3.2 it is
     * ({@link #KEY_OTHER} for any other): by its code, so one long compared per candidate,
     * first told apart by the first character. An escaped key ({@code "\u0074"}) is read
     * the long way and then coded the same. ({@code t0}, {@code t0_us} and {@code seq0} are
     * the batch's names of {@code t}, {@code t_us} and {@code seq}.)
     */
    private int key() throws JsonScanner.Malformed {
        JsonScanner in = this.in;
        long code = in.shortString();
        if (code == JsonScanner.NOT_SHORT) {
            in.key();
            code = in.textCode();
        } else {
            in.colon();
        }
        return keyOf(code);
    }

    /** Which key of §3.2 a code stands for; {@link #KEY_OTHER} for any other. */
    private static int keyOf(long code) {
        return switch ((int) code & 0xFF) {
            case 't' -> code == CODE_T || code == CODE_T0 ? KEY_T : code == CODE_T_US || code == CODE_T0_US ? KEY_T_US
                    : KEY_OTHER;
            case 'a' -> code == CODE_A ? KEY_A : code == CODE_A_UNIT ? KEY_A_UNIT : KEY_OTHER;
            case 'g' -> code == CODE_G ? KEY_G : code == CODE_G_UNIT ? KEY_G_UNIT : KEY_OTHER;
            case 'm' -> code == CODE_M ? KEY_M : KEY_OTHER;
            case 's' -> code == CODE_SENSOR ? KEY_SENSOR : code == CODE_SEQ || code == CODE_SEQ0 ? KEY_SEQ : KEY_OTHER;
            case 'r' -> code == CODE_ROWS ? KEY_ROWS : KEY_OTHER;
            default -> KEY_OTHER;
        };
    }

    /** Reads the next value: true when it was a string (then the scanner's text), false when it was anything else (skipped). */
    private boolean stringValue() throws JsonScanner.Malformed {
        if (in.peek() != '"') {
            in.skipValue();
            return false;
        }
        in.string();
        return true;
    }

    /**
     * The placement the next value names, or null when it names none or is not a string.
     * The names as written in the protocol are matched first, then with case folded.
     */
    private Placement placement() throws JsonScanner.Malformed {
        long code = in.shortString();
        if (code == JsonScanner.NOT_SHORT) {
            return stringValue() ? placementOfText() : null;
        }
        for (int i = 0; i < PLACEMENT_CODES.length; i++) {
            if (PLACEMENT_CODES[i] == code) {
                return PLACEMENTS[i];
            }
        }
        // Only letters fold onto the (all-letter) names, so ORing the case bit into the
        // string's own bytes is ASCII case-insensitive comparison.
        long folded = code | (CASE_BITS & lengthMask(code));
        for (int i = 0; i < PLACEMENT_CODES.length; i++) {
            if (PLACEMENT_CODES[i] == folded) {
                return PLACEMENTS[i];
            }
        }
        return null;
    }

    /** The bytes of a code that hold its chars (all of them are non-zero). */
    private static long lengthMask(long code) {
        int bytes = JsonScanner.codeLength(code);
        return bytes == 8 ? -1L : (1L << (bytes << 3)) - 1;
    }

    /** The placement named by the last (long, escaped or non-ASCII) string read; names as written first. */
    private Placement placementOfText() {
        for (Placement p : PLACEMENTS) {
            if (in.textIs(p.traceName())) {
                return p;
            }
        }
        return Placement.fromTraceName(in.text());
    }

    /**
     * The last unit name a device sent and what it means, so that a name repeated in every
     * message is parsed (with Strings) only when it changes: by its code when it has one,
     * else by its text.
     */
    private static final class UnitNames<U> {
        private final Function<String, U> parse;
        private long code;
        private U byCode;
        private String name;
        private U byName;

        /** Starts knowing {@code usual}, the name most devices send. */
        UnitNames(Function<String, U> parse, String usual) {
            this.parse = parse;
            this.code = JsonScanner.codeOf(usual);
            this.byCode = parse.apply(usual);
            this.name = usual;
            this.byName = byCode;
        }

        /** The unit the next value names; null when it is not a string or names no unit of this kind. */
        U next(JsonScanner in) throws JsonScanner.Malformed {
            long c = in.shortString();
            if (c != JsonScanner.NOT_SHORT) {
                if (c != code) {
                    code = c;
                    byCode = parse.apply(JsonScanner.stringOf(c));
                }
                return byCode;
            }
            if (in.peek() != '"') {
                in.skipValue();
                return null;
            }
            in.string();
            if (!in.textIs(name)) {
                name = in.textString();
                byName = in.textKept() ? parse.apply(name) : null;
            }
            return byName;
        }
    }

    /** The reused sample with the accelerometer and gyroscope readings in engine units. */
    private Sample readings(double ax, double ay, double az, double gx, double gy, double gz) {
        Sample s = sample;
        s.ax = ax * accelToG;
        s.ay = ay * accelToG;
        s.az = az * accelToG;
        s.gx = gx * gyroToDps;
        s.gy = gy * gyroToDps;
        s.gz = gz * gyroToDps;
        return s;
    }

    private void rows(Outcome fieldProblem) throws JsonScanner.Malformed {
        rowsSeen = true;
        JsonScanner in = this.in;
        if (in.peek() != '[') {
            in.skipValue();
            counters.add(Outcome.MALFORMED);
            return;
        }
        double t0 = time;
        long seq0 = seq;
        long index = 0;
        if (in.openArray()) {
            return;
        }
        do {
            if (in.peek() != '[') {
                in.skipValue();
                counters.add(Outcome.MALFORMED);
                continue;
            }
            int n = 0;
            boolean bad = false;
            if (!in.openArray()) {
                do {
                    boolean numeric = in.atNumber();
                    double d = numberOrSkip();
                    if (n < row.length) {
                        row[n] = d;
                    }
                    n++;
                    bad |= !numeric;
                } while (in.moreElements());
            }
            long rowSeq = seq0 < 0 ? SampleSink.NO_SEQUENCE : seq0 + index;
            index++;
            if (fieldProblem != null) {
                counters.add(fieldProblem);
            } else if (badField || bad || (n != 7 && n != 10)) {
                counters.add(Outcome.MALFORMED);
            } else if (Double.isNaN(t0)) {
                counters.add(Outcome.MISSING_FIELD);
            } else {
                Sample s = readings(row[1], row[2], row[3], row[4], row[5], row[6]);
                s.hasMag = n == 10;
                s.mx = n == 10 ? row[7] : 0;
                s.my = n == 10 ? row[8] : 0;
                s.mz = n == 10 ? row[9] : 0;
                emit(t0 + row[0], rowSeq);
            }
        } while (in.moreElements());
    }

    private void emit(double t, long sequence) {
        if (++samplesInMessage > MAX_SAMPLES_PER_MESSAGE) {
            counters.add(Outcome.TOO_LARGE);
            return;
        }
        Sample s = sample;
        s.sensor = sensor;
        if (timeIsMicros) {
            if (!(t >= 0 && t < 9.0e15) || t != Math.rint(t)) {
                counters.add(Double.isFinite(t) ? Outcome.OUT_OF_RANGE : Outcome.NON_FINITE);
                return;
            }
            s.timeS = micros[sensor].next((long) t) * 1e-6;
        } else {
            s.timeS = t;
        }
        s.receiveNanos = receiveNanos;
        Outcome check = SampleLimits.check(s);
        counters.add(check);
        if (check == Outcome.SAMPLE) {
            sink.accept(s, sequence);
        }
    }

    /** The number that comes next; any other value is skipped and gives NaN (the caller decides it is bad). */
    private double numberOrSkip() throws JsonScanner.Malformed {
        if (in.atNumber()) {
            return in.number();
        }
        in.skipValue();
        return Double.NaN;
    }

    /** Reads up to three numbers of an array into {@code into}; returns how many elements the array had, -2 when not an array of numbers. */
    private int triple(double[] into) throws JsonScanner.Malformed {
        JsonScanner in = this.in;
        if (in.peek() != '[') {
            in.skipValue();
            return -2;
        }
        if (in.openArray()) {
            return 0;
        }
        int n = 0;
        boolean bad = false;
        do {
            if (!in.atNumber()) {
                bad = true;
                in.skipValue();
            } else if (n < 3) {
                into[n] = in.number();
            } else {
                in.number();
            }
            n++;
        } while (in.moreElements());
        return bad ? -2 : n;
    }
}
