package org.formcoach.simulator.body;

/**
 * The body model's degrees of freedom (biomechanics §4.2–4.3). Angles are radians in the
 * trajectory, positions metres in the world frame W (X forward, Y left, Z up).
 *
 * <p>The pelvis orientation is {@code R_WP = Rz(yaw) · Ry(inclination − 90°) · Rz(obliquity) · Rx(roll)}
 * on top of the back-mounted segment frame (x cranial, y left, z dorsal), so that in
 * standing at zero angles x = Z_W and z = −X_W.
 */
public enum Channel {
    /** θ_p: forward inclination of the pelvis about the (heading-relative) left axis; 0 standing, 90° quadruped. */
    INCLINATION,
    /** φ: rotation about the pelvis's cranio-caudal (x) axis; positive lifts the left side in quadruped. */
    ROLL,
    /** β: rotation about the pelvis's dorsal (z) axis; in standing the frontal-plane obliquity, positive drops the left hip. */
    OBLIQUITY,
    /** ψ: rotation about the world vertical (heading plus pelvic axial rotation). */
    YAW,
    /** λ: sagittal flexion of the thoracolumbar segment relative to the pelvis; flexion positive. */
    LUMBAR_FLEXION,
    /** Axial twist of the thoracolumbar segment relative to the pelvis, about its cranial axis. */
    LUMBAR_TWIST,
    /** Hip-joint-centre position, world X, m. */
    HIP_X,
    /** Hip-joint-centre position, world Y, m. */
    HIP_Y,
    /** Hip-joint-centre position, world Z, m (relative to standing). */
    HIP_Z,
    /** How hard the muscles work to hold a posture (0 relaxed, ≈1 a good plank); scales hold tremor. */
    EFFORT;

    public static final int COUNT = values().length;
}
