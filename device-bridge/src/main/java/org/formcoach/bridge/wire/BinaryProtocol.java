package org.formcoach.bridge.wire;

import java.nio.charset.StandardCharsets;

import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * The formcoach binary protocol (docs/protocols.md §2): packets protected by a
 * CRC-16/CCITT-FALSE, COBS-encoded, each followed by one 0x00 byte. All multi-byte fields
 * little-endian. This class holds the layout and writes packets; {@link BinaryFrameDecoder}
 * reads them.
 */
public final class BinaryProtocol {
    /** Device → host: one accelerometer + gyroscope reading. */
    public static final int TYPE_IMU = 0x01;
    /** Device → host: accelerometer + gyroscope + magnetometer. */
    public static final int TYPE_IMU_MAG = 0x02;
    /** Device → host: scales, rate and name; at start and every 10 s. */
    public static final int TYPE_HELLO = 0x10;
    /** Host → device: a fault started. */
    public static final int TYPE_ALERT = 0x20;
    /** Host → device: that fault ended. */
    public static final int TYPE_CLEAR = 0x21;

    public static final int PROTOCOL_VERSION = 1;

    /** Packet lengths including the 2-byte CRC. */
    public static final int IMU_LENGTH = 22;
    public static final int IMU_MAG_LENGTH = 28;
    public static final int HELLO_FIXED_LENGTH = 14;
    public static final int ALERT_LENGTH = 11;
    public static final int CLEAR_LENGTH = 10;
    public static final int MAX_NAME_LENGTH = 64;
    /** The longest packet (a hello with a 64-byte name), CRC included. */
    public static final int MAX_PACKET_LENGTH = HELLO_FIXED_LENGTH + MAX_NAME_LENGTH;
    /** The longest encoded frame, delimiter excluded. */
    public static final int MAX_ENCODED_LENGTH = Cobs.maxEncodedLength(MAX_PACKET_LENGTH);

    /** Defaults until a hello says otherwise: ±8 g, ±1000 deg/s, ±4900 µT (biomechanics §7). */
    public static final int DEFAULT_ACCEL_RANGE_G = 8;
    public static final int DEFAULT_GYRO_RANGE_DPS = 1000;
    public static final int DEFAULT_MAG_RANGE_UT = 4900;

    private BinaryProtocol() {
    }

    /** Fault numbers on the wire: 1-based {@link Fault} order. */
    public static int faultCode(Fault fault) {
        return fault.ordinal() + 1;
    }

    /** @return the fault, or null for an unknown code */
    public static Fault faultOf(int code) {
        Fault[] all = Fault.values();
        return code >= 1 && code <= all.length ? all[code - 1] : null;
    }

    public static int severityCode(Severity severity) {
        return severity == Severity.WARN ? 1 : 2;
    }

    /** Raw int16 → engine units: full-scale range / 32768 per count. */
    public static double scale(int range) {
        return range / 32768.0;
    }

    /** Engine units → raw int16, rounded and clamped to the int16 range. */
    public static short toRaw(double value, int range) {
        double raw = Math.rint(value / scale(range));
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, raw));
    }

    // ----- writing packets (devices, virtual devices, alert write-back) -----

    /** A packet builder over a reused buffer; {@link #frame} COBS-encodes it with the CRC and delimiter. */
    public static final class Writer {
        private final byte[] packet = new byte[MAX_PACKET_LENGTH];
        private final byte[] frame = new byte[MAX_ENCODED_LENGTH + 1];
        private int length;

        public Writer imu(int sensor, int seq, long timeUs, short ax, short ay, short az, short gx, short gy, short gz) {
            length = 0;
            u8(TYPE_IMU);
            u8(sensor);
            u16(seq);
            u32(timeUs);
            i16(ax);
            i16(ay);
            i16(az);
            i16(gx);
            i16(gy);
            i16(gz);
            return this;
        }

        public Writer imuMag(int sensor, int seq, long timeUs, short ax, short ay, short az, short gx, short gy,
                             short gz, short mx, short my, short mz) {
            imu(sensor, seq, timeUs, ax, ay, az, gx, gy, gz);
            packet[0] = (byte) TYPE_IMU_MAG;
            i16(mx);
            i16(my);
            i16(mz);
            return this;
        }

        public Writer hello(int sensor, int accelRangeG, int gyroRangeDps, int magRangeUt, int rateHz, String name) {
            byte[] n = name == null ? new byte[0] : name.getBytes(StandardCharsets.US_ASCII);
            if (n.length > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("device name longer than " + MAX_NAME_LENGTH + " bytes");
            }
            length = 0;
            u8(TYPE_HELLO);
            u8(sensor);
            u8(PROTOCOL_VERSION);
            u16(accelRangeG);
            u16(gyroRangeDps);
            u16(magRangeUt);
            u16(rateHz);
            u8(n.length);
            System.arraycopy(n, 0, packet, length, n.length);
            length += n.length;
            return this;
        }

        /** @param timeUs the device time of the sample that raised it (low 32 bits of the device clock) */
        public Writer alert(Fault fault, Severity severity, int seq, long timeUs) {
            length = 0;
            u8(TYPE_ALERT);
            u8(faultCode(fault));
            u8(severityCode(severity));
            u16(seq);
            u32(timeUs);
            return this;
        }

        public Writer clear(Fault fault, int seq, long timeUs) {
            length = 0;
            u8(TYPE_CLEAR);
            u8(faultCode(fault));
            u16(seq);
            u32(timeUs);
            return this;
        }

        /** Any bytes as a packet (tests: unknown types, odd lengths). */
        public Writer raw(byte[] bytes, int from, int to) {
            length = to - from;
            System.arraycopy(bytes, from, packet, 0, length);
            return this;
        }

        /** The packet so far, without CRC (tests). */
        public int packetLength() {
            return length;
        }

        public byte[] packet() {
            return packet;
        }

        /**
         * Appends the CRC, COBS-encodes and adds the 0x00 delimiter.
         *
         * @return the frame's length in {@link #frameBytes()}
         */
        public int frame() {
            int crc = Crc16.of(packet, 0, length);
            packet[length] = (byte) crc;
            packet[length + 1] = (byte) (crc >>> 8);
            int end = Cobs.encode(packet, 0, length + 2, frame, 0);
            frame[end] = 0;
            return end + 1;
        }

        /** The buffer {@link #frame} filled; valid up to the length it returned. */
        public byte[] frameBytes() {
            return frame;
        }

        /** A copy of the framed packet (tests and rare messages). */
        public byte[] toFrame() {
            int n = frame();
            return java.util.Arrays.copyOf(frame, n);
        }

        private void u8(int v) {
            packet[length++] = (byte) v;
        }

        private void u16(int v) {
            packet[length++] = (byte) v;
            packet[length++] = (byte) (v >>> 8);
        }

        private void i16(short v) {
            u16(v);
        }

        private void u32(long v) {
            packet[length++] = (byte) v;
            packet[length++] = (byte) (v >>> 8);
            packet[length++] = (byte) (v >>> 16);
            packet[length++] = (byte) (v >>> 24);
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static short i16(byte[] b, int at) {
        return (short) u16(b, at);
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
