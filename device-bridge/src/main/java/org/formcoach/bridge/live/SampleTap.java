package org.formcoach.bridge.live;

import org.formcoach.engine.sample.Sample;

/**
 * Sees every sample a device's coach is given, as the engine runs it (on the engine
 * thread or on a transport thread coaching inline, one at a time: see {@link EngineLoop}):
 * just before the coach (a recorder writes the sample, a guided workout switches exercise
 * at a planned time) and just after (a live view reads the coach's state). Runs once per sample on the hot path:
 * it must not block and should not allocate. It may call the device's coach (switch
 * exercise, recalibrate) — whoever runs the engine owns it.
 *
 * <p>Samples the clock checks reject (duplicates, time going backwards) never reach a tap.
 */
public interface SampleTap {
    /** Before {@code device.coach()} sees {@code sample}. */
    default void beforeCoach(CoachedDevice device, Sample sample) {
    }

    /** After {@code device.coach()} has taken {@code sample} (and emitted its events). */
    default void afterCoach(CoachedDevice device, Sample sample) {
    }

    SampleTap NONE = new SampleTap() {
    };

    /** Both taps, in order. */
    static SampleTap both(SampleTap first, SampleTap second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new SampleTap() {
            @Override
            public void beforeCoach(CoachedDevice device, Sample sample) {
                first.beforeCoach(device, sample);
                second.beforeCoach(device, sample);
            }

            @Override
            public void afterCoach(CoachedDevice device, Sample sample) {
                first.afterCoach(device, sample);
                second.afterCoach(device, sample);
            }
        };
    }
}
