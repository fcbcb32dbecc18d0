package org.formcoach.bridge.wire;

import org.formcoach.engine.sample.Sample;

/**
 * Receives decoded samples on the decoding thread. The sample is a reused holder: copy what
 * you keep before returning.
 */
@FunctionalInterface
public interface SampleSink {
    /** Sequence number not sent by the device. */
    long NO_SEQUENCE = -1;

    /**
     * @param sample the reading, in engine units, device time
     * @param sequence the device's sample counter for this sensor, unwrapped to 64 bits, or
     *                 {@link #NO_SEQUENCE}
     */
    void accept(Sample sample, long sequence);
}
