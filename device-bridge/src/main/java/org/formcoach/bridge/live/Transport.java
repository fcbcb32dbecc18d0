package org.formcoach.bridge.live;

import java.time.Duration;

/** A source of devices: a serial port, an MQTT connection. */
public interface Transport extends AutoCloseable {
    /** Starts the I/O threads; returns at once (connecting goes on in the background). */
    void start(Ingest ingest);

    /** Stops within about {@code timeout}; never hangs on a dead link. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(2));
    }

    /** "serial /dev/ttyUSB0", "mqtt tcp://127.0.0.1:1883". */
    String describe();
}
