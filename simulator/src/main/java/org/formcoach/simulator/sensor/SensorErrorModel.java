package org.formcoach.simulator.sensor;

import java.util.SplittableRandom;

import org.formcoach.engine.sample.Sample;

// PLACEHOLDER: replaced by the sensor/timing work
/** What a real part does to the true readings. This placeholder passes them through. */
public final class SensorErrorModel {
    /** Draws this sensor's turn-on offsets, scale and cross-axis errors from the preset. */
    public SensorErrorModel(SensorPreset preset, double rateHz, SplittableRandom rng) {
    }

    /** Replaces the true readings in s (accel g, gyro deg/s, mag µT when s.hasMag) by what the part reports. */
    public void apply(Sample s) {
    }
}
