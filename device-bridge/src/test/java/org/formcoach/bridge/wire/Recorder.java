package org.formcoach.bridge.wire;

import java.util.ArrayList;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/** A sink that keeps copies of what a decoder emits. */
final class Recorder implements SampleSink {
    final List<Sample> samples = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();

    @Override
    public void accept(Sample sample, long sequence) {
        Sample copy = new Sample();
        copy.copyFrom(sample);
        samples.add(copy);
        sequences.add(sequence);
    }

    /** A sample for an encoder to write: readings of about 1 g and 200 deg/s, at random. */
    static Sample randomSample(java.util.Random random, double timeS, Placement placement) {
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
}
