package org.formcoach.bridge.wire;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.sample.Units;
import org.formcoach.engine.util.DecimalParser;

/**
 * The JSON sample decoder as it was, on Jackson's streaming parser: the reference that
 * {@code JsonSampleDecoderDifferentialTest} holds the allocation-free {@link JsonSampleDecoder}
 * to, payload by payload. Two changes from the shipped version, both to what the new decoder
 * does on purpose: a unit given as something other than a string is skipped whole (it used to
 * lose the rest of the message), and a string that is counted as a bad array element, row or rows value is
 * read before it is counted (Jackson reads string tokens lazily, so a broken one used to count
 * twice).
 */
final class JacksonSampleDecoder {
    /** Payloads larger than this are refused unread. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Samples in one message past this are counted too large and skipped. */
    public static final int MAX_SAMPLES_PER_MESSAGE = 1000;

    private static final JsonFactory FACTORY = new JsonFactory();

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

    JacksonSampleDecoder(WireCounters counters, SampleSink sink) {
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
        try (JsonParser p = FACTORY.createParser(payload, from, to - from)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                object(p);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.START_OBJECT) {
                        object(p);
                    } else {
                        if (t == null) {
                            throw new IOException("unterminated array");
                        }
                        readWhole(p, t);
                        counters.add(Outcome.MALFORMED);
                    }
                }
            } else {
                counters.add(Outcome.MALFORMED);
                return;
            }
            if (p.nextToken() != null) {
                counters.add(Outcome.MALFORMED); // trailing content after the value
            }
        } catch (IOException | RuntimeException e) {
            // Not well-formed JSON (or numbers Jackson refuses): the rest of the message is lost.
            counters.add(Outcome.MALFORMED);
        }
    }

    private void object(JsonParser p) throws IOException {
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
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName(); // interned by Jackson's symbol table: no allocation per message
            JsonToken v = p.nextToken();
            switch (key) {
                case "t", "t0" -> time = number(p, v);
                case "t_us", "t0_us" -> {
                    time = number(p, v);
                    timeIsMicros = true;
                }
                case "sensor" -> {
                    if (v == JsonToken.VALUE_STRING) {
                        Placement pl = placement(p);
                        if (pl == null) {
                            fieldProblem = Outcome.BAD_SENSOR;
                        } else {
                            sensor = pl.ordinal();
                        }
                    } else {
                        fieldProblem = Outcome.BAD_SENSOR;
                        p.skipChildren();
                    }
                }
                case "seq", "seq0" -> {
                    double s = number(p, v);
                    if (s >= 0 && s == Math.rint(s) && s < 9.0e15) {
                        seq = (long) s;
                    } else {
                        badField = true;
                    }
                }
                case "a" -> {
                    aCount = triple(p, v, a);
                    badField |= aCount == -2;
                }
                case "g" -> {
                    gCount = triple(p, v, g);
                    badField |= gCount == -2;
                }
                case "m" -> {
                    mCount = triple(p, v, m);
                    badField |= mCount == -2;
                }
                case "a_unit" -> {
                    Units.Accel u = v == JsonToken.VALUE_STRING ? Units.Accel.parse(p.getText()) : null;
                    p.skipChildren();
                    if (u == null) {
                        badField = true;
                    } else {
                        accelToG = u.toG;
                    }
                }
                case "g_unit" -> {
                    Units.Gyro u = v == JsonToken.VALUE_STRING ? Units.Gyro.parse(p.getText()) : null;
                    p.skipChildren();
                    if (u == null) {
                        badField = true;
                    } else {
                        gyroToDps = u.toDegPerS;
                    }
                }
                case "rows" -> rows(p, v, fieldProblem);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("object not closed");
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

    private void rows(JsonParser p, JsonToken v, Outcome fieldProblem) throws IOException {
        rowsSeen = true;
        if (v != JsonToken.START_ARRAY) {
            readWhole(p, v);
            counters.add(Outcome.MALFORMED);
            return;
        }
        double t0 = time;
        long seq0 = seq;
        long index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unterminated rows");
            }
            if (t != JsonToken.START_ARRAY) {
                readWhole(p, t);
                counters.add(Outcome.MALFORMED);
                continue;
            }
            int n = 0;
            boolean bad = false;
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) {
                    throw new IOException("unterminated row");
                }
                double d = number(p, e);
                if (n < row.length) {
                    row[n] = d;
                }
                n++;
                bad |= Double.isNaN(d) && !e.isNumeric();
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
        }
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

    /** A number value; NaN when the token is not a number (the caller decides it is bad). */
    private static double number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            return numberText(p);
        }
        p.skipChildren();
        return Double.NaN;
    }

    /**
     * Parses the number token's characters in place: Jackson's own getDoubleValue makes a
     * String per number. A well-formed JSON number that does not fit a double (1e400) is
     * infinite, so it is counted as not finite rather than malformed.
     */
    private static double numberText(JsonParser p) throws IOException {
        int from = p.getTextOffset();
        double d = DecimalParser.parse(p.getTextCharacters(), from, from + p.getTextLength());
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }

    /** Reads up to three numbers of an array into {@code into}; returns how many elements the array had, -2 when not an array of numbers. */
    private static int triple(JsonParser p, JsonToken v, double[] into) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return -2;
        }
        int n = 0;
        boolean bad = false;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e == null) {
                throw new IOException("unterminated array");
            }
            if (!e.isNumeric()) {
                bad = true;
                p.skipChildren();
            } else if (n < 3) {
                into[n] = numberText(p);
            }
            n++;
        }
        return bad ? -2 : n;
    }

    /** Skips the value that starts with {@code t}, reading a string's text so that a broken one throws now. */
    private static void readWhole(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            p.getText();
        }
        p.skipChildren();
    }

    private static Placement placement(JsonParser p) throws IOException {
        return Placement.fromTraceName(p.getText());
    }
}
