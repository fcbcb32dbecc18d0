package org.formcoach.engine.coach;

/**
 * Plank: getting down, settling, the held baseline, hip sag and pike against it, and the
 * hold's duration when the wearer gets up (brief §2).
 *
 * <p>One sacral sensor tilts with the legs: in a sag the pelvis turns further "head down"
 * (inclination grows), in a pike less. With two sensors the thoracolumbar segment turns the
 * other way, so the lumbar angle between them (upper minus lower) falls in a sag and rises in
 * a pike; that relative angle is the more robust signal and is used when available.
 */
final class PlankDetector extends ExerciseDetector {
    private static final int WAITING = 0;
    private static final int SETTLING = 1;
    private static final int BASELINE = 2;
    private static final int HOLDING = 3;
    /** A fast or jolting movement during the hold: a shift, or the start of getting up. */
    private static final int MOVING = 4;
    /** Faster than this (deg/s, sagittal, smoothed) is a transition, not a sag or pike. */
    private static final double TRANSITION_RATE_DPS = 15;
    /** ...or this fast unsmoothed, so that the first moment of getting up is not judged as a pike. */
    private static final double TRANSITION_RAW_RATE_DPS = 30;
    /**
     * A sustained change of the accelerometer's magnitude from the hold's own level (g,
     * smoothed) is the hips moving bodily — dropping the knees to end the plank, or
     * shifting — not a slow sag. Oscillating tremor averages out of the signed mean.
     */
    private static final double TRANSITION_ACCEL_G = 0.03;
    private static final double SMOOTHING_S = 0.2;
    /** A transition within this long of settling means the wearer was still getting into position. */
    private static final double EARLY_S = 5.0;
    /** Moving this long without settling again ends the hold. */
    private static final double MAX_MOVING_S = 3.0;

    private final double minIncl;
    private final double maxIncl;
    private final double settleS;
    private final double settleRate;
    private final double baselineS;
    private final double lostS;
    private final FaultMonitor sag;
    private final FaultMonitor pike;
    private final FaultMonitor sagTwo;
    private final FaultMonitor pikeTwo;
    private final FaultMonitor[] monitors;
    private final double sagWarn;
    private final double sagFault;
    private final double pikeWarn;
    private final double pikeFault;
    private final double lumbarSensorScale;
    private org.formcoach.engine.sample.Placement thresholdsFor;

    private int state = WAITING;
    private double settleSince;
    private double holdStart = Double.NaN;
    private boolean holdConfirmed;
    private double baselineStart;
    private double sumPelvis;
    private double sumLambda;
    private double sumNorm;
    private int baselineCount;
    private double basePelvis;
    private double baseLambda;
    private double baseNorm = Double.NaN;
    private double moveStart;
    private double outSince = Double.NaN;
    private double smoothRate;
    private double smoothNorm = Double.NaN;
    private double lastT = Double.NaN;

    PlankDetector(CoachSettings s) {
        super(Exercise.PLANK);
        minIncl = s.get("plank.min_inclination_deg");
        maxIncl = s.get("plank.max_inclination_deg");
        settleS = s.get("plank.settle_s");
        settleRate = s.get("plank.settle_rate_dps");
        baselineS = s.get("plank.baseline_s");
        lostS = s.get("plank.lost_s");
        sag = new FaultMonitor(Fault.HIP_SAG, s.get("plank.hip_sag.warn_deg"), s.get("plank.hip_sag.fault_deg"), s);
        pike = new FaultMonitor(Fault.HIP_PIKE, s.get("plank.hip_pike.warn_deg"), s.get("plank.hip_pike.fault_deg"), s);
        sagTwo = new FaultMonitor(Fault.HIP_SAG, s.get("plank.hip_sag_two.warn_deg"),
                s.get("plank.hip_sag_two.fault_deg"), s);
        pikeTwo = new FaultMonitor(Fault.HIP_PIKE, s.get("plank.hip_pike_two.warn_deg"),
                s.get("plank.hip_pike_two.fault_deg"), s);
        monitors = new FaultMonitor[]{sag, pike, sagTwo, pikeTwo};
        sagWarn = s.get("plank.hip_sag.warn_deg");
        sagFault = s.get("plank.hip_sag.fault_deg");
        pikeWarn = s.get("plank.hip_pike.warn_deg");
        pikeFault = s.get("plank.hip_pike.fault_deg");
        lumbarSensorScale = s.get("plank.lumbar_sensor_scale");
    }

    @Override
    void update(CoachContext ctx) {
        double t = ctx.time();
        SensorTrack lower = ctx.lower();
        SensorTrack upper = ctx.upper();
        double pelvis = lower.inclinationDeg;
        double lambda = upper != null ? upper.inclinationDeg - pelvis : 0;
        double norm = lower.accelNormG;
        if (lower.placement != thresholdsFor) {
            // A sensor at L3 sits near the apex of the sag and turns far less than the sacrum
            // (brief §2.1); smaller thresholds catch the larger sags there.
            thresholdsFor = lower.placement;
            double k = lower.placement == org.formcoach.engine.sample.Placement.LUMBAR ? lumbarSensorScale : 1;
            sag.setThresholds(k * sagWarn, k * sagFault);
            pike.setThresholds(k * pikeWarn, k * pikeFault);
        }
        double dt = Double.isNaN(lastT) ? 0 : t - lastT;
        lastT = t;
        double alpha = dt <= 0 ? 0 : Math.min(1, dt / SMOOTHING_S);
        smoothRate += alpha * (lower.sagittalRate - smoothRate);
        smoothNorm = Double.isNaN(smoothNorm) ? norm : smoothNorm + alpha * (norm - smoothNorm);
        boolean inRange = pelvis >= minIncl && pelvis <= maxIncl;
        boolean still = lower.maxBodyRate() <= settleRate;
        boolean transition = Math.abs(smoothRate) > TRANSITION_RATE_DPS
                || Math.abs(lower.sagittalRate) > TRANSITION_RAW_RATE_DPS
                || (!Double.isNaN(baseNorm) && Math.abs(smoothNorm - baseNorm) > TRANSITION_ACCEL_G);

        switch (state) {
            case WAITING -> {
                if (inRange) {
                    state = SETTLING;
                    settleSince = t;
                }
            }
            case SETTLING -> {
                if (!inRange) {
                    state = WAITING;
                } else if (!still) {
                    settleSince = t;
                } else if (t - settleSince >= settleS) {
                    startBaseline(t, settleSince);
                }
            }
            case BASELINE -> {
                if (!inRange || !still || transition) {
                    // Not settled after all: the wearer was still getting into position.
                    state = inRange ? SETTLING : WAITING;
                    settleSince = t;
                    if (!holdConfirmed) {
                        holdStart = Double.NaN;
                    }
                } else {
                    sumPelvis += pelvis;
                    sumLambda += lambda;
                    sumNorm += norm;
                    baselineCount++;
                    if (t - baselineStart >= baselineS) {
                        basePelvis = sumPelvis / baselineCount;
                        baseLambda = sumLambda / baselineCount;
                        baseNorm = sumNorm / baselineCount;
                        state = HOLDING;
                        holdConfirmed = true;
                    }
                }
            }
            case HOLDING -> {
                if (!inRange || transition) {
                    state = MOVING;
                    moveStart = t;
                    outSince = inRange ? Double.NaN : t;
                    settleSince = t;
                }
            }
            case MOVING -> {
                if (!inRange) {
                    if (Double.isNaN(outSince)) {
                        outSince = t;
                    }
                    if (t - outSince >= lostS) {
                        endHold(ctx, moveStart);
                    }
                } else {
                    outSince = Double.NaN;
                    if (!still || transition) {
                        settleSince = t;
                    } else if (t - settleSince >= settleS) {
                        // Settled again: a shift, or the end of getting into position.
                        boolean early = moveStart - holdStart < EARLY_S;
                        startBaseline(t, early ? settleSince : holdStart);
                    }
                }
                if (state == MOVING && t - moveStart >= MAX_MOVING_S) {
                    endHold(ctx, moveStart);
                }
            }
            default -> throw new IllegalStateException();
        }
        boolean judging = state == HOLDING;
        if (upper == null) {
            sag.update(t, pelvis - basePelvis, judging, ctx);
            pike.update(t, basePelvis - pelvis, judging, ctx);
        } else {
            sagTwo.update(t, baseLambda - lambda, judging, ctx);
            pikeTwo.update(t, lambda - baseLambda, judging, ctx);
        }
    }

    private void startBaseline(double t, double start) {
        state = BASELINE;
        holdStart = start;
        baselineStart = t;
        sumPelvis = 0;
        sumLambda = 0;
        sumNorm = 0;
        baselineCount = 0;
        baseNorm = Double.NaN;
    }

    private void endHold(CoachContext ctx, double end) {
        for (FaultMonitor m : monitors) {
            m.forceClear(ctx.time(), ctx);
        }
        if (holdConfirmed) {
            ctx.holdCompleted(holdStart, end);
        }
        holdStart = Double.NaN;
        holdConfirmed = false;
        baseNorm = Double.NaN;
        state = WAITING;
    }

    @Override
    void finish(CoachContext ctx) {
        if (holdConfirmed) {
            endHold(ctx, state == MOVING ? moveStart : ctx.time());
        }
    }

    @Override
    FaultMonitor[] monitors() {
        return monitors;
    }

    @Override
    boolean appliesInMode(FaultMonitor monitor, boolean two) {
        if (monitor == sagTwo || monitor == pikeTwo) {
            return two;
        }
        if (monitor == sag || monitor == pike) {
            return !two;
        }
        return true;
    }

    @Override
    void reset() {
        state = WAITING;
        holdStart = Double.NaN;
        holdConfirmed = false;
        baseNorm = Double.NaN;
        lastT = Double.NaN;
        smoothRate = 0;
        smoothNorm = Double.NaN;
    }

    @Override
    String phase() {
        return switch (state) {
            case WAITING -> "get into position";
            case SETTLING -> "settling";
            case BASELINE -> "hold (learning)";
            case MOVING -> "moving";
            default -> "hold";
        };
    }

    @Override
    double holdStart() {
        return holdConfirmed || state == BASELINE ? holdStart : Double.NaN;
    }
}
