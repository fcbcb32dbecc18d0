package org.formcoach.engine.coach;

/**
 * Bird-dog: settling on all fours, reps (one arm and the opposite leg raised, held,
 * lowered), the side of each rep, the hold time per rep, and pelvic rotation and sideways
 * swing against the quadruped baseline taken just before each rep (brief §3).
 *
 * <p>With the trunk horizontal, the pelvis's roll about the spine is visible to the
 * accelerometer, but its swing about the vertical is not: it comes from the integrated
 * gyro, so the gyro offset is re-zeroed in the quiet quadruped before every rep. The side
 * comes from the small roll every real rep shows: the raised leg's side of the pelvis rises.
 */
final class BirdDogDetector extends ExerciseDetector {
    private static final int WAITING = 0;
    private static final int SETTLING = 1;
    private static final int READY = 2;
    private static final int REP = 3;
    /** The rep is over when roll and heading are back within these of the baseline for RETURN_S. */
    private static final double RETURN_ROLL_DEG = 0.5;
    private static final double RETURN_HEADING_DEG = 2.0;
    private static final double RETURN_S = 0.5;
    private static final double START_CONFIRM_S = 0.2;
    /** Baseline follows the quiet quadruped with this time constant, s. */
    private static final double BASELINE_TAU_S = 1.0;
    /** Hold: steady when every body rate is under this, deg/s. */
    private static final double STEADY_RATE_DPS = 4;
    private static final double REZERO_MAX_CHANGE_DPS = 0.6;
    /**
     * The gyro is re-zeroed only from a window in which the pelvis stayed this close to its
     * baseline and turned slower than this: the start of a rep must not leak into the
     * offset (it would then drift the heading and roll for the whole hold).
     */
    private static final double UNDISTURBED_ROLL_DEG = 0.25;
    private static final double UNDISTURBED_RATE_DPS = 2.0;
    /**
     * A quiet window's mean rate becomes the offset only if nothing moved for this long
     * after the window: the slow first fraction of a movement passes every stillness test.
     */
    private static final double REZERO_CONFIRM_S = 0.5;

    private final double minIncl;
    private final double maxIncl;
    private final double settleS;
    private final double settleRate;
    private final double repRoll;
    private final double minRepS;
    private final double rezeroS;
    private final FaultMonitor rotation;
    private final FaultMonitor tilt;
    private final FaultMonitor[] monitors;

    private int state = WAITING;
    private double settleSince;
    private double baseRoll;
    private double baseHeading;
    private double lastT = Double.NaN;
    private double deviationSince = Double.NaN;
    private double lastAtBaseline;
    private double repStart;
    private double maxAbsRoll;
    private double signedRollAtMax;
    private double returnSince = Double.NaN;
    private double holdStart = Double.NaN;
    private double holdEnd = Double.NaN;
    private double steadySince = Double.NaN;
    private double lastDisturbed = Double.NaN;
    private boolean pending;
    private double pendingTime;
    private double pendingX, pendingY, pendingZ;

    BirdDogDetector(CoachSettings s) {
        super(Exercise.BIRD_DOG);
        minIncl = s.get("bird_dog.min_inclination_deg");
        maxIncl = s.get("bird_dog.max_inclination_deg");
        settleS = s.get("bird_dog.settle_s");
        settleRate = s.get("bird_dog.settle_rate_dps");
        repRoll = s.get("bird_dog.rep_roll_deg");
        minRepS = s.get("bird_dog.min_rep_s");
        rezeroS = s.get("calibration.rezero_quiet_s");
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
                } else if (maxRate(lower) > settleRate) {
                    settleSince = t;
                } else if (t - settleSince >= settleS) {
                    state = READY;
                    baseRoll = roll;
                    baseHeading = heading;
                    lastAtBaseline = t;
                    deviationSince = Double.NaN;
                }
            }
            case READY -> {
                if (!inRange) {
                    state = WAITING;
                    break;
                }
                boolean deviating = Math.abs(rollDev) >= repRoll || Math.abs(headingDev) >= 2 * RETURN_HEADING_DEG;
                if (Math.abs(rollDev) > UNDISTURBED_ROLL_DEG || maxRate(lower) > UNDISTURBED_RATE_DPS
                        || Double.isNaN(lastDisturbed)) {
                    lastDisturbed = t;
                    pending = false;
                }
                if (!deviating) {
                    // Follow slow postural changes and re-zero the gyro while quietly on all fours.
                    double a = Math.min(1, dt / BASELINE_TAU_S);
                    baseRoll += a * rollDev;
                    baseHeading = wrap(baseHeading + a * headingDev);
                    if (Math.abs(rollDev) < RETURN_ROLL_DEG) {
                        lastAtBaseline = t;
                    }
                    deviationSince = Double.NaN;
                    rezero(lower, t);
                } else if (Double.isNaN(deviationSince)) {
                    deviationSince = t;
                } else if (t - deviationSince >= START_CONFIRM_S) {
                    state = REP;
                    repStart = lastAtBaseline;
                    maxAbsRoll = Math.abs(rollDev);
                    signedRollAtMax = rollDev;
                    returnSince = Double.NaN;
                    holdStart = Double.NaN;
                    holdEnd = Double.NaN;
                    steadySince = Double.NaN;
                    ctx.repStarted(repStart);
                }
            }
            case REP -> {
                if (Math.abs(rollDev) > maxAbsRoll) {
                    maxAbsRoll = Math.abs(rollDev);
                    signedRollAtMax = rollDev;
                }
                boolean steady = maxRate(lower) < STEADY_RATE_DPS;
                if (steady) {
                    if (Double.isNaN(steadySince)) {
                        steadySince = t;
                    }
                    if (Double.isNaN(holdStart) && t - steadySince >= 0.3) {
                        holdStart = steadySince;
                    }
                } else {
                    steadySince = Double.NaN;
                    if (!Double.isNaN(holdStart) && Double.isNaN(holdEnd)) {
                        holdEnd = t;
                    }
                }
                boolean back = Math.abs(rollDev) < RETURN_ROLL_DEG && Math.abs(headingDev) < RETURN_HEADING_DEG;
                if (back) {
                    if (Double.isNaN(returnSince)) {
                        returnSince = t;
                    }
                    if (t - returnSince >= RETURN_S) {
                        endRep(ctx, returnSince);
                    }
                } else {
                    returnSince = Double.NaN;
                }
                if (!inRange) {
                    ctx.repDiscarded();
                    state = WAITING;
                }
            }
            default -> throw new IllegalStateException();
        }
        boolean judging = state == REP;
        rotation.update(t, Math.abs(rollDev), judging, ctx);
        tilt.update(t, Math.abs(headingDev), judging, ctx);
    }

    /** Re-zeroes the gyro from a quiet window once it is known that no movement followed it. */
    private void rezero(SensorTrack lower, double t) {
        if (t - lastDisturbed < lower.quiet.span() || !lower.isQuietFor(rezeroS)) {
            return;
        }
        if (pending && t - pendingTime >= REZERO_CONFIRM_S) {
            lower.setGyroOffset(pendingX, pendingY, pendingZ, REZERO_MAX_CHANGE_DPS);
            pending = false;
        }
        if (!pending) {
            pending = true;
            pendingTime = t;
            pendingX = lower.quiet.mean(0);
            pendingY = lower.quiet.mean(1);
            pendingZ = lower.quiet.mean(2);
        }
    }

    private void endRep(CoachContext ctx, double end) {
        if (end - repStart >= minRepS) {
            // The raised leg's side of the pelvis rises; the lifted arm is the other side.
            // Positive roll = left side up = left leg raised = right arm.
            Side side = signedRollAtMax > 0 ? Side.RIGHT : Side.LEFT;
            if (!Double.isNaN(holdStart)) {
                double he = Double.isNaN(holdEnd) ? end : holdEnd;
                ctx.holdCompleted(holdStart, he);
            }
            ctx.repCompleted(repStart, end, side);
        } else {
            ctx.repDiscarded();
        }
        state = READY;
        lastAtBaseline = end;
        deviationSince = Double.NaN;
    }

    private static double maxRate(SensorTrack s) {
        return Math.max(Math.abs(s.sagittalRate), Math.max(Math.abs(s.frontalRate), Math.abs(s.axialRate)));
    }

    private static double wrap(double deg) {
        double d = deg % 360;
        if (d > 180) {
            d -= 360;
        } else if (d < -180) {
            d += 360;
        }
        return d;
    }

    @Override
    FaultMonitor[] monitors() {
        return monitors;
    }

    @Override
    void reset() {
        state = WAITING;
        lastT = Double.NaN;
        lastDisturbed = Double.NaN;
        pending = false;
        holdStart = Double.NaN;
    }

    @Override
    String phase() {
        return switch (state) {
            case WAITING -> "get down on all fours";
            case SETTLING -> "settling";
            case READY -> "ready";
            default -> Double.isNaN(holdStart) ? "raise" : "hold";
        };
    }

    @Override
    double holdStart() {
        return state == REP ? holdStart : Double.NaN;
    }
}
