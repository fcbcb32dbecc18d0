package org.formcoach.cli.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.Fault;

/**
 * The latest state of one device's coaching, written by the engine after every
 * sample and read by the views at their own pace. A sequence lock keeps a reader from
 * seeing half an update without the writer ever waiting: the writer makes the sequence odd,
 * writes the fields, makes it even; a reader copies the fields and retries if the sequence
 * was odd or changed meanwhile. The per-sample write allocates nothing.
 */
final class DeviceSnapshot implements Coach.FaultReadingConsumer {
    private static final VarHandle SEQ;

    static {
        try {
            SEQ = MethodHandles.lookup().findVarHandle(DeviceSnapshot.class, "seq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Odd while the engine writes. */
    @SuppressWarnings("unused") // through SEQ
    private long seq;
    /**
     * Written by the engine only (one thread at a time, ordered by its lock); read by
     * {@link #read} under the sequence lock.
     */
    private final LiveStatus data = new LiveStatus();

    DeviceSnapshot(String device) {
        data.device = device;
    }

    // ----- the engine (one thread at a time) -----

    /** Copies the coach's state after a sample. */
    void update(CoachedDevice device, double t, long nowNanos) {
        Coach coach = device.coach();
        beginWrite();
        LiveStatus d = data;
        d.updates++;
        d.lastSampleNanos = nowNanos;
        if (Double.isNaN(d.firstT)) {
            d.firstT = t;
        }
        d.t = t;
        d.exercise = coach.exercise().ordinal();
        d.phase = coach.phase();
        d.calibrated = coach.isCalibrated();
        d.inclinationDeg = coach.inclinationDeg();
        d.lateralDeg = coach.lateralDeg();
        d.lumbarDeg = coach.lumbarAngleDeg();
        d.reps = coach.reps();
        d.repBase = d.reps - coach.exerciseReps();
        d.alerts = coach.alerts();
        d.holdStart = coach.holdStart();
        d.ruleCount = 0;
        coach.readFaults(this);
        d.samples = coach.samples();
        d.missing = device.missing();
        d.gaps = device.gaps();
        d.linkUp = true;
        endWrite();
    }

    @Override
    public void accept(Fault fault, double valueDeg, double warnDeg, double faultDeg, int level) {
        LiveStatus d = data;
        int i = d.ruleCount;
        if (i == LiveStatus.MAX_RULES) {
            return;
        }
        d.ruleFault[i] = fault.ordinal();
        d.ruleValue[i] = valueDeg;
        d.ruleWarn[i] = warnDeg;
        d.ruleFaultDeg[i] = faultDeg;
        d.ruleLevel[i] = level;
        d.ruleCount = i + 1;
    }

    /** The link to the device dropped or came back (bridge events, from the engine). */
    void link(boolean up, boolean countLoss) {
        beginWrite();
        data.linkUp = up;
        if (countLoss) {
            data.linkLosses++;
        }
        endWrite();
    }

    private void beginWrite() {
        long s = (long) SEQ.getOpaque(this);
        SEQ.setOpaque(this, s + 1);
        VarHandle.storeStoreFence();
    }

    private void endWrite() {
        long s = (long) SEQ.getOpaque(this);
        SEQ.setRelease(this, s + 1);
    }

    // ----- any thread -----

    /** Copies the latest consistent state into {@code into}; false if the writer kept it busy (try again later). */
    boolean read(LiveStatus into) {
        for (int attempt = 0; attempt < 64; attempt++) {
            long before = (long) SEQ.getAcquire(this);
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            into.copyFrom(data);
            VarHandle.loadLoadFence();
            long after = (long) SEQ.getOpaque(this);
            if (before == after) {
                return true;
            }
        }
        return false;
    }

    /** The sequence number: changes with every update (a view can skip unchanged devices). */
    long version() {
        return (long) SEQ.getAcquire(this);
    }
}
