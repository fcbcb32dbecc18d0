package org.formcoach.bridge.wire;

import java.nio.charset.StandardCharsets;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/**
 * Reads the binary protocol ({@link BinaryProtocol}) from a byte stream fed in any chunks:
 * collects bytes up to each 0x00 delimiter, COBS-decodes, checks the CRC, and turns IMU
 * packets into samples in engine units using the scales of the sensor's last hello (or the
 * defaults). The 32-bit microsecond clock and the 16-bit sequence number are unwrapped per
 * sensor. Every frame ends in one {@link Outcome}; nothing here throws on bad bytes and
 * nothing allocates per frame (a hello with a new device name makes one String).
 *
 * <p>One instance per device (it holds that device's clocks and scales); one thread.
 */
public final class BinaryFrameDecoder {
    private final byte[] encoded = new byte[BinaryProtocol.MAX_ENCODED_LENGTH];
    private final byte[] packet = new byte[BinaryProtocol.MAX_PACKET_LENGTH];
    private final Sample sample = new Sample();
    private final WireCounters counters;
    private final SampleSink sink;
    private final double[] accelScale = new double[Placement.count()];
    private final double[] gyroScale = new double[Placement.count()];
    private final double[] magScale = new double[Placement.count()];
    private final int[] rateHz = new int[Placement.count()];
    private final Unwrap[] clocks = new Unwrap[Placement.count()];
    private final Unwrap[] sequences = new Unwrap[Placement.count()];
    private final byte[] nameBytes = new byte[BinaryProtocol.MAX_NAME_LENGTH];
    private int nameLength = -1;
    private String name;
    private int fill;
    private boolean overflowing;
    private long receiveNanos;

    public BinaryFrameDecoder(WireCounters counters, SampleSink sink) {
        this.counters = counters;
        this.sink = sink;
        for (int i = 0; i < clocks.length; i++) {
            accelScale[i] = BinaryProtocol.scale(BinaryProtocol.DEFAULT_ACCEL_RANGE_G);
            gyroScale[i] = BinaryProtocol.scale(BinaryProtocol.DEFAULT_GYRO_RANGE_DPS);
            magScale[i] = BinaryProtocol.scale(BinaryProtocol.DEFAULT_MAG_RANGE_UT);
            clocks[i] = new Unwrap(32);
            sequences[i] = new Unwrap(16);
        }
    }

    /** Feeds bytes as they arrived; samples go to the sink before this returns. */
    public void feed(byte[] bytes, int from, int to, long receiveNanos) {
        this.receiveNanos = receiveNanos;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == 0) {
                if (overflowing) {
                    overflowing = false;
                } else if (fill > 0) {
                    frame(fill);
                }
                fill = 0;
            } else if (!overflowing) {
                if (fill == encoded.length) {
                    counters.add(Outcome.TOO_LONG);
                    overflowing = true;
                    fill = 0;
                } else {
                    encoded[fill++] = b;
                }
            }
        }
    }

    /** Drops a partial frame (the link was lost; what follows is a new stream). */
    public void resync() {
        fill = 0;
        overflowing = false;
    }

    /** The device name from the last hello, or null. */
    public String deviceName() {
        return name;
    }

    /** The nominal rate of a sensor from its hello, or 0 when not announced. */
    public int rateHz(int sensor) {
        return rateHz[sensor];
    }

    private void frame(int encodedLength) {
        int n = Cobs.decode(encoded, 0, encodedLength, packet);
        if (n < 0) {
            counters.add(Outcome.LOST_SYNC);
            return;
        }
        if (n < 3) {
            counters.add(Outcome.TRUNCATED);
            return;
        }
        int crc = BinaryProtocol.u16(packet, n - 2);
        if (Crc16.of(packet, 0, n - 2) != crc) {
            counters.add(Outcome.BAD_CRC);
            return;
        }
        int type = packet[0] & 0xFF;
        switch (type) {
            case BinaryProtocol.TYPE_IMU -> imu(n, BinaryProtocol.IMU_LENGTH, false);
            case BinaryProtocol.TYPE_IMU_MAG -> imu(n, BinaryProtocol.IMU_MAG_LENGTH, true);
            case BinaryProtocol.TYPE_HELLO -> hello(n);
            default -> counters.add(Outcome.UNKNOWN_TYPE);
        }
    }

    private void imu(int n, int expected, boolean withMag) {
        if (n != expected) {
            counters.add(n < expected ? Outcome.TRUNCATED : Outcome.TOO_LONG);
            return;
        }
        int sensor = packet[1] & 0xFF;
        if (sensor >= Placement.count()) {
            counters.add(Outcome.BAD_SENSOR);
            return;
        }
        long seq = sequences[sensor].next(BinaryProtocol.u16(packet, 2));
        long timeUs = clocks[sensor].next(BinaryProtocol.u32(packet, 4));
        double a = accelScale[sensor];
        double g = gyroScale[sensor];
        Sample s = sample;
        s.timeS = timeUs * 1e-6;
        s.sensor = sensor;
        s.ax = BinaryProtocol.i16(packet, 8) * a;
        s.ay = BinaryProtocol.i16(packet, 10) * a;
        s.az = BinaryProtocol.i16(packet, 12) * a;
        s.gx = BinaryProtocol.i16(packet, 14) * g;
        s.gy = BinaryProtocol.i16(packet, 16) * g;
        s.gz = BinaryProtocol.i16(packet, 18) * g;
        s.hasMag = withMag;
        if (withMag) {
            double m = magScale[sensor];
            s.mx = BinaryProtocol.i16(packet, 20) * m;
            s.my = BinaryProtocol.i16(packet, 22) * m;
            s.mz = BinaryProtocol.i16(packet, 24) * m;
        } else {
            s.mx = 0;
            s.my = 0;
            s.mz = 0;
        }
        s.receiveNanos = receiveNanos;
        Outcome check = SampleLimits.check(s);
        counters.add(check);
        if (check == Outcome.SAMPLE) {
            sink.accept(s, seq);
        }
    }

    private void hello(int n) {
        if (n < BinaryProtocol.HELLO_FIXED_LENGTH) {
            counters.add(Outcome.TRUNCATED);
            return;
        }
        int nameLen = packet[11] & 0xFF;
        int expected = BinaryProtocol.HELLO_FIXED_LENGTH + nameLen;
        if (nameLen > BinaryProtocol.MAX_NAME_LENGTH || n != expected) {
            counters.add(n < expected ? Outcome.TRUNCATED : Outcome.TOO_LONG);
            return;
        }
        int sensor = packet[1] & 0xFF;
        if (sensor >= Placement.count()) {
            counters.add(Outcome.BAD_SENSOR);
            return;
        }
        int accelRange = BinaryProtocol.u16(packet, 3);
        int gyroRange = BinaryProtocol.u16(packet, 5);
        int magRange = BinaryProtocol.u16(packet, 7);
        if (accelRange == 0 || gyroRange == 0) {
            counters.add(Outcome.OUT_OF_RANGE);
            return;
        }
        accelScale[sensor] = BinaryProtocol.scale(accelRange);
        gyroScale[sensor] = BinaryProtocol.scale(gyroRange);
        if (magRange > 0) {
            magScale[sensor] = BinaryProtocol.scale(magRange);
        }
        rateHz[sensor] = BinaryProtocol.u16(packet, 9);
        if (nameLen > 0 && !sameName(nameLen)) {
            System.arraycopy(packet, 12, nameBytes, 0, nameLen);
            nameLength = nameLen;
            name = new String(nameBytes, 0, nameLen, StandardCharsets.US_ASCII);
        }
        counters.add(Outcome.HELLO);
    }

    private boolean sameName(int len) {
        if (len != nameLength) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (nameBytes[i] != packet[12 + i]) {
                return false;
            }
        }
        return true;
    }
}
