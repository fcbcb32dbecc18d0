package org.formcoach.bridge.wire;

/**
 * The worked example of docs/protocols.md §2.6, kept in one place so the document and the
 * tests cannot drift apart: sensor sacrum, seq 7, t = 1.000000 s, a = (0, 0, 1 g) at ±8 g,
 * g = (0.3, -0.6, 0) deg/s at ±1000 deg/s.
 */
final class WorkedExample {
    /** CRC-16/CCITT-FALSE of the 20-byte packet. */
    static final int CRC = 0xF689;
    /** The frame on the wire, delimiter included. */
    static final String FRAME = "02 01 02 07 04 40 42 0F 01 01 01 01 01 03 10 0A 03 EC FF 01 03 89 F6 00";

    private WorkedExample() {
    }
}
