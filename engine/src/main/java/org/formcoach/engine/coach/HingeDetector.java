package org.formcoach.engine.coach;

import java.util.Arrays;

/**
 * Hinges (deadlift, Romanian deadlift, good morning, kettlebell swing) and squats: reps from
 * the trunk inclination, rounding and arching from the pelvis (one sensor) or the lumbar
 * angle between two sensors.
 *
 * <p>Rep segmentation (brief §4.5): a rep starts when the trunk tips past
 * {@code rep_start_deg}, reaches its deepest point, and ends when it is back under
 * {@code rep_end_deg} and settles. It counts only if it lasted {@code min_rep_s} and reached
 * {@code min_depth_share} of the user's usual depth, so set-up fidgeting and partial
 * movements are not reps; in a ballistic set (swings) a slow trailing movement — parking
 * the bell — is not a rep either.
 *
 * <p>Rounding, one sensor (brief §1.4.3): the pelvis tucks under — rotates back from its
 * deepest point — and then stays down, while the trunk (unseen) keeps the bar low. A real
 * drive up also starts with the pelvis rotating back, but it does not stop until the wearer
 * is upright; so the rule looks for a drop that stops while the pelvis is still more than
 * half-way down.
 *
 * <p>Rounding, two sensors (brief §1.5): the lumbar angle (upper minus lower inclination)
 * above what the user's own good reps show at that trunk inclination; the thresholds are
 * shares of the user's usual lumbar angle at the bottom, since a lower sensor on the lumbar
 * curve sees only part of the flexion.
 */
final class HingeDetector extends ExerciseDetector {
    private static final int STANDING = 0;
    private static final int DESCENT = 1;
    private static final int ASCENT = 2;
    /** Back above rep_end_deg; the rep is announced once the trunk settles (or the next rep starts). */
    private static final int LOCKOUT = 3;
    /** Settled: sagittal rate under this for SETTLE_S (brief §4.5: ω ≈ 0 for ≥ 150 ms). */
    private static final double SETTLE_RATE_DPS = 15;
    private static final double SETTLE_S = 0.15;
    /** A lockout is announced at the latest this long after the trunk came up. */
    private static final double MAX_LOCKOUT_S = 1.0;
    /** The rep is rising once the trunk is back above this share of its deepest inclination. */
    private static final double ASCENT_SHARE = 0.5;
    /** One-sensor rounding: the pelvis has stopped dropping when its smoothed rate is above −this. */
    private static final double TUCK_STOP_RATE_DPS = 8;
    private static final double RATE_SMOOTHING_S = 0.08;
    /** The stop already confirms the tuck; the alert needs only this much more. */
    private static final double TUCK_MIN_DURATION_S = 0.05;
    /** Ballistic sets: a rep slower than this many times the set's median is a set-up or park. */
    private static final double BALLISTIC_MEDIAN_S = 1.6;
    private static final double BALLISTIC_OUTLIER = 2.0;
    /** ...or whose way down is slower than this share of the set's usual peak rate (a park). */
    private static final double BALLISTIC_SLOW_SHARE = 0.5;
    /**
     * Swings, one sensor: a rep whose pelvis stops this far short of the set's usual depth
     * (on top of the flexion thresholds) is rounding — the back bends instead of the hips
     * (brief §1.4.2, depth deficit). In a ballistic set the pelvis never pauses at the bottom,
     * so the drop-then-stop rule does not apply; a stop at depth there is the bell being parked.
     */
    private static final double BALLISTIC_DEFICIT_MARGIN_DEG = 12;
    /** Slow hinges: a pelvis that stops this far (plus the flexion thresholds) short of the usual depth. */
    private static final double DEFICIT_MARGIN_DEG = 10;
    /** ...and has stayed at its bottom this long (it may still be creeping deeper). */
    private static final double BOTTOM_HELD_S = 0.3;
    private static final double TURN_DEG = 5;
    /** Arching is judged from the rise until this long after the rep ends (at lockout, brief §1.5). */
    private static final double LOCKOUT_WINDOW_S = 1.5;
    /** Lumbar angle at the bottom of a good rep before the user's own is known (brief §1.3). */
    private static final double PRIOR_TYPICAL_LAMBDA_DEG = 25;
    private static final double PRIOR_RHYTHM = 0.35;
    /** The rules' bits for {@link #judge}. */
    private static final int FLEXION = 1;
    private static final int EXTENSION = 1 << 1;
    private static final int LEAN = 1 << 2;
    private static final int FLEXION_TWO = 1 << 3;
    private static final int EXTENSION_TWO = 1 << 4;

    // Fields a sample reads come first, what a rep or a change of sensor reads after them:
    // HotSpot lays out fields of one size in the order declared, and with thousands of coaches
    // on one thread every cache line a sample touches is a likely miss.
    private int phase = STANDING;
    /** The set's usual rep is short enough for swings (kept from {@link #durations}, read every sample). */
    private boolean ballistic;
    private double lastT = Double.NaN;
    private double smoothPelvisRate;
    private final double startDeg;
    private final double endDeg;
    private double trunkMax;
    private double pelvisMax;
    private double bottomSince = Double.NaN;
    private double lastRepEnd = Double.NEGATIVE_INFINITY;
    private double usualPelvisDepth = Double.NaN;
    private double repStart;
    private double repEnd;
    private double settledSince = Double.NaN;
    private double repPeakRate;
    private double repLambdaAtMax;
    private final double priorLean;
    private double rhythm = PRIOR_RHYTHM;
    private final double extensionTwoScale;
    private org.formcoach.engine.sample.Placement thresholdsFor;
    private final FaultMonitor flexion;
    private final FaultMonitor extension;
    private final FaultMonitor lean;
    private final FaultMonitor flexionTwo;
    private final FaultMonitor extensionTwo;
    private final Ring pelvisDepths;

    private final double minRepS;
    private final double minDepthShare;
    private final double flexionTwoMin;
    private final double flexionTwoWarnShare;
    private final double flexionTwoFaultShare;
    private final double extensionWarn;
    private final double extensionFault;
    private final double lumbarSensorExtensionScale;
    private double usualDepth = Double.NaN;
    private final FaultMonitor[] monitors;
    private final Ring depths;
    private final Ring rhythms;
    private final Ring durations;
    private final Ring descentRates;

    HingeDetector(Exercise exercise, CoachSettings s) {
        super(exercise);
        String p = exercise == Exercise.SQUAT ? "squat." : "hinge.";
        startDeg = s.get(p + "rep_start_deg");
        endDeg = s.get(p + "rep_end_deg");
        minRepS = s.get(p + "min_rep_s");
        minDepthShare = s.get(p + "min_depth_share");
        flexion = new FaultMonitor(Fault.LUMBAR_FLEXION, s.get(p + "lumbar_flexion.warn_deg"),
                s.get(p + "lumbar_flexion.fault_deg"), s, TUCK_MIN_DURATION_S);
        extension = new FaultMonitor(Fault.LUMBAR_EXTENSION, s.get(p + "lumbar_extension.warn_deg"),
                s.get(p + "lumbar_extension.fault_deg"), s);
        flexionTwoMin = s.get(p + "lumbar_flexion_two.min_warn_deg");
        flexionTwoWarnShare = s.get(p + "lumbar_flexion_two.warn_share");
        flexionTwoFaultShare = s.get(p + "lumbar_flexion_two.fault_share");
        flexionTwo = new FaultMonitor(Fault.LUMBAR_FLEXION,
                Math.max(flexionTwoMin, flexionTwoWarnShare * PRIOR_TYPICAL_LAMBDA_DEG),
                Math.max(flexionTwoMin, flexionTwoFaultShare * PRIOR_TYPICAL_LAMBDA_DEG), s);
        // Two sensors, arching: the pelvis leaning back, or the lumbar angle going negative,
        // scaled onto the pelvis thresholds.
        extensionTwo = new FaultMonitor(Fault.LUMBAR_EXTENSION, s.get(p + "lumbar_extension.warn_deg"),
                s.get(p + "lumbar_extension.fault_deg"), s);
        extensionTwoScale = s.get(p + "lumbar_extension.warn_deg") / s.get(p + "lumbar_extension_two.warn_deg");
        extensionWarn = s.get(p + "lumbar_extension.warn_deg");
        extensionFault = s.get(p + "lumbar_extension.fault_deg");
        lumbarSensorExtensionScale = s.get(p + "lumbar_sensor_extension_scale");
        priorLean = exercise == Exercise.SQUAT ? s.get("squat.prior_lean_deg") : Double.NaN;
        if (exercise == Exercise.SQUAT) {
            lean = new FaultMonitor(Fault.EXCESSIVE_LEAN, s.get("squat.excessive_lean.warn_deg"),
                    s.get("squat.excessive_lean.fault_deg"), s);
            monitors = new FaultMonitor[]{flexion, extension, lean, flexionTwo, extensionTwo};
        } else {
            lean = null;
            monitors = new FaultMonitor[]{flexion, extension, flexionTwo, extensionTwo};
        }
        // The per-rep history after the monitors, which every sample reads (see Coach's constructor).
        depths = new Ring();
        rhythms = new Ring();
        durations = new Ring();
        descentRates = new Ring();
        pelvisDepths = new Ring();
    }

    @Override
    void update(CoachContext ctx) {
        double t = ctx.time();
        SensorTrack lower = ctx.lower();
        SensorTrack upper = ctx.upper();
        SensorTrack trunkTrack = upper != null ? upper : lower;
        double pelvis = lower.inclinationDeg;
        double trunk = trunkTrack.inclinationDeg;
        double lambda = upper != null ? upper.inclinationDeg - pelvis : 0;
        if (lower.placement != thresholdsFor) {
            // A sensor on the lumbar curve also turns with the lumbar spine: arching moves it further.
            thresholdsFor = lower.placement;
            double k = lower.placement == org.formcoach.engine.sample.Placement.LUMBAR ? lumbarSensorExtensionScale : 1;
            extension.setThresholds(k * extensionWarn, k * extensionFault);
            extensionTwo.setThresholds(k * extensionWarn, k * extensionFault);
        }
        double dt = Double.isNaN(lastT) ? 0 : t - lastT;
        lastT = t;
        smoothPelvisRate += Math.min(1, dt / RATE_SMOOTHING_S) * (lower.sagittalRate - smoothPelvisRate);

        if (phase == LOCKOUT) {
            if (Math.abs(trunkTrack.sagittalRate) < SETTLE_RATE_DPS) {
                if (Double.isNaN(settledSince)) {
                    settledSince = t;
                }
            } else {
                settledSince = Double.NaN;
            }
            boolean settled = !Double.isNaN(settledSince) && t - settledSince >= SETTLE_S;
            if (settled || t - repEnd >= MAX_LOCKOUT_S || trunk > startDeg) {
                finishRep(ctx);
            }
        }
        switch (phase) {
            case STANDING -> {
                if (trunk > startDeg) {
                    phase = DESCENT;
                    repStart = Double.isNaN(trunkTrack.lastNeutralTime) ? t : trunkTrack.lastNeutralTime;
                    trunkMax = trunk;
                    pelvisMax = pelvis;
                    repLambdaAtMax = lambda;
                    repPeakRate = 0;
                    ctx.repStarted(repStart);
                }
            }
            case DESCENT, ASCENT -> {
                if (trunk > trunkMax) {
                    trunkMax = trunk;
                    repLambdaAtMax = lambda;
                }
                if (pelvis > pelvisMax) {
                    pelvisMax = pelvis;
                }
                if (phase == DESCENT && trunkTrack.sagittalRate > repPeakRate) {
                    repPeakRate = trunkTrack.sagittalRate;
                }
                if (phase == DESCENT && trunk < ASCENT_SHARE * trunkMax) {
                    phase = ASCENT;
                }
                if (trunk < endDeg) {
                    phase = LOCKOUT;
                    repEnd = t;
                    settledSince = Double.NaN;
                }
            }
            default -> {
            }
        }

        boolean lockoutWindow = phase == ASCENT || phase == LOCKOUT || t - lastRepEnd < LOCKOUT_WINDOW_S;
        boolean conforming = !slowForBallisticSet();
        if (upper == null) {
            // Rounding: a drop from the deepest pelvis angle that has stopped, more than half-way down.
            double drop = pelvisMax - pelvis;
            boolean deep = pelvis > ASCENT_SHARE * pelvisMax;
            if (ballisticSet()) {
                boolean turned = phase != STANDING && trunk < trunkMax - TURN_DEG && phase != LOCKOUT;
                double deficit = usualPelvisDepth - pelvisMax - BALLISTIC_DEFICIT_MARGIN_DEG;
                judge(flexion, FLEXION, t, deficit, turned && conforming, ctx);
            } else {
                // At the bottom the pelvis has stopped: either it tucked back from its deepest
                // point, or it never got as deep as the user's usual reps (the spine bent instead).
                boolean notDropping = smoothPelvisRate > -TUCK_STOP_RATE_DPS;
                boolean atBottom = Math.abs(smoothPelvisRate) < TUCK_STOP_RATE_DPS;
                if (!atBottom || Double.isNaN(bottomSince)) {
                    bottomSince = atBottom ? t : Double.NaN;
                }
                // Depth deficit (hinges only: a squat's depth varies too much from rep to rep),
                // once three reps show the usual depth and the pelvis has stayed at its bottom
                // (asked last: most samples are not at the bottom and need not reach the ring).
                boolean deficitJudged = exercise == Exercise.HINGE && atBottom && t - bottomSince >= BOTTOM_HELD_S
                        && pelvisDepths.count() >= 3;
                double deficit = deficitJudged ? usualPelvisDepth - pelvisMax - DEFICIT_MARGIN_DEG : 0;
                judge(flexion, FLEXION, t, Math.max(drop, deficit), phase == DESCENT && deep && notDropping, ctx);
            }
            // Arching: leaning back past standing neutral, around lockout.
            judge(extension, EXTENSION, t, -pelvis, lockoutWindow, ctx);
        } else {
            double expected = rhythm * Math.max(0, trunk);
            judge(flexionTwo, FLEXION_TWO, t, lambda - expected, (phase == DESCENT || phase == ASCENT) && conforming, ctx);
            judge(extensionTwo, EXTENSION_TWO, t, Math.max(-pelvis, -lambda * extensionTwoScale), lockoutWindow, ctx);
        }
        if (lean != null) {
            // Judged on the pelvis in both modes: the upper segment's inclination varies from rep
            // to rep with the lumbar angle, far more than the lean itself.
            // Until two reps have shown what this user's normal squat is, a generous prior.
            double usual = pelvisDepths.count() >= 2 ? usualPelvisDepth : priorLean;
            judge(lean, LEAN, t, pelvis - usual, phase == DESCENT || phase == ASCENT, ctx);
        }
    }

    /** In a set of swings, a rep whose way down was much slower than the set's: parking the bell. */
    private boolean slowForBallisticSet() {
        return ballisticSet() && phase != STANDING && repPeakRate < BALLISTIC_SLOW_SHARE * descentRates.median()
                && trunkMaxReachedSlowly();
    }

    private boolean trunkMaxReachedSlowly() {
        return trunkMax > 2 * startDeg;
    }

    /** Whether the set so far is ballistic (swings); changes only when a rep is counted. */
    private boolean ballisticSet() {
        return ballistic;
    }

    private void finishRep(CoachContext ctx) {
        double duration = repEnd - repStart;
        boolean deepEnough = Double.isNaN(usualDepth) ? trunkMax >= 2 * startDeg : trunkMax >= minDepthShare * usualDepth;
        boolean ballisticOutlier = ballisticSet()
                && (duration > BALLISTIC_OUTLIER * durations.median()
                || repPeakRate < BALLISTIC_SLOW_SHARE * descentRates.median());
        lastRepEnd = repEnd;
        if (duration >= minRepS && deepEnough && !ballisticOutlier) {
            ctx.repCompleted(repStart, repEnd, null);
            durations.push(duration);
            descentRates.push(repPeakRate);
            ballistic = durations.count() >= 3 && durations.median() < BALLISTIC_MEDIAN_S;
            depths.push(trunkMax);
            usualDepth = depths.median();
            pelvisDepths.push(pelvisMax);
            usualPelvisDepth = pelvisDepths.median();
            if (trunkMax > 20 && repLambdaAtMax > 0) {
                rhythms.push(repLambdaAtMax / trunkMax);
                rhythm = rhythms.median();
                double typical = rhythm * usualDepth;
                flexionTwo.setThresholds(Math.max(flexionTwoMin, flexionTwoWarnShare * typical),
                        Math.max(flexionTwoMin, flexionTwoFaultShare * typical));
            }
        } else {
            ctx.repDiscarded();
        }
        phase = STANDING;
    }

    @Override
    FaultMonitor[] monitors() {
        return monitors;
    }

    @Override
    boolean appliesInMode(FaultMonitor monitor, boolean two) {
        if (monitor == flexionTwo || monitor == extensionTwo) {
            return two;
        }
        if (monitor == flexion || monitor == extension) {
            return !two;
        }
        return true;
    }

    @Override
    void reset() {
        phase = STANDING;
        lastRepEnd = Double.NEGATIVE_INFINITY;
        lastT = Double.NaN;
        smoothPelvisRate = 0;
    }

    @Override
    String phase() {
        return switch (phase) {
            case STANDING -> "standing";
            case DESCENT -> "lowering";
            case ASCENT -> "rising";
            default -> "lockout";
        };
    }

    /**
     * The last few values of something per rep, with their median; preallocated. The median
     * is worked out when a value is pushed (once per rep), not each time it is read (every
     * sample asks whether the set is ballistic).
     */
    private static final class Ring {
        private final double[] values = new double[16];
        private final double[] scratch = new double[16];
        private int count;
        private double median = Double.NaN;

        void push(double value) {
            if (count < values.length) {
                values[count++] = value;
            } else {
                System.arraycopy(values, 1, values, 0, values.length - 1);
                values[values.length - 1] = value;
            }
            System.arraycopy(values, 0, scratch, 0, count);
            Arrays.sort(scratch, 0, count);
            median = count % 2 == 1 ? scratch[count / 2] : 0.5 * (scratch[count / 2 - 1] + scratch[count / 2]);
        }

        int count() {
            return count;
        }

        /** NaN while empty. */
        double median() {
            return median;
        }
    }
}
