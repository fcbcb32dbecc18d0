package org.formcoach.bridge.live;

import org.formcoach.bridge.session.SampleChecks;
import org.formcoach.engine.coach.Coach;

/**
 * One device as the engine coaches it: who it is, its {@link Coach}, and its stream's
 * clock-check counters. Handed to {@link SampleTap}s; touched only by whoever holds the
 * engine lock ({@link EngineLoop}).
 */
public final class CoachedDevice {
    private final DeviceInfo info;
    private final Coach coach;
    private final SampleChecks checks;

    /** The engine loop makes these; public for taps tested on their own. */
    public CoachedDevice(DeviceInfo info, Coach coach, SampleChecks checks) {
        this.info = info;
        this.coach = coach;
        this.checks = checks;
    }

    public DeviceInfo info() {
        return info;
    }

    /** The device id. */
    public String id() {
        return info.id();
    }

    /** The device's small index (0, 1, … in order of registration). */
    public int index() {
        return info.index();
    }

    public Coach coach() {
        return coach;
    }

    /** Samples lost in gaps of the device's clock or sequence numbers, so far. */
    public long missing() {
        return checks.missing();
    }

    /** Gaps in the device's stream so far. */
    public long gaps() {
        return checks.gaps();
    }

    /** Samples rejected as repeated or going back in time, so far. */
    public long rejected() {
        return checks.duplicates() + checks.backwards();
    }
}
