package org.formcoach.engine.coach;

/**
 * Bird-dog: settling on all fours, reps (one arm and the opposite leg raised, held,
 * lowered), the side of each rep, the hold time per rep, and pelvic rotation and sideways
 * swing against the quadruped baseline taken just before each rep (brief §3).
 *
 * <p>With the trunk horizontal, the pelvis's roll about the spine is visible to the
 * accelerometer, but its swing about the vertical is not: it comes from the integrated
 * gyro, so the gyro's offset about the vertical is re-zeroed in the quiet quadruped
 * between reps. A rep shows as the pelvis leaving its baseline roll (every real rep tips
 * it a little: the raised leg's side rises, which also gives the side).
 */
final class BirdDogDetector extends ExerciseDetector {
    private static final int WAITING = 0;
    private static final int SETTLING = 1;
    /** Quiet on all fours; learning the baseline roll and heading. */
    private static final int BASELINING = 2;
    private static final int READY = 3;
    private static final int REP = 4;

    /** Baseline: the mean over this long of steady quadruped. */
    private static final double BASELINE_S = 0.5;
    /** The baseline follows slow postural drift while at rest with this time constant, s. */
    private static final double BASELINE_DRIFT_TAU_S = 10;
    private static final double START_CONFIRM_S = 0.2;
    /** A swing about the vertical this large also starts a rep. */
    private static final double START_HEADING_DEG = 4;
    /**
     * The rep is over when the roll is back near the baseline — within this, or within
     * RETURN_SHARE of the rep's largest excursion, since the pelvis seldom settles exactly
     * where it started — and steady, for RETURN_S.
     */
    private static final double RETURN_ROLL_DEG = 0.5;
    private static final double RETURN_SHARE = 0.4;
    private static final double RETURN_S = 0.5;
    /** A rep longer than this ends at the next steady second, wherever the pelvis is. */
    private static final double MAX_REP_S = 16;
    /**
     * Steady: the smoothed rates about the spine and about the vertical (the rates a limb
     * raise or a pelvic rotation produce) under this, deg/s. The sagittal rate is left out:
     * breathing rocks the pelvis in pitch all the time.
     */
    private static final double STEADY_RATE_DPS = 1.2;
    private static final double RATE_SMOOTHING_S = 0.25;
    /** The hold starts once the raised limbs have been steady this long. */
    private static final double HOLD_SETTLE_S = 0.3;
    /**
     * Between reps, in the quiet quadruped, the rate about the vertical should average zero;
     * what remains is gyro offset, removed through a leaky integrator with this time
     * constant, only while the pelvis is steady and at its baseline.
     */
    private static final double REZERO_TAU_S = 1.0;
    private static final double REZERO_ROLL_DEG = 0.5;
    private static final double REZERO_HEADING_DEG = 1.5;

    private final double minIncl;
    private final double maxIncl;
    private final double settleS;
    private final double settleRate;
    private final double repRoll;
    private final double minRepS;
    private final FaultMonitor rotation;
    private final FaultMonitor tilt;
    private final FaultMonitor[] monitors;

    private int state = WAITING;
    private double settleSince;
    private double baselineStart;
    private double sumRoll;
    private double sumHeadingDev;
    private int baselineCount;
    private double baseRoll;
    private double baseHeading;
    private double lastT = Double.NaN;
    private double smoothAxial;
    private double smoothFrontal;
    private boolean wasSteady;
    private double deviationSince = Double.NaN;
    private double lastAtBaseline;
    private double repStart;
    private double maxAbsRoll;
    private double signedRollAtMax;
    private double returnSince = Double.NaN;
    private double steadySince = Double.NaN;
    private double holdStart = Double.NaN;
    private double holdEnd = Double.NaN;
    private double unsteadySince = Double.NaN;

    BirdDogDetector(CoachSettings s) {
        super(Exercise.BIRD_DOG);
        minIncl = s.get("bird_dog.min_inclination_deg");
        maxIncl = s.get("bird_dog.max_inclination_deg");
        settleS = s.get("bird_dog.settle_s");
        settleRate = s.get("bird_dog.settle_rate_dps");
        repRoll = s.get("bird_dog.rep_roll_deg");
        minRepS = s.get("bird_dog.min_rep_s");
        rotation = new FaultMonitor(Fault.TRUNK_ROTATION, s.get("bird_dog.trunk_rotation.warn_deg"),
                s.get("bird_dog.trunk_rotation.fault_deg"), s);
        tilt = new FaultMonitor(Fault.LATERAL_TILT, s.get("bird_dog.lateral_tilt.warn_deg"),
                s.get("bird_dog.lateral_tilt.fault_deg"), s);
        monitors = new FaultMonitor[]{rotation, tilt};
    }

    @Override
    void update(CoachContext ctx) {
        double t = ctx.time();
        SensorTrack lower = ctx.lower();
        double incl = lower.inclinationDeg;
        double roll = lower.lateralDeg;
        double heading = lower.headingDeg();
        double dt = Double.isNaN(lastT) ? 0 : t - lastT;
        lastT = t;
        boolean inRange = incl >= minIncl && incl <= maxIncl;
        double alpha = Math.min(1, dt / RATE_SMOOTHING_S);
        smoothAxial += alpha * (lower.axialRate - smoothAxial);
        smoothFrontal += alpha * (lower.frontalRate - smoothFrontal);
        boolean steady = Math.abs(smoothAxial) < STEADY_RATE_DPS && Math.abs(smoothFrontal) < STEADY_RATE_DPS;
        double rollDev = roll - baseRoll;
        double headingDev = wrap(heading - baseHeading);

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
                } else if (lower.maxBodyRate() > settleRate) {
                    settleSince = t;
                } else if (t - settleSince >= settleS) {
                    startBaseline(t, heading);
                }
            }
            case BASELINING -> {
                if (!inRange) {
                    state = WAITING;
                } else if (!steady) {
                    startBaseline(t, heading);
                } else {
                    sumRoll += roll;
                    sumHeadingDev += wrap(heading - baseHeading);
                    baselineCount++;
                    if (t - baselineStart >= BASELINE_S) {
                        baseRoll = sumRoll / baselineCount;
                        baseHeading = wrap(baseHeading + sumHeadingDev / baselineCount);
                        state = READY;
                        lastAtBaseline = t;
                        deviationSince = Double.NaN;
                    }
                }
            }
            case READY -> {
                if (!inRange) {
                    state = WAITING;
                    break;
                }
                boolean deviating = Math.abs(rollDev) >= repRoll || Math.abs(headingDev) >= START_HEADING_DEG;
                if (!deviating) {
                    deviationSince = Double.NaN;
                    if (Math.abs(rollDev) < RETURN_ROLL_DEG) {
                        lastAtBaseline = t;
                    }
                    if (steady && Math.abs(rollDev) < REZERO_ROLL_DEG && Math.abs(headingDev) < REZERO_HEADING_DEG) {
                        double a = Math.min(1, dt / BASELINE_DRIFT_TAU_S);
                        baseRoll += a * rollDev;
                        baseHeading = wrap(baseHeading + a * headingDev);
                        lower.nudgeGyroOffsetAlongDorsal(lower.frontalRate * Math.min(1, dt / REZERO_TAU_S));
                    }
                } else if (Double.isNaN(deviationSince)) {
                    deviationSince = t;
                } else if (t - deviationSince >= START_CONFIRM_S) {
                    startRep(ctx, rollDev, headingDev);
                }
            }
            case REP -> updateRep(ctx, t, inRange, steady, rollDev, headingDev);
            default -> throw new IllegalStateException();
        }
        wasSteady = steady;
        boolean judging = state == REP;
        rotation.update(t, Math.abs(rollDev), judging, ctx);
        tilt.update(t, Math.abs(headingDev), judging, ctx);
    }

    private void startBaseline(double t, double heading) {
        state = BASELINING;
        baselineStart = t;
        sumRoll = 0;
        sumHeadingDev = 0;
        baselineCount = 0;
        baseHeading = heading;
    }

    private void startRep(CoachContext ctx, double rollDev, double headingDev) {
        state = REP;
        repStart = lastAtBaseline;
        maxAbsRoll = Math.abs(rollDev);
        signedRollAtMax = rollDev;
        returnSince = Double.NaN;
        steadySince = Double.NaN;
        holdStart = Double.NaN;
        holdEnd = Double.NaN;
        unsteadySince = Double.NaN;
        ctx.repStarted(repStart);
    }

    private void updateRep(CoachContext ctx, double t, boolean inRange, boolean steady, double rollDev,
                           double headingDev) {
        if (!inRange) {
            ctx.repDiscarded();
            state = WAITING;
            return;
        }
        if (Math.abs(rollDev) > maxAbsRoll) {
            maxAbsRoll = Math.abs(rollDev);
            signedRollAtMax = rollDev;
        }
        if (steady) {
            if (Double.isNaN(steadySince) || !wasSteady) {
                steadySince = t;
            }
            if (Double.isNaN(holdStart) && t - steadySince >= HOLD_SETTLE_S) {
                holdStart = steadySince;
            }
        } else if (wasSteady) {
            unsteadySince = t;
        }
        // Roll alone decides the return: the heading comes from the integrated gyro and may
        // have drifted a degree or two over the hold.
        boolean back = Math.abs(rollDev) < Math.max(RETURN_ROLL_DEG, RETURN_SHARE * maxAbsRoll);
        boolean overdue = t - repStart > MAX_REP_S;
        if ((back || overdue) && steady) {
            if (Double.isNaN(returnSince)) {
                returnSince = t;
                // The limbs came down in the movement that just ended: the hold ended when it began.
                holdEnd = Double.isNaN(unsteadySince) ? t : unsteadySince;
            }
            if (t - returnSince >= (overdue && !back ? 1.0 : RETURN_S)) {
                endRep(ctx, returnSince);
            }
        } else {
            returnSince = Double.NaN;
        }
    }

    private void endRep(CoachContext ctx, double end) {
        if (end - repStart >= minRepS) {
            // The raised leg's side of the pelvis rises; the lifted arm is the other side.
            // Positive roll = left side up = left leg raised = right arm.
            Side side = signedRollAtMax > 0 ? Side.RIGHT : Side.LEFT;
            if (!Double.isNaN(holdStart) && holdEnd > holdStart) {
                ctx.holdCompleted(holdStart, holdEnd);
            }
            ctx.repCompleted(repStart, end, side);
        } else {
            ctx.repDiscarded();
        }
        startBaseline(ctx.time(), ctx.lower().headingDeg());
    }

    /**
     * The angle in [-180, 180]. Differences of two headings are nearly always within one
     * turn, so a comparison or one subtraction does; a double's {@code %} is a slow library
     * remainder, which this ran on every sample.
     */
    static double wrap(double deg) {
        if (deg > 180) {
            deg -= 360;
            return deg > 180 ? deg - 360 * Math.ceil((deg - 180) / 360) : deg;
        }
        if (deg < -180) {
            deg += 360;
            return deg < -180 ? deg + 360 * Math.ceil((-180 - deg) / 360) : deg;
        }
        return deg;
    }

    @Override
    FaultMonitor[] monitors() {
        return monitors;
    }

    @Override
    void reset() {
        state = WAITING;
        lastT = Double.NaN;
        holdStart = Double.NaN;
        smoothAxial = 0;
        smoothFrontal = 0;
    }

    @Override
    String phase() {
        return switch (state) {
            case WAITING -> "get down on all fours";
            case SETTLING, BASELINING -> "settling";
            case READY -> "ready";
            default -> Double.isNaN(holdStart) ? "raise" : "hold";
        };
    }

    @Override
    double holdStart() {
        return state == REP ? holdStart : Double.NaN;
    }
}
