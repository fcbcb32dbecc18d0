package org.formcoach.simulator.body;

import java.util.SplittableRandom;

/**
 * The physiological layers on top of the planned movement (biomechanics §4.2): breathing,
 * slow postural sway and hold tremor. Soft-tissue artefact moves each sensor on the skin,
 * so it lives in {@link SensorSynthesizer}. All amplitudes are drawn once per wearer.
 *
 * <ul>
 *   <li>Breathing: 0.2–0.33 Hz, ±0.5–0.8° of pelvic inclination (the lower half of the
 *       ±0.5–1° range, so that quiet standing stays under the 2 °/s stillness limit of
 *       calibration), a third of that in lumbar flexion, ±1–2 mm vertical.</li>
 *   <li>Postural sway: 0.02–0.15 Hz, about 3° peak to peak of pelvic inclination over a
 *       minute of standing [S19], less in braced holds.</li>
 *   <li>Hold tremor: 3–9 Hz translation whose acceleration RMS follows the {@link Channel#EFFORT}
 *       channel (mean |a| ≈ 0.15–0.3 m/s² in a good hold [S31]), with a little rotation.</li>
 * </ul>
 */
public final class Physiology {
    private static final double DEG = Math.PI / 180;
    /** Per-axis tremor acceleration RMS at effort 1, m/s² (mean |a| ≈ 1.6× this). */
    private static final double TREMOR_ACCEL_RMS = 0.12;

    private final double breathingHz;
    private final double breathingRad;
    private final double breathingMetres;
    private final double breathingPhase;
    private final double swayRad;
    private final double swayMetres;
    private final double tremorGain;
    private final double tremorRotationRad;
    private final SplittableRandom rng;

    public Physiology(SplittableRandom rng) {
        this.breathingHz = uniform(rng, 0.2, 0.33);
        this.breathingRad = uniform(rng, 0.5, 0.8) * DEG;
        this.breathingMetres = uniform(rng, 0.001, 0.002);
        this.breathingPhase = uniform(rng, 0, 2 * Math.PI);
        this.swayRad = uniform(rng, 0.4, 0.7) * DEG;
        this.swayMetres = uniform(rng, 0.002, 0.005);
        this.tremorGain = uniform(rng, 0.8, 1.3);
        this.tremorRotationRad = uniform(rng, 0.02, 0.05) * DEG;
        this.rng = rng.split();
    }

    /** Adds every layer to the trajectory. Deterministic for the random stream given at construction. */
    public void applyTo(BodyTrajectory body) {
        int n = body.length();
        double dt = 1.0 / body.rateHz();
        double t0 = body.startS();
        addBreathing(body, n, dt, t0);

        // Sway is free in standing and damped in braced holds.
        double[] effort = body.channel(Channel.EFFORT);
        double[] swayEnvelope = new double[n];
        double[] tremorEnvelope = new double[n];
        for (int i = 0; i < n; i++) {
            double e = Math.max(0, effort[i]);
            swayEnvelope[i] = 1 / (1 + 2 * e);
            tremorEnvelope[i] = e;
        }
        new BandNoise(0.02, 0.15, 6, rng).addTo(body.channel(Channel.INCLINATION), swayEnvelope, t0, dt, swayRad);
        new BandNoise(0.02, 0.15, 5, rng).addTo(body.channel(Channel.OBLIQUITY), swayEnvelope, t0, dt, 0.4 * swayRad);
        new BandNoise(0.02, 0.15, 5, rng).addTo(body.channel(Channel.YAW), swayEnvelope, t0, dt, 0.4 * swayRad);
        new BandNoise(0.02, 0.15, 5, rng).addTo(body.channel(Channel.HIP_X), swayEnvelope, t0, dt, swayMetres);
        new BandNoise(0.02, 0.15, 5, rng).addTo(body.channel(Channel.HIP_Y), swayEnvelope, t0, dt, swayMetres);

        for (Channel axis : new Channel[]{Channel.HIP_X, Channel.HIP_Y, Channel.HIP_Z}) {
            BandNoise tremor = new BandNoise(3, 9, 6, rng);
            double metres = tremorGain * TREMOR_ACCEL_RMS / tremor.secondDerivativeRms();
            tremor.addTo(body.channel(axis), tremorEnvelope, t0, dt, metres);
        }
        new BandNoise(4, 9, 5, rng).addTo(body.channel(Channel.INCLINATION), tremorEnvelope, t0, dt, tremorRotationRad);
        new BandNoise(4, 9, 5, rng).addTo(body.channel(Channel.ROLL), tremorEnvelope, t0, dt, tremorRotationRad);
    }

    /** Breathing with a slowly wandering rate (±8 %), so no two breaths are identical. */
    private void addBreathing(BodyTrajectory body, int n, double dt, double t0) {
        double[] incl = body.channel(Channel.INCLINATION);
        double[] lumbar = body.channel(Channel.LUMBAR_FLEXION);
        double[] z = body.channel(Channel.HIP_Z);
        double wanderHz = 0.015;
        double wanderDepth = 0.08 * breathingHz / wanderHz;
        for (int i = 0; i < n; i++) {
            double t = t0 + i * dt;
            double phase = 2 * Math.PI * breathingHz * t
                    + wanderDepth * Math.sin(2 * Math.PI * wanderHz * t + breathingPhase) + breathingPhase;
            double b = Math.sin(phase);
            incl[i] += breathingRad * b;
            lumbar[i] += 0.3 * breathingRad * b;
            z[i] += breathingMetres * b;
        }
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
