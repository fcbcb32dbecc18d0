package org.formcoach.cli.live;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/** Builds {@link LiveStatus} values by hand for renderer tests (the fields are the snapshot's to fill). */
public final class LiveStatuses {
    private final LiveStatus s = new LiveStatus();

    private LiveStatuses(String device) {
        s.device = device;
        s.updates = 1;
        s.lastSampleNanos = System.nanoTime();
        s.firstT = 0;
        s.t = 0;
        s.phase = "";
    }

    public static LiveStatuses device(String id) {
        return new LiveStatuses(id);
    }

    /** A device that has sent nothing yet. */
    public static LiveStatus unseen(String id) {
        LiveStatus s = new LiveStatus();
        s.device = id;
        return s;
    }

    public LiveStatuses at(double t) {
        s.t = t;
        return this;
    }

    public LiveStatuses exercise(Exercise e, String phase, boolean calibrated) {
        s.exercise = e.ordinal();
        s.phase = phase;
        s.calibrated = calibrated;
        return this;
    }

    public LiveStatuses posture(double inclination, double lateral, double lumbar) {
        s.inclinationDeg = inclination;
        s.lateralDeg = lateral;
        s.lumbarDeg = lumbar;
        return this;
    }

    public LiveStatuses reps(int total, int inThisExercise) {
        s.reps = total;
        s.repBase = total - inThisExercise;
        return this;
    }

    public LiveStatuses alerts(int n) {
        s.alerts = n;
        return this;
    }

    public LiveStatuses holdingSince(double start) {
        s.holdStart = start;
        return this;
    }

    public LiveStatuses rule(Fault f, double value, double warn, double fault, int level) {
        int i = s.ruleCount++;
        s.ruleFault[i] = f.ordinal();
        s.ruleValue[i] = value;
        s.ruleWarn[i] = warn;
        s.ruleFaultDeg[i] = fault;
        s.ruleLevel[i] = level;
        return this;
    }

    public LiveStatuses link(boolean up, long samples, long missing) {
        s.linkUp = up;
        s.samples = samples;
        s.missing = missing;
        return this;
    }

    public LiveStatuses lastSampleNanos(long nanos) {
        s.lastSampleNanos = nanos;
        return this;
    }

    public LiveStatus build() {
        LiveStatus copy = new LiveStatus();
        copy.copyFrom(s);
        return copy;
    }
}
