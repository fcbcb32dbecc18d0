package org.formcoach.simulator.body;

/**
 * The normalised minimum-jerk step (biomechanics §4.2): {@code s(τ) = 10τ³ − 15τ⁴ + 6τ⁵}
 * for τ in [0, 1], 0 before and 1 after. Position, velocity and acceleration are
 * continuous at both ends, so chains of such steps give smooth (C²) kinematics whose
 * second differences are the true accelerations.
 */
public final class MinimumJerk {
    /** Peak of ds/dτ, at τ = ½: a step of Δ over T peaks at 1.875·Δ/T. */
    public static final double PEAK_RATE = 1.875;

    private MinimumJerk() {
    }

    /** The step at normalised time τ, clamped to 0 before and 1 after. */
    public static double step(double tau) {
        if (tau <= 0) {
            return 0;
        }
        if (tau >= 1) {
            return 1;
        }
        double t3 = tau * tau * tau;
        return t3 * (10 - 15 * tau + 6 * tau * tau);
    }

    /**
     * ∫₀^τ s(u) du: the distance covered while a rate ramps up with the minimum-jerk
     * shape (½ at τ = 1, then growing by 1 per unit of τ).
     */
    public static double integral(double tau) {
        if (tau <= 0) {
            return 0;
        }
        if (tau >= 1) {
            return 0.5 + (tau - 1);
        }
        double t4 = tau * tau * tau * tau;
        return t4 * (2.5 - 3 * tau + tau * tau);
    }
}
