package org.formcoach.simulator.sensor;

/**
 * The slow wander of an offset, a first-order Gauss–Markov process (AirSim's IMU model):
 * {@code b[k+1] = e^(−Δt/τ)·b[k] + σ·√(1 − e^(−2Δt/τ))·w[k]}, stationary spread σ.
 *
 * @param sigma        bias instability σ_BI, in the triad's unit
 * @param timeConstantS correlation time τ, seconds
 */
public record GaussMarkov(double sigma, double timeConstantS) {
    public static final GaussMarkov NONE = new GaussMarkov(0, 1);

    public GaussMarkov {
        if (!(sigma >= 0) || !(timeConstantS > 0)) {
            throw new IllegalArgumentException("bias instability needs sigma >= 0 and tau > 0");
        }
    }
}
