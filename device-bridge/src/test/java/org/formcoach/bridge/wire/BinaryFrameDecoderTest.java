package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

class BinaryFrameDecoderTest {
    private final WireCounters counters = new WireCounters();
    private final Recorder out = new Recorder();
    private final BinaryFrameDecoder decoder = new BinaryFrameDecoder(counters, out);
    private final BinaryProtocol.Writer writer = new BinaryProtocol.Writer();

    @Test
    void shouldEncodeTheWorkedExampleByteForByte() {
        writer.imu(0, 7, 1_000_000L, (short) 0, (short) 0, BinaryProtocol.toRaw(1, 8), BinaryProtocol.toRaw(0.3, 1000),
                BinaryProtocol.toRaw(-0.6, 1000), (short) 0);
        assertArrayEquals(Crc16Test.hex(WorkedExample.FRAME), writer.toFrame());
    }

    @Test
    void shouldDecodeTheWorkedExampleIntoEngineUnits() {
        feed(Crc16Test.hex(WorkedExample.FRAME));
        assertEquals(1, out.samples.size());
        Sample s = out.samples.get(0);
        assertEquals(1.0, s.timeS, 1e-12);
        assertEquals(Placement.SACRUM.ordinal(), s.sensor);
        assertEquals(1.0, s.az, 1e-12);
        assertEquals(10 * 1000 / 32768.0, s.gx, 1e-12);
        assertEquals(-20 * 1000 / 32768.0, s.gy, 1e-12);
        assertEquals(7L, out.sequences.get(0));
    }

    @Test
    void shouldUseTheScalesTheHelloAnnounces() {
        feed(writer.hello(1, 2, 250, 0, 50, "belt-01").toFrame());
        feed(writer.imu(1, 0, 0, (short) 16384, (short) 0, (short) 0, (short) 16384, (short) 0, (short) 0).toFrame());
        assertEquals(1.0, out.samples.get(0).ax, 1e-12, "half of ±2 g");
        assertEquals(125.0, out.samples.get(0).gx, 1e-12, "half of ±250 deg/s");
        assertEquals("belt-01", decoder.deviceName());
        assertEquals(50, decoder.rateHz(1));
        assertEquals(1, counters.get(Outcome.HELLO));
    }

    @Test
    void shouldUnwrapTheMicrosecondClockAndTheSequenceNumber() {
        long nearWrap = 0xFFFFFFFFL - 5_000; // 5 ms before the 32-bit clock wraps
        feed(imuFrame(0xFFFF, nearWrap));
        feed(imuFrame(0, nearWrap + 10_000 - 0x1_0000_0000L));
        assertEquals(0.010, out.samples.get(1).timeS - out.samples.get(0).timeS, 1e-9);
        assertEquals(1L, out.sequences.get(1) - out.sequences.get(0));
    }

    @Test
    void shouldCountABadCrcAndDecodeTheNextFrame() {
        byte[] good = imuFrame(1, 1000);
        byte[] bad = good.clone();
        bad[6] ^= 0x10;
        feed(bad);
        feed(good);
        assertEquals(1, counters.get(Outcome.BAD_CRC));
        assertEquals(1, out.samples.size());
    }

    @Test
    void shouldResynchroniseAfterJoiningMidFrame() {
        byte[] f = imuFrame(1, 1000);
        feed(java.util.Arrays.copyOfRange(f, 9, f.length)); // the tail of a frame
        feed(imuFrame(2, 11_000));
        assertEquals(1, out.samples.size());
        assertEquals(1, counters.total() - counters.get(Outcome.SAMPLE), "one bad unit for the tail");
    }

    @Test
    void shouldDecodeAcrossArbitraryChunkBoundaries() {
        byte[] f = imuFrame(3, 3000);
        for (int i = 0; i < f.length; i++) {
            decoder.feed(f, i, i + 1, 0);
        }
        assertEquals(1, out.samples.size());
    }

    @Test
    void shouldCountTooLongGarbageOnceAndResync() {
        byte[] garbage = new byte[500];
        java.util.Arrays.fill(garbage, (byte) 0x55);
        feed(garbage);
        feed(new byte[]{0});
        feed(imuFrame(4, 4000));
        assertEquals(1, counters.get(Outcome.TOO_LONG));
        assertEquals(1, out.samples.size());
    }

    @Test
    void shouldRejectAnUnknownSensorAndAHostCommand() {
        feed(writer.imu(7, 0, 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0).toFrame());
        feed(writer.alert(org.formcoach.engine.coach.Fault.HIP_SAG, org.formcoach.engine.coach.Severity.WARN, 1, 0)
                .toFrame());
        assertEquals(1, counters.get(Outcome.BAD_SENSOR));
        assertEquals(1, counters.get(Outcome.UNKNOWN_TYPE));
        assertEquals(0, out.samples.size());
    }

    @Test
    void shouldCountATruncatedPacketWithAValidCrc() {
        byte[] shortPacket = {BinaryProtocol.TYPE_IMU, 0, 1, 0};
        feed(writer.raw(shortPacket, 0, shortPacket.length).toFrame());
        assertEquals(1, counters.get(Outcome.TRUNCATED));
    }

    private byte[] imuFrame(int seq, long us) {
        return writer.imu(0, seq, us & 0xFFFFFFFFL, (short) 0, (short) 0, (short) 4096, (short) 0, (short) 0, (short) 0)
                .toFrame();
    }

    private void feed(byte[] b) {
        decoder.feed(b, 0, b.length, 0);
    }
}
