package org.formcoach.engine.sample;

/**
 * Where on the back a sensor sits (CONTRACT §1). The ordinal is used as a small integer
 * index in the per-sample path, so the order of the constants is part of the format of
 * in-memory state; add new placements at the end.
 */
public enum Placement {
    /** S1–S2 or L5: moves with the pelvis. */
    SACRUM("sacrum"),
    /** L3–L4: the pelvis plus part of the lumbar curve. */
    LUMBAR("lumbar"),
    /** T12–L1: above the lumbar spine; with a lower sensor it gives the lumbar angle. */
    THORACOLUMBAR("thoracolumbar");

    private static final Placement[] VALUES = values();

    private final String traceName;

    Placement(String traceName) {
        this.traceName = traceName;
    }

    /** The name used in the trace's {@code sensor} column and in JSON output. */
    public String traceName() {
        return traceName;
    }

    public static Placement ofIndex(int index) {
        return VALUES[index];
    }

    public static int count() {
        return VALUES.length;
    }

    /** @return the placement with that trace name (case-insensitive), or null when there is none */
    public static Placement fromTraceName(CharSequence name) {
        for (Placement p : VALUES) {
            if (equalsIgnoreCase(p.traceName, name)) {
                return p;
            }
        }
        return null;
    }

    /** Whether this placement can be the lower sensor of the two-sensor lumbar angle. */
    public boolean isLower() {
        return this != THORACOLUMBAR;
    }

    private static boolean equalsIgnoreCase(String a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
