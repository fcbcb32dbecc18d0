package org.formcoach.engine.coach;

/**
 * Running mean and spread of the raw gyroscope and accelerometer over the last
 * {@code capacity} samples of one sensor, in a preallocated ring. Answers "has this sensor
 * been still?" (calibration, gyro re-zeroing) and gives the mean rate to use as the gyro
 * offset. Sums are kept relative to a reference value and rebuilt from the ring once per
 * lap, so rounding cannot accumulate over a long session.
 *
 * <p>Layout for the engine loop's caches (thousands of sensors, one sample each in turn,
 * where every object and cache line a sample touches is a likely miss): a ring slot holds
 * the six readings and the time side by side, and the per-channel reference, sum and sum
 * of squares are fields of this object rather than an array of their own, so a sample
 * touches two objects: this one and its slot of the ring.
 */
final class QuietWindow {
    /** Channels, in the order of {@link #mean} and {@link #std}: gyro x, y, z, accel x, y, z. */
    private static final int CHANNELS = 6;
    /** Six readings, then the time. */
    private static final int STRIDE = CHANNELS + 1;
    private static final int TIME = CHANNELS;

    private final int capacity;
    /**
     * Made at the first reading rather than with the window: the coach makes its first
     * track up front next to its other small per-sample objects, and these 11 KB (at
     * 100 Hz), of which a sample touches one slot, would push them apart.
     */
    private double[] ring;
    private int head;
    private int size;
    private int sinceRebuild;
    /** Per channel: the reference value, and the sum and sum of squares of (reading − reference). */
    private double refGx, refGy, refGz, refAx, refAy, refAz;
    private double sumGx, sumGy, sumGz, sumAx, sumAy, sumAz;
    private double sqGx, sqGy, sqGz, sqAx, sqAy, sqAz;

    QuietWindow(int capacity) {
        this.capacity = Math.max(4, capacity);
    }

    void clear() {
        size = 0;
        head = 0;
        sinceRebuild = 0;
        clearSums();
    }

    private void clearSums() {
        sumGx = sumGy = sumGz = sumAx = sumAy = sumAz = 0;
        sqGx = sqGy = sqGz = sqAx = sqAy = sqAz = 0;
    }

    void add(double t, double gx, double gy, double gz, double ax, double ay, double az) {
        if (size == 0) {
            setReference(gx, gy, gz, ax, ay, az);
        }
        double[] r = ring;
        if (r == null) {
            r = new double[capacity * STRIDE];
            ring = r;
        }
        int base = head * STRIDE;
        if (size == capacity) {
            accumulate(-1, r[base], r[base + 1], r[base + 2], r[base + 3], r[base + 4], r[base + 5]);
        } else {
            size++;
        }
        r[base] = gx;
        r[base + 1] = gy;
        r[base + 2] = gz;
        r[base + 3] = ax;
        r[base + 4] = ay;
        r[base + 5] = az;
        r[base + TIME] = t;
        accumulate(1, gx, gy, gz, ax, ay, az);
        head = head + 1 == capacity ? 0 : head + 1;
        if (++sinceRebuild >= capacity) {
            rebuild();
        }
    }

    private void setReference(double gx, double gy, double gz, double ax, double ay, double az) {
        refGx = gx;
        refGy = gy;
        refGz = gz;
        refAx = ax;
        refAy = ay;
        refAz = az;
    }

    /**
     * Adds one sample's deviations from the reference to the sums ({@code sign} +1), or takes
     * the sample leaving the window out of them (−1). Multiplying by ±1 is exact, so both
     * ways give the same bits as a separate add and subtract would.
     */
    private void accumulate(double sign, double gx, double gy, double gz, double ax, double ay, double az) {
        double v = sign * (gx - refGx);
        sumGx += v;
        sqGx += v * (gx - refGx);
        v = sign * (gy - refGy);
        sumGy += v;
        sqGy += v * (gy - refGy);
        v = sign * (gz - refGz);
        sumGz += v;
        sqGz += v * (gz - refGz);
        v = sign * (ax - refAx);
        sumAx += v;
        sqAx += v * (ax - refAx);
        v = sign * (ay - refAy);
        sumAy += v;
        sqAy += v * (ay - refAy);
        v = sign * (az - refAz);
        sumAz += v;
        sqAz += v * (az - refAz);
    }

    /** The sums afresh, relative to the newest sample, newest to oldest. */
    private void rebuild() {
        sinceRebuild = 0;
        double[] r = ring;
        int newest = (head - 1 + capacity) % capacity * STRIDE;
        setReference(r[newest], r[newest + 1], r[newest + 2], r[newest + 3], r[newest + 4], r[newest + 5]);
        clearSums();
        for (int i = 0; i < size; i++) {
            int o = ((head - 1 - i) % capacity + capacity) % capacity * STRIDE;
            accumulate(1, r[o], r[o + 1], r[o + 2], r[o + 3], r[o + 4], r[o + 5]);
        }
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    /** Time spanned by the samples in the window, seconds. */
    double span() {
        if (size < 2) {
            return 0;
        }
        int newest = (head - 1 + capacity) % capacity;
        int oldest = (head - size + capacity) % capacity;
        return ring[newest * STRIDE + TIME] - ring[oldest * STRIDE + TIME];
    }

    /** Mean of a channel (0-2 gyro x, y, z; 3-5 accel x, y, z). */
    double mean(int channel) {
        return size == 0 ? 0 : reference(channel) + sum(channel) / size;
    }

    double std(int channel) {
        if (size < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double m = sum(channel) / size;
        double var = sumOfSquares(channel) / size - m * m;
        return var > 0 ? Math.sqrt(var) : 0;
    }

    private double reference(int channel) {
        return switch (channel) {
            case 0 -> refGx;
            case 1 -> refGy;
            case 2 -> refGz;
            case 3 -> refAx;
            case 4 -> refAy;
            case 5 -> refAz;
            default -> throw new IllegalArgumentException("channel " + channel);
        };
    }

    private double sum(int channel) {
        return switch (channel) {
            case 0 -> sumGx;
            case 1 -> sumGy;
            case 2 -> sumGz;
            case 3 -> sumAx;
            case 4 -> sumAy;
            case 5 -> sumAz;
            default -> throw new IllegalArgumentException("channel " + channel);
        };
    }

    private double sumOfSquares(int channel) {
        return switch (channel) {
            case 0 -> sqGx;
            case 1 -> sqGy;
            case 2 -> sqGz;
            case 3 -> sqAx;
            case 4 -> sqAy;
            case 5 -> sqAz;
            default -> throw new IllegalArgumentException("channel " + channel);
        };
    }

    double maxGyroStd() {
        return Math.max(std(0), Math.max(std(1), std(2)));
    }

    double maxAccelStd() {
        return Math.max(std(3), Math.max(std(4), std(5)));
    }

    double meanAccelNorm() {
        double x = mean(3);
        double y = mean(4);
        double z = mean(5);
        return Math.sqrt(x * x + y * y + z * z);
    }
}
