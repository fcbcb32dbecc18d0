package org.formcoach.bridge.wire;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.sample.Units;

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
    private String accelUnitName = "g";
    private Units.Accel accelUnit = Units.Accel.G;
    private String gyroUnitName = "deg/s";
    private Units.Gyro gyroUnit = Units.Gyro.DEG_PER_S;

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
                in.key();
                switch (keyRead()) {
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
                        Placement pl = stringValue() ? placement() : null;
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
                        Units.Accel u = accelUnit();
                        if (u == null) {
                            badField = true;
                        } else {
                            accelToG = u.toG;
                        }
                    }
                    case KEY_G_UNIT -> {
                        Units.Gyro u = gyroUnit();
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
     * Which key of §3.2 the string just read is, {@link #KEY_OTHER} for any other: told
     * apart by length and first character, then compared whole. ({@code t0}, {@code t0_us}
     * and {@code seq0} are the batch's names of {@code t}, {@code t_us} and {@code seq}.)
     */
    private int keyRead() {
        JsonScanner in = this.in;
        return switch (in.textLength()) {
            case 1 -> switch (in.textChar(0)) {
                case 't' -> KEY_T;
                case 'a' -> KEY_A;
                case 'g' -> KEY_G;
                case 'm' -> KEY_M;
                default -> KEY_OTHER;
            };
            case 2 -> in.textIs("t0") ? KEY_T : KEY_OTHER;
            case 3 -> in.textIs("seq") ? KEY_SEQ : KEY_OTHER;
            case 4 -> in.textIs("t_us") ? KEY_T_US : in.textIs("seq0") ? KEY_SEQ : in.textIs("rows") ? KEY_ROWS : KEY_OTHER;
            case 5 -> in.textIs("t0_us") ? KEY_T_US : KEY_OTHER;
            case 6 -> switch (in.textChar(0)) {
                case 's' -> in.textIs("sensor") ? KEY_SENSOR : KEY_OTHER;
                case 'a' -> in.textIs("a_unit") ? KEY_A_UNIT : KEY_OTHER;
                case 'g' -> in.textIs("g_unit") ? KEY_G_UNIT : KEY_OTHER;
                default -> KEY_OTHER;
            };
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

    /** The placement the string just read names, or null; the names as written in the protocol are matched first, without case folding. */
    private Placement placement() {
        for (Placement p : PLACEMENTS) {
            if (in.textIs(p.traceName())) {
                return p;
            }
        }
        return Placement.fromTraceName(in.text());
    }

    /** The unit the next value names; null when it is not a string naming an accelerometer unit. */
    private Units.Accel accelUnit() throws JsonScanner.Malformed {
        if (!stringValue()) {
            return null;
        }
        if (!in.textIs(accelUnitName)) {
            accelUnitName = in.textString();
            accelUnit = in.textKept() ? Units.Accel.parse(accelUnitName) : null;
        }
        return accelUnit;
    }

    /** The unit the next value names; null when it is not a string naming a gyroscope unit. */
    private Units.Gyro gyroUnit() throws JsonScanner.Malformed {
        if (!stringValue()) {
            return null;
        }
        if (!in.textIs(gyroUnitName)) {
            gyroUnitName = in.textString();
            gyroUnit = in.textKept() ? Units.Gyro.parse(gyroUnitName) : null;
        }
        return gyroUnit;
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
