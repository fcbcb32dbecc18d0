package org.formcoach.bridge.wire;

/**
 * CRC-16/CCITT-FALSE (also called CRC-16/IBM-3740): polynomial 0x1021, initial value
 * 0xFFFF, no reflection of input or output, no final XOR. The check value of the ASCII
 * bytes "123456789" is 0x29B1. Table driven; no allocation.
 */
public final class Crc16 {
    public static final int INITIAL = 0xFFFF;
    private static final int POLYNOMIAL = 0x1021;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code bytes[from, to)}. */
    public static int of(byte[] bytes, int from, int to) {
        return update(INITIAL, bytes, from, to);
    }

    /** Continues a running CRC over more bytes. */
    public static int update(int crc, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
