package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Crc16Test {
    @Test
    void shouldGiveTheCatalogueCheckValueOfCrc16CcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(check, 0, check.length));
    }

    @Test
    void shouldGiveTheInitialValueForNoBytes() {
        assertEquals(0xFFFF, Crc16.of(new byte[0], 0, 0));
    }

    @Test
    void shouldContinueARunningCrcAcrossChunks() {
        byte[] b = "formcoach binary frame".getBytes(StandardCharsets.US_ASCII);
        int whole = Crc16.of(b, 0, b.length);
        assertEquals(whole, Crc16.update(Crc16.of(b, 0, 7), b, 7, b.length));
    }

    @Test
    void shouldMatchTheWorkedExampleInTheProtocolDocument() {
        // docs/protocols.md §2.6: the IMU packet of the worked example, CRC over its 20 bytes.
        byte[] packet = hex("01 00 07 00 40 42 0F 00 00 00 00 00 00 10 0A 00 EC FF 00 00");
        assertEquals(WorkedExample.CRC, Crc16.of(packet, 0, packet.length));
    }

    static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
