package org.formcoach.engine.coach;

/**
 * Hinges (deadlift, Romanian deadlift, good morning, kettlebell swing) and squats: reps from
 * the trunk inclination, rounding and arching from the pelvis (one sensor) or the lumbar
 * angle between two sensors.
 *
 * <p>Rep segmentation (brief §4.5): a rep starts when the trunk tips past
 * {@code rep_start_deg}, reaches its deepest point, and ends when it is back under
 * {@code rep_end_deg}. It counts only if it lasted {@code min_rep_s} and reached
 * {@code min_depth_share} of the user's usual depth, so set-up fidgeting and partial
 * movements are not reps.
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
    /** How far the trunk must come up from its deepest point before the rep counts as rising. */
    private static final double ASCENT_DEG = 8;

    private final double startDeg;
    private final double endDeg;
    private final double minRepS;
    private final double minDepthShare;
    private final double flexionTwoWarn;
    private final double flexionTwoFault;

    private final FaultMonitor flexion;
    private final FaultMonitor extension;
    private final FaultMonitor lean;
    private final FaultMonitor[] monitors;
    private final FaultMonitor flexionTwo;
    private final FaultMonitor extensionTwo;
    private final FaultMonitor[] monitorsTwo;
    private final FaultMonitor[] monitorsAll;

    private int phase = STANDING;
    private double repStart;
    private double repEnd;
    private double settledSince = Double.NaN;
    private double trunkMax;
    private double pelvisMax;
    /** The user's usual deepest trunk inclination: running median-like estimate over good reps. */
    private final double[] depths = new double[16];
    private int depthCount;
    private double usualDepth = Double.NaN;
    /** Two sensors: lumbar angle per degree of trunk inclination in good reps. */
    private final double[] rhythms = new double[16];
    private int rhythmCount;
    private double rhythm = 0.35;
    private double repLambdaAtMax;
    private double defaultLean;

    HingeDetector(Exercise exercise, CoachSettings s) {
        super(exercise);
        String p = exercise == Exercise.SQUAT ? "squat." : "hinge.";
        startDeg = s.get(p + "rep_start_deg");
        endDeg = s.get(p + "rep_end_deg");
        minRepS = s.get(p + "min_rep_s");
        minDepthShare = s.get(p + "min_depth_share");
        flexion = new FaultMonitor(Fault.LUMBAR_FLEXION, s.get(p + "lumbar_flexion.warn_deg"),
                s.get(p + "lumbar_flexion.fault_deg"), s);
        extension = new FaultMonitor(Fault.LUMBAR_EXTENSION, s.get(p + "lumbar_extension.warn_deg"),
                s.get(p + "lumbar_extension.fault_deg"), s);
        flexionTwoWarn = s.get(p + "lumbar_flexion_two.warn_deg");
        flexionTwoFault = s.get(p + "lumbar_flexion_two.fault_deg");
        flexionTwo = new FaultMonitor(Fault.LUMBAR_FLEXION, flexionTwoWarn, flexionTwoFault, s);
        extensionTwo = new FaultMonitor(Fault.LUMBAR_EXTENSION, s.get(p + "lumbar_extension_two.warn_deg"),
                s.get(p + "lumbar_extension_two.fault_deg"), s);
        if (exercise == Exercise.SQUAT) {
            lean = new FaultMonitor(Fault.EXCESSIVE_LEAN, s.get("squat.excessive_lean.warn_deg"),
                    s.get("squat.excessive_lean.fault_deg"), s);
            defaultLean = s.get("squat.default_lean_deg");
            monitors = new FaultMonitor[]{flexion, extension, lean};
            monitorsTwo = new FaultMonitor[]{flexionTwo, extensionTwo, lean};
        } else {
            lean = null;
            monitors = new FaultMonitor[]{flexion, extension};
            monitorsTwo = new FaultMonitor[]{flexionTwo, extensionTwo};
        }
        monitorsAll = concat();
    }

    @Override
    void update(CoachContext ctx) {
        double t = ctx.time();
        SensorTrack lower = ctx.lower();
        SensorTrack upper = ctx.upper();
        double pelvis = lower.inclinationDeg;
        double trunk = upper != null ? upper.inclinationDeg : pelvis;

        SensorTrack trunkTrack = upper != null ? upper : lower;
        if (phase == LOCKOUT) {
            double rate = Math.abs(trunkTrack.sagittalRate);
            if (rate < SETTLE_RATE_DPS) {
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
                    repLambdaAtMax = upper != null ? upper.inclinationDeg - pelvis : 0;
                    ctx.repStarted(repStart);
                }
            }
            case DESCENT, ASCENT -> {
                if (trunk > trunkMax) {
                    trunkMax = trunk;
                    repLambdaAtMax = upper != null ? upper.inclinationDeg - pelvis : 0;
                }
                if (pelvis > pelvisMax) {
                    pelvisMax = pelvis;
                }
                if (phase == DESCENT && trunkMax - trunk > ASCENT_DEG) {
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

        if (upper == null) {
            // One sensor: rounding shows as the pelvis tucking under at the bottom (rotating
            // back from its deepest point) before the drive up; arching as a lean back past
            // standing neutral.
            double tuck = pelvisMax - pelvis;
            flexion.update(t, tuck, phase == DESCENT, ctx);
            extension.update(t, -pelvis, phase != DESCENT, ctx);
        } else {
            double lambda = upper.inclinationDeg - pelvis;
            double expected = rhythm * Math.max(0, trunk);
            flexionTwo.update(t, lambda - expected, phase != STANDING, ctx);
            extensionTwo.update(t, -lambda, true, ctx);
        }
        if (lean != null) {
            double usual = Double.isNaN(usualDepth) ? defaultLean : usualDepth;
            lean.update(t, trunk - usual, phase != STANDING, ctx);
        }
    }

    private void finishRep(CoachContext ctx) {
        double duration = repEnd - repStart;
        boolean deepEnough = Double.isNaN(usualDepth) ? trunkMax >= 2 * startDeg : trunkMax >= minDepthShare * usualDepth;
        if (duration >= minRepS && deepEnough) {
            ctx.repCompleted(repStart, repEnd, null);
            depthCount = push(depths, depthCount, trunkMax);
            usualDepth = median(depths, depthCount);
            if (trunkMax > 20 && repLambdaAtMax > 0) {
                rhythmCount = push(rhythms, rhythmCount, repLambdaAtMax / trunkMax);
                rhythm = median(rhythms, rhythmCount);
            }
        } else {
            ctx.repDiscarded();
        }
        phase = STANDING;
    }

    /** Keeps the last values in a small ring (newest last); returns the new count. */
    private static int push(double[] ring, int count, double value) {
        if (count < ring.length) {
            ring[count] = value;
            return count + 1;
        }
        System.arraycopy(ring, 1, ring, 0, ring.length - 1);
        ring[ring.length - 1] = value;
        return count;
    }

    private final double[] scratch = new double[16];

    private double median(double[] values, int count) {
        System.arraycopy(values, 0, scratch, 0, count);
        java.util.Arrays.sort(scratch, 0, count);
        return count % 2 == 1 ? scratch[count / 2] : 0.5 * (scratch[count / 2 - 1] + scratch[count / 2]);
    }

    @Override
    FaultMonitor[] monitors() {
        return monitorsAll;
    }

    private FaultMonitor[] concat() {
        FaultMonitor[] all = new FaultMonitor[monitors.length + monitorsTwo.length - (lean != null ? 1 : 0)];
        int i = 0;
        for (FaultMonitor m : monitors) {
            all[i++] = m;
        }
        for (FaultMonitor m : monitorsTwo) {
            if (m != lean) {
                all[i++] = m;
            }
        }
        return all;
    }

    @Override
    boolean usesTwoSensors(FaultMonitor monitor) {
        return monitor == flexionTwo || monitor == extensionTwo;
    }

    @Override
    void reset() {
        phase = STANDING;
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
}
