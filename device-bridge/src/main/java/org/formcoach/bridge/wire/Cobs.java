package org.formcoach.bridge.wire;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): re-codes a packet so it
 * holds no 0x00 byte, which then marks the end of each packet on the wire. A receiver that
 * joins mid-stream or loses a byte resynchronises at the next 0x00. Overhead: one byte per
 * started run of 254 non-zero bytes.
 */
public final class Cobs {
    private Cobs() {
    }

    /** The largest encoded size of {@code length} bytes (without the 0x00 delimiter). */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    /**
     * Encodes {@code src[from, to)} into {@code dst} starting at {@code at} (no delimiter).
     *
     * @return the index after the last byte written
     */
    public static int encode(byte[] src, int from, int to, byte[] dst, int at) {
        int codeIndex = at++;
        int code = 1;
        for (int i = from; i < to; i++) {
            byte b = src[i];
            if (b != 0) {
                dst[at++] = b;
                code++;
            }
            if (b == 0 || code == 0xFF) {
                dst[codeIndex] = (byte) code;
                code = 1;
                codeIndex = at++;
            }
        }
        dst[codeIndex] = (byte) code;
        return at;
    }

    /**
     * Decodes {@code src[from, to)} (one packet, without its delimiter) into {@code dst}.
     *
     * @return the decoded length, or -1 when the bytes are not valid COBS (a zero byte, or a
     *         code that runs past the end) or the result would not fit in {@code dst}
     */
    public static int decode(byte[] src, int from, int to, byte[] dst) {
        int out = 0;
        int i = from;
        while (i < to) {
            int code = src[i++] & 0xFF;
            if (code == 0) {
                return -1;
            }
            int end = i + code - 1;
            if (end > to || out + (code - 1) > dst.length) {
                return -1;
            }
            while (i < end) {
                byte b = src[i++];
                if (b == 0) {
                    return -1;
                }
                dst[out++] = b;
            }
            if (code < 0xFF && i < to) {
                if (out >= dst.length) {
                    return -1;
                }
                dst[out++] = 0;
            }
        }
        return out;
    }
}
