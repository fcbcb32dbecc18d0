package org.formcoach.bridge.live;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.formcoach.bridge.session.SampleChecks;
import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.bridge.wire.Outcome;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachListener;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/**
 * The engine: a single-threaded loop over a device-index → state table. It drains the
 * sample queue, runs each device's clock checks and its {@link Coach}, turns alerts and
 * clears into messages for the device's {@link AlertRoute}, and emits everything to the
 * {@link LiveListener} in order. Transports talk to it only through the queue,
 * {@link #tryCoachInline} and {@link #post}; nothing else touches the coaching state, so
 * scaling out is a change of where samples come from, not of this loop.
 *
 * <p><b>Who runs it.</b> The coaching state belongs to the engine lock, not to one thread:
 * whoever holds the lock is the engine, and only one does at a time. The engine thread
 * holds it to drain the queue and run control actions. When the engine thread is idle and
 * nothing is queued, a transport thread may take the lock ({@code tryLock}, never waiting)
 * and coach its sample itself: that saves the thread wake-up a queued sample costs, which
 * on a busy machine is most of the bridge's own latency (docs/performance.md). A sample
 * that finds the lock taken or anything queued goes into the queue behind the others, so a
 * device's samples are coached in the order its transport read them.
 */
public final class EngineLoop implements Runnable {
    private static final int BATCH = 256;
    private static final long BAD_INPUT_REPORT_NANOS = 5_000_000_000L;

    private final DeviceRegistry registry;
    private final SampleQueue queue;
    private final CoachSettings settings;
    private final double defaultRateHz;
    private final double reportGapSeconds;
    private final LiveListener listener;
    private final SampleTap tap;
    private final boolean alertsToDevices;
    private final boolean coachInline;
    private final ConcurrentLinkedQueue<Object> control = new ConcurrentLinkedQueue<>();
    /** Held by whoever is running the engine (see the class comment); never waited for by a transport. */
    private final ReentrantLock engineLock = new ReentrantLock();
    private long coachedInline;
    private final SampleQueue.Consumer consumer = this::onSample;
    private DeviceState[] states;
    private volatile Exercise exercise;
    private volatile boolean stopping;
    private volatile boolean finished;
    private long lastBadInputCheck = System.nanoTime();
    private long tapFailures;

    /**
     * @param reportGapSeconds gaps at least this long are reported as events (all are counted)
     */
    public EngineLoop(DeviceRegistry registry, SampleQueue queue, Exercise exercise, CoachSettings settings,
                      double defaultRateHz, double reportGapSeconds, LiveListener listener) {
        this(registry, queue, exercise, settings, defaultRateHz, reportGapSeconds, listener, SampleTap.NONE, true,
                true);
    }

    /**
     * @param tap             sees every accepted sample before and after the device's coach
     * @param alertsToDevices whether alerts and clears go back to the devices (false: only to the listener)
     * @param coachInline     whether {@link #tryCoachInline} may coach on the transport's thread
     *                        (false: every sample crosses the queue to the engine thread)
     */
    public EngineLoop(DeviceRegistry registry, SampleQueue queue, Exercise exercise, CoachSettings settings,
                      double defaultRateHz, double reportGapSeconds, LiveListener listener, SampleTap tap,
                      boolean alertsToDevices, boolean coachInline) {
        this.tap = tap;
        this.coachInline = coachInline;
        this.alertsToDevices = alertsToDevices;
        this.registry = registry;
        this.queue = queue;
        this.exercise = exercise;
        this.settings = settings;
        this.defaultRateHz = defaultRateHz;
        this.reportGapSeconds = reportGapSeconds;
        this.listener = listener;
        this.states = new DeviceState[registry.capacity()];
    }

    /** One device's coaching state; only whoever holds the engine lock touches it. */
    private final class DeviceState implements CoachListener {
        final DeviceInfo info;
        final Coach coach;
        final SampleChecks checks;
        final CoachedDevice view;
        double lastTime;
        long currentReceiveNanos;
        long alertNumber;
        long alertsSent;
        long reportedBad;

        DeviceState(DeviceInfo info, double rateHz) {
            this.info = info;
            this.checks = new SampleChecks(rateHz);
            this.coach = new Coach(exercise, settings, rateHz, this);
            this.view = new CoachedDevice(info, coach, checks);
        }

        @Override
        public void onEvent(CoachEvent event) {
            listener.coachEvent(info.id(), event);
            AlertMessage message = null;
            if (event instanceof CoachEvent.Alert a) {
                message = AlertMessage.of(info.id(), a, ++alertNumber, currentReceiveNanos);
            } else if (event instanceof CoachEvent.Clear c) {
                message = AlertMessage.of(info.id(), c, ++alertNumber, currentReceiveNanos);
            }
            if (message != null && alertsToDevices) {
                alertsSent++;
                info.route().offer(message);
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                int n;
                engineLock.lock();
                try {
                    n = queue.drain(consumer, BATCH);
                    runControl();
                    maybeReportBadInput();
                } finally {
                    engineLock.unlock();
                }
                if (n == 0) {
                    if (stopping && queue.size() == 0 && control.isEmpty()) {
                        break;
                    }
                    queue.await(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engineLock.lock();
            try {
                finishCoaches();
                finished = true;
            } finally {
                engineLock.unlock();
            }
        }
    }

    /**
     * Coaches a sample on the calling (transport) thread if the engine is idle: nobody holds
     * the engine lock, nothing is queued and the loop is not stopping. Never waits. Control
     * messages posted before the sample are handled first, as the engine thread would.
     *
     * @return false when the caller must queue the sample instead
     */
    boolean tryCoachInline(int device, Sample s, long sequence) {
        if (!coachInline || !engineLock.tryLock()) {
            return false;
        }
        try {
            // Inside the lock the engine thread is not mid-drain, so an empty queue means every
            // sample queued before this one has been coached.
            if (stopping || queue.size() != 0) {
                return false;
            }
            if (!control.isEmpty()) {
                runControl();
            }
            onSample(device, s, sequence);
            coachedInline++;
            return true;
        } finally {
            engineLock.unlock();
        }
    }

    /** Samples a transport thread coached itself (the rest crossed the queue). */
    public long coachedInline() {
        engineLock.lock();
        try {
            return coachedInline;
        } finally {
            engineLock.unlock();
        }
    }

    /** Asks the loop to process what is queued, finish every device and end. */
    public void stop() {
        stopping = true;
        queue.wakeUp();
    }

    public boolean isFinished() {
        return finished;
    }

    /** Reports a bridge event from any thread. */
    public void post(BridgeEvent event) {
        control.add(event);
        queue.wakeUp();
    }

    void postNote(String message) {
        control.add(new Note(message));
        queue.wakeUp();
    }

    /** Runs an action as the engine, in order with the samples (switching exercise, recalibrating). */
    public void submit(Runnable action) {
        control.add(action);
        queue.wakeUp();
    }

    /** Switches every device, present and future, to another exercise. */
    public void setExercise(Exercise next) {
        submit(() -> {
            exercise = next;
            for (DeviceState s : states) {
                if (s != null) {
                    s.coach.setExercise(next);
                }
            }
        });
    }

    /**
     * Makes every device's coach forget its calibration (the wearer re-strapped the sensor,
     * or asked for it): each emits a {@code warning} and recalibrates on the next quiet
     * standing and forward movement.
     */
    public void recalibrate() {
        submit(() -> {
            for (DeviceState s : states) {
                if (s != null) {
                    s.coach.recalibrate();
                }
            }
        });
    }

    private record Note(String message) {
    }

    private void onSample(int device, Sample s, long sequence) {
        DeviceState st = device < states.length ? states[device] : null;
        if (st == null) {
            DeviceInfo info = registry.byIndex(device);
            if (info == null) {
                return;
            }
            int announced = info.announcedRateHz();
            st = new DeviceState(info, announced > 0 ? announced : defaultRateHz);
            states[device] = st;
            listener.bridgeEvent(new BridgeEvent.DeviceSeen(s.timeS, info.id(), info.transport()));
        }
        SampleChecks.Verdict v = st.checks.check(s.sensor, s.timeS, sequence);
        if (v == SampleChecks.Verdict.DUPLICATE || v == SampleChecks.Verdict.BACKWARDS) {
            return;
        }
        if (v == SampleChecks.Verdict.GAP && st.checks.lastGapSeconds() >= reportGapSeconds) {
            listener.bridgeEvent(new BridgeEvent.Gap(s.timeS, st.info.id(), Placement.ofIndex(s.sensor).traceName(),
                    st.checks.lastGapSeconds(), st.checks.lastGapMissing()));
        }
        st.lastTime = s.timeS;
        st.currentReceiveNanos = s.receiveNanos;
        try {
            tap.beforeCoach(st.view, s);
        } catch (RuntimeException e) {
            tapFailed(e);
        }
        st.coach.accept(s);
        try {
            tap.afterCoach(st.view, s);
        } catch (RuntimeException e) {
            tapFailed(e);
        }
    }

    /** A failing tap (a bug in a view or recorder) must not stop the coaching: said once, counted. */
    private void tapFailed(RuntimeException e) {
        if (tapFailures++ == 0) {
            listener.note("a sample tap failed (coaching goes on): " + e);
        }
    }

    private void runControl() {
        Object o;
        while ((o = control.poll()) != null) {
            if (o instanceof BridgeEvent e) {
                DeviceInfo info = registry.find(e.device());
                DeviceState st = info == null ? null : states[info.index()];
                listener.bridgeEvent(withTime(e, st == null ? 0 : st.lastTime));
            } else if (o instanceof Note n) {
                listener.note(n.message());
            } else if (o instanceof Runnable r) {
                r.run();
            }
        }
    }

    private void maybeReportBadInput() {
        long now = System.nanoTime();
        if (now - lastBadInputCheck < BAD_INPUT_REPORT_NANOS) {
            return;
        }
        lastBadInputCheck = now;
        reportBadInput();
    }

    private void reportBadInput() {
        for (DeviceState st : states) {
            if (st == null) {
                continue;
            }
            long bad = st.info.wire().bad() + st.checks.duplicates() + st.checks.backwards() + st.info.queueDropped();
            if (bad > st.reportedBad) {
                st.reportedBad = bad;
                listener.bridgeEvent(new BridgeEvent.BadInput(st.lastTime, st.info.id(), badDetail(st)));
            }
        }
    }

    private static String badDetail(DeviceState st) {
        StringBuilder s = new StringBuilder(st.info.wire().describeBad());
        append(s, st.checks.duplicates(), "duplicates");
        append(s, st.checks.backwards(), "backwards in time");
        append(s, st.coach.rejectedSamples(), "rejected by the coach");
        append(s, st.info.queueDropped(), "dropped (engine queue full)");
        return s.toString();
    }

    private static void append(StringBuilder s, long n, String what) {
        if (n > 0) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(n).append(' ').append(what);
        }
    }

    /** Ends every device's coaching: active alerts cleared (the clears still go to the devices), summaries. */
    private void finishCoaches() {
        runControl();
        reportBadInput();
        for (DeviceState st : states) {
            if (st != null) {
                st.coach.finish(st.info.wire().bad() + st.checks.duplicates() + st.checks.backwards());
            }
        }
    }

    /**
     * Emits each device's counters. Called once after the loop has ended and the transports
     * have delivered what they could (so the alert counts are final), on the closing thread.
     */
    public void emitDeviceSummaries() {
        if (!finished) {
            throw new IllegalStateException("the engine loop is still running");
        }
        runControl();
        for (DeviceState st : states) {
            if (st == null) {
                continue;
            }
            long bad = st.info.wire().bad();
            AlertRoute route = st.info.route();
            listener.bridgeEvent(new BridgeEvent.DeviceSummary(st.lastTime, st.info.id(), st.info.transport(),
                    st.info.wire().get(Outcome.SAMPLE), bad, badDetail(st), st.checks.duplicates(),
                    st.checks.backwards(), st.checks.gaps(), st.checks.missing(), st.checks.gapSeconds(),
                    st.info.queueDropped(), st.info.linkLosses(), st.alertsSent, route.delivered(),
                    route.dropped()));
        }
    }

    private static BridgeEvent withTime(BridgeEvent e, double t) {
        if (!Double.isNaN(e.t())) {
            return e;
        }
        if (e instanceof BridgeEvent.LinkLost l) {
            return new BridgeEvent.LinkLost(t, l.device(), l.reason());
        } else if (e instanceof BridgeEvent.LinkRestored r) {
            return new BridgeEvent.LinkRestored(t, r.device(), r.downSeconds());
        } else if (e instanceof BridgeEvent.DeviceSeen d) {
            return new BridgeEvent.DeviceSeen(t, d.device(), d.transport());
        } else if (e instanceof BridgeEvent.BadInput b) {
            return new BridgeEvent.BadInput(t, b.device(), b.counts());
        }
        return e;
    }
}
