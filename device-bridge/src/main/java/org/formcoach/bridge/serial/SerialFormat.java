package org.formcoach.bridge.serial;

/** What a serial device writes: text lines or binary frames (docs/protocols.md §1, §2). */
public enum SerialFormat {
    TEXT,
    BINARY
}
