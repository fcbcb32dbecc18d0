package org.formcoach.bridge.wire;

/**
 * What became of one unit of input — a binary frame, a text line, one sample of a JSON
 * message — or of a whole message that could not be read at all. Every unit a decoder
 * sees ends in exactly one outcome, so the counters always add up to the units seen.
 */
public enum Outcome {
    /** A sample was decoded and passed on. */
    SAMPLE("samples"),
    /** A binary hello frame: scales, rate and device name taken. */
    HELLO("hello frames"),
    /** A text header line naming the columns. */
    HEADER("header lines"),
    /** A text line starting with '#': ignored on purpose. */
    COMMENT("comment lines"),
    /** A frame whose CRC did not match: bit errors, or a frame cut short and joined to the next. */
    BAD_CRC("bad CRC"),
    /** Bytes that are not valid COBS: the stream was joined mid-frame or a byte was lost. */
    LOST_SYNC("lost sync"),
    /** Shorter than its type needs. */
    TRUNCATED("truncated"),
    /** Longer than its type allows (binary) or than the line limit (text): discarded up to the next delimiter. */
    TOO_LONG("too long"),
    /** A binary frame of a type this bridge does not know, or a host-to-device frame sent to the host. */
    UNKNOWN_TYPE("unknown type"),
    /** A sensor number or name that is not sacrum, lumbar or thoracolumbar. */
    BAD_SENSOR("bad sensor"),
    /** A text line with another number of fields than the columns. */
    WRONG_FIELD_COUNT("wrong field count"),
    /** A field that is not a decimal number (includes "NaN" and "inf" written as text). */
    BAD_NUMBER("bad number"),
    /** A JSON payload that is not well-formed, or not shaped like a sample, batch or array. */
    MALFORMED("malformed"),
    /** A JSON sample without a time or without the accelerometer or gyroscope. */
    MISSING_FIELD("missing field"),
    /** A payload larger than the size limit: refused unread. */
    TOO_LARGE("too large"),
    /** A reading that decodes to NaN or an infinity. */
    NON_FINITE("not finite"),
    /** A reading beyond what any body-worn IMU reports (see {@link SampleLimits}). */
    OUT_OF_RANGE("out of range");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this outcome is bad input (as opposed to a sample or control line taken). */
    public boolean isBad() {
        return ordinal() > COMMENT.ordinal();
    }

    private static final Outcome[] VALUES = values();

    static Outcome ofIndex(int i) {
        return VALUES[i];
    }

    public static int count() {
        return VALUES.length;
    }
}
