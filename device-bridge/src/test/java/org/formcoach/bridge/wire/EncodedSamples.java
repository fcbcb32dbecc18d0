package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/** What the encoder tests share: samples to write, and the resolution they must come back to. */
final class EncodedSamples {
    private EncodedSamples() {
    }

    /** A sample for an encoder to write: readings of about 1 g and 200 deg/s, at random. */
    static Sample random(Random random, double timeS, Placement placement) {
        Sample s = new Sample();
        s.timeS = timeS;
        s.sensor = placement.ordinal();
        s.ax = random.nextGaussian();
        s.ay = random.nextGaussian();
        s.az = random.nextGaussian();
        s.gx = random.nextGaussian() * 200;
        s.gy = random.nextGaussian() * 200;
        s.gz = random.nextGaussian() * 200;
        return s;
    }

    /** The decoded sample equals the one written to the encoders' resolution: 1 µs, 10 µg, 0.1 mdeg/s. */
    static void assertReadBack(Sample sent, Sample read) {
        assertEquals(sent.timeS, read.timeS, 0.5e-6);
        assertEquals(sent.sensor, read.sensor);
        assertEquals(sent.ax, read.ax, 0.5e-5);
        assertEquals(sent.ay, read.ay, 0.5e-5);
        assertEquals(sent.az, read.az, 0.5e-5);
        assertEquals(sent.gx, read.gx, 0.5e-4);
        assertEquals(sent.gy, read.gy, 0.5e-4);
        assertEquals(sent.gz, read.gz, 0.5e-4);
    }
}
