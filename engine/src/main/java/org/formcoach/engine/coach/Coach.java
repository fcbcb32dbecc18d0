package org.formcoach.engine.coach;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

/**
 * Coaches one wearer: takes the samples of one or two sensors on the lower back and emits
 * {@link CoachEvent}s — calibration, reps, holds, alerts and clears — to a listener.
 *
 * <pre>{@code
 * Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100, event -> System.out.println(EventJson.toJson(event)));
 * while (reader.next(sample)) {
 *     coach.accept(sample);
 * }
 * coach.finish(reader.badRows());
 * }</pre>
 *
 * <p>The per-sample path ({@link #accept}) allocates nothing unless it emits an event.
 * One thread owns a coach. Samples of each sensor must arrive in time order; a sample that
 * is not a finite number or goes back in time is counted in {@link #rejectedSamples()} and
 * skipped. A gap longer than {@code calibration.gap_s} invalidates the calibration with a
 * warning; the next quiet standing recalibrates.
 */
public final class Coach implements CoachContext {
    // Fields a sample reads come first: HotSpot lays out fields of one size in the order
    // declared, and with thousands of coaches on one thread every cache line a sample touches
    // is a likely miss.
    /** The placement ordinal of {@link #lower}, -1 while there is none. */
    private int lowerSensor = -1;
    private boolean everCalibrated;
    private double time = Double.NaN;
    private long samples;
    private final double gapSeconds;
    private final double movedDeg;
    private double movedSince = Double.NaN;
    /**
     * {@link #lower()} and {@link #upper()}, kept up to date as sensors appear: every sample
     * needs them, and with thousands of coaches on one thread a look-up through
     * {@link #tracks} would be one more cache miss in the chain of dependent loads.
     */
    private SensorTrack lower;
    private SensorTrack upper;
    private ExerciseDetector detector;
    private Exercise exercise;

    private final CoachSettings settings;
    private final double rateHz;
    private final CoachListener listener;
    private final SensorTrack[] tracks;
    /** The track for the first sensor to send a sample, made with the coach (see the constructor). */
    private SensorTrack unplacedTrack;
    private final double movedQuietSeconds;
    private final double quietSeconds;
    private long rejected;
    private int reps;
    /** Reps before the current exercise started: rep numbers count from 1 in each exercise. */
    private int repBase;
    private int alerts;
    private boolean inRep;
    private double repStart;
    private final EnumSet<Fault> repFaults;

    public Coach(Exercise exercise, CoachSettings settings, double rateHz, CoachListener listener) {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("rateHz must be positive");
        }
        this.settings = settings;
        this.rateHz = rateHz;
        this.listener = listener;
        this.gapSeconds = settings.get("calibration.gap_s");
        this.movedQuietSeconds = settings.get("calibration.moved_quiet_s");
        this.movedDeg = settings.get("calibration.moved_deg");
        this.quietSeconds = settings.get("calibration.quiet_s");
        // A wearer's per-sample state is made here, together and in the order a sample
        // visits it: the track of the first sensor (whichever it turns out to be), then the
        // detector and its fault monitors; their bulky, seldom-read parts (the quiet window's
        // ring, the detector's per-rep history) come after them. Allocated together, they sit
        // side by side in memory, so with thousands of coaches on one thread the cache lines
        // of a sample come from one small neighbourhood instead of several pages, which the
        // hardware prefetchers and the TLB reward (ManyDevicesBenchmark).
        unplacedTrack = new SensorTrack(rateHz, settings);
        setExercise(exercise);
        tracks = new SensorTrack[Placement.count()];
        repFaults = EnumSet.noneOf(Fault.class);
    }

    /**
     * Switches exercise (a guided workout moving on): active alerts are cleared, a rep in
     * progress is dropped, rep numbers start again from 1 (the session's total keeps
     * counting, {@link #reps()}), and an {@code exercise} event is emitted.
     */
    public void setExercise(Exercise next) {
        boolean switching = detector != null;
        if (switching) {
            if (isCalibrated()) {
                detector.finish(this);
            }
            clearAll();
            if (inRep) {
                repDiscarded();
            }
            repBase = reps;
        }
        this.exercise = next;
        this.detector = switch (next) {
            case HINGE -> new HingeDetector(Exercise.HINGE, settings);
            case SQUAT -> new HingeDetector(Exercise.SQUAT, settings);
            case PLANK -> new PlankDetector(settings);
            case BIRD_DOG -> new BirdDogDetector(settings);
        };
        if (switching) {
            emit(new CoachEvent.ExerciseStarted(Double.isNaN(time) ? 0 : time, next));
        }
    }

    public Exercise exercise() {
        return exercise;
    }

    /** Feeds one sample (of any of the wearer's sensors). */
    public void accept(Sample s) {
        int p = s.sensor;
        if (p < 0 || p >= Placement.count() || !s.isFinite()) {
            rejected++;
            return;
        }
        SensorTrack track = p == lowerSensor ? lower : tracks[p];
        if (track == null) {
            track = addTrack(p);
        }
        // The track's time is that of its sensor's previous sample (NaN before the first).
        if (s.timeS < track.t) {
            rejected++;
            return;
        }
        if (!Double.isNaN(time) && s.timeS - time > gapSeconds) {
            onGap(s.timeS, s.timeS - time);
        }
        samples++;
        time = s.timeS;
        if (track.update(s)) {
            emit(new CoachEvent.Calibrated(s.timeS, track.placement, everCalibrated
                    ? "recalibrated: quiet standing + first forward movement"
                    : "quiet standing + first forward movement"));
        }
        if (track != lower) {
            return;
        }
        boolean ready = lower.isCalibrated() && (upper == null || upper.isCalibrated());
        if (!ready) {
            return;
        }
        everCalibrated = true;
        detector.update(this);
        checkSensorMoved(lower);
    }

    private SensorTrack addTrack(int p) {
        SensorTrack track = unplacedTrack != null ? unplacedTrack : new SensorTrack(rateHz, settings);
        unplacedTrack = null;
        track.placement = Placement.ofIndex(p);
        tracks[p] = track;
        // The lower sensor is the lowest one worn; with two, the thoracolumbar one is the upper.
        SensorTrack sacrum = tracks[Placement.SACRUM.ordinal()];
        SensorTrack lumbar = tracks[Placement.LUMBAR.ordinal()];
        SensorTrack thoracolumbar = tracks[Placement.THORACOLUMBAR.ordinal()];
        lower = sacrum != null ? sacrum : lumbar != null ? lumbar : thoracolumbar;
        lowerSensor = lower.placement.ordinal();
        upper = thoracolumbar != lower ? thoracolumbar : null;
        return track;
    }

    /** Ends the session: clears active alerts, drops a rep in progress, emits the summary. */
    public void finish(long badRows) {
        double t = Double.isNaN(time) ? 0 : time;
        if (isCalibrated()) {
            detector.finish(this);
        }
        clearAll();
        if (inRep) {
            repDiscarded();
        }
        emit(new CoachEvent.Summary(t, reps, alerts, samples, badRows + rejected));
    }

    /** Forgets the calibration now; the next quiet standing and forward movement recalibrate. */
    public void recalibrate() {
        invalidate(Double.isNaN(time) ? 0 : time, "recalibration_requested",
                "recalibrating: stand tall and still, then hinge forward once");
    }

    private void onGap(double t, double gap) {
        invalidate(t, "calibration_invalidated", String.format(java.util.Locale.ROOT,
                "no samples for %.1f s: calibration dropped; stand tall and still to recalibrate", gap));
    }

    private void invalidate(double t, String code, String message) {
        clearAll();
        if (inRep) {
            repDiscarded();
        }
        for (SensorTrack track : tracks) {
            if (track != null) {
                track.invalidate();
            }
        }
        detector.reset();
        emit(new CoachEvent.Warning(t, code, message));
    }

    /**
     * A sensor that sits still, far from every posture the exercise uses, for several
     * seconds has most likely been moved on the body.
     */
    private void checkSensorMoved(SensorTrack lower) {
        boolean expectedProne = exercise == Exercise.PLANK || exercise == Exercise.BIRD_DOG;
        double sagittal = lower.inclinationDeg;
        boolean plausible = Math.abs(lower.lateralDeg) < movedDeg
                && (Math.abs(sagittal) < movedDeg || (sagittal > 0 && sagittal < 130 && (expectedProne || sagittal < 100)));
        if (!plausible && lower.isQuietFor(Math.min(movedQuietSeconds, quietSeconds))) {
            if (Double.isNaN(movedSince)) {
                movedSince = time;
            } else if (time - movedSince >= movedQuietSeconds) {
                movedSince = Double.NaN;
                invalidate(time, "sensor_moved", "the sensor seems to have moved on the body: "
                        + "calibration dropped; stand tall and still to recalibrate");
            }
        } else {
            movedSince = Double.NaN;
        }
    }

    private void clearAll() {
        double t = Double.isNaN(time) ? 0 : time;
        for (FaultMonitor m : detector.monitors()) {
            m.forceClear(t, this);
        }
    }

    private void emit(CoachEvent event) {
        listener.onEvent(event);
    }

    // ----- CoachContext -----

    @Override
    public double time() {
        return time;
    }

    @Override
    public SensorTrack lower() {
        return lower;
    }

    @Override
    public SensorTrack upper() {
        return upper;
    }

    @Override
    public int nextRepNumber() {
        return reps - repBase + 1;
    }

    @Override
    public void repStarted(double start) {
        inRep = true;
        repStart = start;
        repFaults.clear();
    }

    @Override
    public void repCompleted(double start, double end, Side side) {
        reps++;
        inRep = false;
        List<Fault> faults = new ArrayList<>(repFaults);
        repFaults.clear();
        emit(new CoachEvent.Rep(time, exercise, reps - repBase, start, end, side, faults));
    }

    @Override
    public void repDiscarded() {
        inRep = false;
        repFaults.clear();
    }

    @Override
    public void holdCompleted(double start, double end) {
        emit(new CoachEvent.Hold(time, exercise, start, end, end - start));
    }

    @Override
    public CoachSettings settings() {
        return settings;
    }

    @Override
    public void alert(Fault fault, Severity severity, double t, double value, double threshold) {
        alerts++;
        if (inRep) {
            repFaults.add(fault);
        }
        emit(new CoachEvent.Alert(t, exercise, fault, severity, value, threshold, inRep ? nextRepNumber() : 0));
    }

    @Override
    public void clear(Fault fault, double t) {
        emit(new CoachEvent.Clear(t, exercise, fault));
    }

    // ----- live status (read by the terminal view and dashboard) -----

    /** Samples accepted so far. */
    public long samples() {
        return samples;
    }

    /** Samples skipped because they were not finite or went back in time. */
    public long rejectedSamples() {
        return rejected;
    }

    /** Reps of the whole session (all exercises). */
    public int reps() {
        return reps;
    }

    /** Reps since the current exercise started. */
    public int exerciseReps() {
        return reps - repBase;
    }

    public int alerts() {
        return alerts;
    }

    /** Whether the body axes are known for every sensor worn. */
    public boolean isCalibrated() {
        SensorTrack lower = lower();
        SensorTrack upper = upper();
        return lower != null && lower.isCalibrated() && (upper == null || upper.isCalibrated());
    }

    public String phase() {
        if (!isCalibrated()) {
            SensorTrack lower = lower();
            return lower == null || lower.state == SensorTrack.State.UNCALIBRATED ? "calibrating: stand still"
                    : "calibrating: hinge forward";
        }
        return detector.phase();
    }

    /** Pelvis (lower sensor) inclination from standing neutral, degrees; NaN before calibration. */
    public double inclinationDeg() {
        SensorTrack lower = lower();
        return lower != null && lower.isCalibrated() ? lower.inclinationDeg : Double.NaN;
    }

    /** Pelvis lateral tilt / roll, degrees; NaN before calibration. */
    public double lateralDeg() {
        SensorTrack lower = lower();
        return lower != null && lower.isCalibrated() ? lower.lateralDeg : Double.NaN;
    }

    /** Two sensors: the lumbar angle (upper minus lower inclination), degrees; else NaN. */
    public double lumbarAngleDeg() {
        SensorTrack lower = lower();
        SensorTrack upper = upper();
        return upper != null && upper.isCalibrated() && lower.isCalibrated()
                ? upper.inclinationDeg - lower.inclinationDeg : Double.NaN;
    }

    /** When the current hold started, or NaN when not holding. */
    public double holdStart() {
        return detector.holdStart();
    }

    /** The monitored fault with the highest value relative to its warn threshold right now, or null. */
    public FaultReading worstFault() {
        FaultMonitor worst = null;
        double worstRatio = Double.NEGATIVE_INFINITY;
        for (FaultMonitor m : detector.monitors()) {
            double v = m.lastValue();
            if (Double.isNaN(v) || m.warnThreshold() <= 0) {
                continue;
            }
            double ratio = v / m.warnThreshold();
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = m;
            }
        }
        return worst == null ? null
                : new FaultReading(worst.fault, worst.lastValue(), worst.warnThreshold(), worst.faultThreshold(),
                worst.level());
    }

    /** Receives every fault rule's reading without allocation (plots, live views). */
    @FunctionalInterface
    public interface FaultReadingConsumer {
        /**
         * @param valueDeg NaN when the rule does not apply right now (wrong phase)
         * @param level    0 none, 1 warn, 2 fault
         */
        void accept(Fault fault, double valueDeg, double warnDeg, double faultDeg, int level);
    }

    /** Calls {@code consumer} once per fault rule of the current exercise and sensor mode. */
    public void readFaults(FaultReadingConsumer consumer) {
        boolean two = upper() != null;
        for (FaultMonitor m : detector.monitors()) {
            if (!detector.appliesInMode(m, two)) {
                continue;
            }
            consumer.accept(m.fault, m.lastValue(), m.warnThreshold(), m.faultThreshold(), m.level());
        }
    }

    /** One fault rule's current reading, for display. {@code level}: 0 none, 1 warn, 2 fault. */
    public record FaultReading(Fault fault, double valueDeg, double warnDeg, double faultDeg, int level) {
    }
}
