package org.formcoach.bridge.virtual;

/** How a virtual MQTT device packs its samples (docs/protocols.md §3.2). */
public enum MqttPayloadFormat {
    /** One JSON object per message. */
    JSON,
    /** A JSON array of sample objects per message. */
    JSON_ARRAY,
    /** One compact batch object: base time, sequence, rows of offsets and readings. */
    JSON_BATCH,
    /** Binary frames of the serial protocol, the payload starting with 0x00. */
    BINARY
}
