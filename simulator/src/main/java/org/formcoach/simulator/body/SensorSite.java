package org.formcoach.simulator.body;

import java.util.SplittableRandom;

import org.formcoach.engine.sample.Placement;

/**
 * Where a sensor sits on the back (biomechanics §1.1, §4.3): the share k of lumbar flexion
 * its skin segment follows (sacrum 0, L3 ≈ 0.4, T12 1), and its lever arm from the
 * hip-joint centre. The lumbar spine bends about a pivot at the sacral sensor's level, so
 * a sensor at level k sits {@code cranialM} metres up a segment that has turned by k·λ:
 *
 * <pre>p_S = p_H + R_WP · (pivot + Ry(k·λ) · (cranialM, 0, 0))</pre>
 *
 * with the pivot about 0.10 m posterior (dorsal, +z) and 0.11 m superior (cranial, +x) of
 * the hip-joint centre, in the pelvis frame.
 */
public record SensorSite(Placement placement, double lumbarShare, double pivotCranialM, double pivotDorsalM,
                         double cranialM) {

    /** The wearer's back: lever arms and lumbar share, drawn once per trace from the body's random stream. */
    public record Back(double pivotCranialM, double pivotDorsalM, double lumbarShare, double l3CranialM,
                       double t12CranialM) {
        public static Back draw(SplittableRandom rng) {
            return new Back(
                    Physiology.uniform(rng, 0.10, 0.12),
                    Physiology.uniform(rng, 0.09, 0.11),
                    Physiology.uniform(rng, 0.35, 0.45),
                    Physiology.uniform(rng, 0.14, 0.16),
                    Physiology.uniform(rng, 0.28, 0.32));
        }

        public SensorSite site(Placement placement) {
            return switch (placement) {
                case SACRUM -> new SensorSite(placement, 0, pivotCranialM, pivotDorsalM, 0);
                case LUMBAR -> new SensorSite(placement, lumbarShare, pivotCranialM, pivotDorsalM, l3CranialM);
                case THORACOLUMBAR -> new SensorSite(placement, 1, pivotCranialM, pivotDorsalM, t12CranialM);
            };
        }
    }
}
