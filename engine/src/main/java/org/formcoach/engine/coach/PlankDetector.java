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
    /** Faster than this (deg/s, sagittal) is a transition (getting up or down), not a sag or pike. */
    private static final double TRANSITION_RATE_DPS = 15;
    /** Time constant of the smoothing of the sagittal rate used for that test, s. */
    private static final double RATE_SMOOTHING_S = 0.15;

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

    private int state = WAITING;
    private double settleSince;
    private double holdStart = Double.NaN;
    private double baselineStart;
    private double sumPelvis;
    private double sumLambda;
    private int baselineCount;
    private double basePelvis;
    private double baseLambda;
    private double lostSince = Double.NaN;
    private double smoothRate;
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
    }

    @Override
    void update(CoachContext ctx) {
        double t = ctx.time();
        SensorTrack lower = ctx.lower();
        SensorTrack upper = ctx.upper();
        double pelvis = lower.inclinationDeg;
        double lambda = upper != null ? upper.inclinationDeg - pelvis : 0;
        double dt = Double.isNaN(lastT) ? 0 : t - lastT;
        lastT = t;
        double alpha = dt <= 0 ? 0 : Math.min(1, dt / RATE_SMOOTHING_S);
        smoothRate += alpha * (lower.sagittalRate - smoothRate);
        boolean inRange = pelvis >= minIncl && pelvis <= maxIncl;
        boolean transition = Math.abs(smoothRate) > TRANSITION_RATE_DPS;

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
                } else if (Math.abs(lower.sagittalRate) > settleRate || Math.abs(lower.frontalRate) > settleRate
                        || Math.abs(lower.axialRate) > settleRate) {
                    settleSince = t;
                } else if (t - settleSince >= settleS) {
                    state = BASELINE;
                    holdStart = settleSince;
                    baselineStart = t;
                    sumPelvis = 0;
                    sumLambda = 0;
                    baselineCount = 0;
                }
            }
            case BASELINE -> {
                if (!inRange) {
                    state = WAITING;
                    holdStart = Double.NaN;
                } else {
                    sumPelvis += pelvis;
                    sumLambda += lambda;
                    baselineCount++;
                    if (t - baselineStart >= baselineS) {
                        basePelvis = sumPelvis / baselineCount;
                        baseLambda = sumLambda / baselineCount;
                        state = HOLDING;
                        lostSince = Double.NaN;
                    }
                }
            }
            case HOLDING -> {
                if (!inRange || transition) {
                    if (Double.isNaN(lostSince)) {
                        lostSince = t;
                    }
                    if (t - lostSince >= lostS) {
                        endHold(ctx, lostSince);
                    }
                } else {
                    lostSince = Double.NaN;
                }
            }
            default -> throw new IllegalStateException();
        }
        boolean judging = state == HOLDING && inRange && !transition;
        if (upper == null) {
            sag.update(t, pelvis - basePelvis, judging, ctx);
            pike.update(t, basePelvis - pelvis, judging, ctx);
        } else {
            sagTwo.update(t, baseLambda - lambda, judging, ctx);
            pikeTwo.update(t, lambda - baseLambda, judging, ctx);
        }
    }

    private void endHold(CoachContext ctx, double end) {
        for (FaultMonitor m : monitors) {
            m.forceClear(ctx.time(), ctx);
        }
        ctx.holdCompleted(holdStart, end);
        holdStart = Double.NaN;
        state = WAITING;
    }

    @Override
    FaultMonitor[] monitors() {
        return monitors;
    }

    @Override
    boolean usesTwoSensors(FaultMonitor monitor) {
        return monitor == sagTwo || monitor == pikeTwo;
    }

    @Override
    void reset() {
        state = WAITING;
        holdStart = Double.NaN;
        lastT = Double.NaN;
        smoothRate = 0;
    }

    @Override
    String phase() {
        return switch (state) {
            case WAITING -> "get into position";
            case SETTLING -> "settling";
            case BASELINE -> "hold (learning)";
            default -> "hold";
        };
    }

    @Override
    double holdStart() {
        return state >= BASELINE ? holdStart : Double.NaN;
    }
}
