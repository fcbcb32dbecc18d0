package org.formcoach.bridge.wire;

import java.util.ArrayList;
import java.util.List;

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
}
