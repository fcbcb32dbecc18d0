package org.formcoach.simulator.timing;

import java.util.List;
import java.util.SplittableRandom;

import org.formcoach.engine.sample.Sample;

// PLACEHOLDER: replaced by the sensor/timing work
/** Delivers a clean stream as a device would. This placeholder delivers it unchanged. */
public final class TimingFaultInjector {
    public TimingFaultInjector(TimingFaultSpec spec, double rateHz, SplittableRandom rng) {
    }

    /** The device clock reading at a true time (offset + drift). */
    public double deviceTime(double trueTimeS) {
        return trueTimeS;
    }

    /** The clean stream as the device delivers it; appends every injected fault to log. */
    public List<Sample> apply(List<Sample> clean, List<TimingFaultEvent> log) {
        return clean;
    }
}
