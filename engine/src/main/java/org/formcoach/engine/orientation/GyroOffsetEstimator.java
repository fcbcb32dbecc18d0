package org.formcoach.engine.orientation;

/**
 * Estimates the gyroscope's offset while the sensor is still and removes it. After 3 s in
 * which no axis reads more than 3 deg/s (offset removed), each further still sample moves
 * the offset toward the reading through a first-order low-pass of 0.02 Hz. A long hold
 * (plank, bird-dog) therefore also re-zeroes slowly; the engine can set the offset directly
 * from a quiet period when it knows better.
 *
 * <pre>{@code
 * GyroOffsetEstimator offset = new GyroOffsetEstimator(100);
 * offset.update(gx, gy, gz);
 * filter.update(offset.x(), offset.y(), offset.z(), ...);
 * }</pre>
 */
public final class GyroOffsetEstimator {
    /** Any axis above this (deg/s) means the sensor is moving. */
    public static final float STILL_THRESHOLD_DPS = 3.0f;
    private static final float CUTOFF_HZ = 0.02f;
    private static final int TIMEOUT_S = 3;

    private final float coefficient;
    private final int timeout;
    private int timer;
    private float offsetX, offsetY, offsetZ;
    private float outX, outY, outZ;

    /** @param rateHz the nominal sample rate (rounded to a whole number of samples per second) */
    public GyroOffsetEstimator(double rateHz) {
        int rate = (int) Math.max(1, Math.round(rateHz));
        coefficient = 2.0f * (float) Math.PI * CUTOFF_HZ * (1.0f / (float) rate);
        timeout = TIMEOUT_S * rate;
    }

    /** Removes the offset from one reading; read the result with {@link #x()}, {@link #y()}, {@link #z()}. */
    public void update(float gx, float gy, float gz) {
        outX = gx - offsetX;
        outY = gy - offsetY;
        outZ = gz - offsetZ;
        if (Math.abs(outX) > STILL_THRESHOLD_DPS || Math.abs(outY) > STILL_THRESHOLD_DPS
                || Math.abs(outZ) > STILL_THRESHOLD_DPS) {
            timer = 0;
            return;
        }
        if (timer < timeout) {
            timer++;
            return;
        }
        offsetX += outX * coefficient;
        offsetY += outY * coefficient;
        offsetZ += outZ * coefficient;
    }

    public float x() {
        return outX;
    }

    public float y() {
        return outY;
    }

    public float z() {
        return outZ;
    }

    public float offsetX() {
        return offsetX;
    }

    public float offsetY() {
        return offsetY;
    }

    public float offsetZ() {
        return offsetZ;
    }

    /** Replaces the estimate, e.g. with the mean rate over a known-still period. */
    public void setOffset(float x, float y, float z) {
        offsetX = x;
        offsetY = y;
        offsetZ = z;
    }

    /** Whether the last reading counted as still. */
    public boolean isStill() {
        return timer > 0;
    }
}
