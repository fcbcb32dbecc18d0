package org.formcoach.cli.report;

/** The smallest and largest value of a posture angle in a stretch of the session (NaN when never measured). */
public record AngleRange(String name, String meaning, double minDeg, double maxDeg) {
    public boolean measured() {
        return !Double.isNaN(minDeg);
    }
}
