package org.formcoach.simulator.sensor;

/**
 * The part warming up on skin: its temperature rises by {@code riseC} towards a plateau,
 * {@code ΔT(t) = rise·(1 − e^(−t/τ))} from the first sample. Each axis's offset moves by its
 * temperature coefficient × ΔT.
 *
 * @param riseC         total temperature rise, °C
 * @param timeConstantS time constant of the rise, seconds
 */
public record Warming(double riseC, double timeConstantS) {
    public static final Warming NONE = new Warming(0, 1);
    /** 20 → 32 °C over 5–10 min on skin (brief §5.3, assumption): 12 °C, τ = 150 s (95 % after 7.5 min). */
    public static final Warming SKIN = new Warming(12, 150);

    public Warming {
        if (!Double.isFinite(riseC) || !(timeConstantS > 0)) {
            throw new IllegalArgumentException("warming needs a finite rise and tau > 0");
        }
    }
}
