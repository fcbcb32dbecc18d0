package org.formcoach.engine.coach;

/**
 * Running mean and spread of the raw gyroscope and accelerometer over the last
 * {@code capacity} samples of one sensor, in a preallocated ring. Answers "has this sensor
 * been still?" (calibration, gyro re-zeroing) and gives the mean rate to use as the gyro
 * offset. Sums are kept relative to a reference value and rebuilt from the ring once per
 * lap, so rounding cannot accumulate over a long session.
 *
 * <p>Layout for the engine loop's caches (thousands of sensors, one sample each in turn):
 * a slot holds the six readings and the time side by side, and the reference, sums and
 * sums of squares share one small array, so a sample touches few cache lines.
 */
final class QuietWindow {
    private static final int CHANNELS = 6;
    /** Six readings, then the time. */
    private static final int STRIDE = CHANNELS + 1;
    private static final int TIME = CHANNELS;
    private static final int SUM = CHANNELS;
    private static final int SUM_SQUARES = 2 * CHANNELS;

    private final int capacity;
    private final double[] ring;
    /** reference[0..6), sum[6..12), sumSquares[12..18), per channel. */
    private final double[] stats = new double[3 * CHANNELS];
    private int head;
    private int size;
    private int sinceRebuild;

    QuietWindow(int capacity) {
        this.capacity = Math.max(4, capacity);
        this.ring = new double[this.capacity * STRIDE];
    }

    void clear() {
        size = 0;
        head = 0;
        sinceRebuild = 0;
        for (int c = 0; c < CHANNELS; c++) {
            stats[SUM + c] = 0;
            stats[SUM_SQUARES + c] = 0;
        }
    }

    void add(double t, double gx, double gy, double gz, double ax, double ay, double az) {
        double[] st = stats;
        if (size == 0) {
            st[0] = gx;
            st[1] = gy;
            st[2] = gz;
            st[3] = ax;
            st[4] = ay;
            st[5] = az;
        }
        int base = head * STRIDE;
        if (size == capacity) {
            for (int c = 0; c < CHANNELS; c++) {
                double old = ring[base + c] - st[c];
                st[SUM + c] -= old;
                st[SUM_SQUARES + c] -= old * old;
            }
        } else {
            size++;
        }
        ring[base] = gx;
        ring[base + 1] = gy;
        ring[base + 2] = gz;
        ring[base + 3] = ax;
        ring[base + 4] = ay;
        ring[base + 5] = az;
        ring[base + TIME] = t;
        for (int c = 0; c < CHANNELS; c++) {
            double v = ring[base + c] - st[c];
            st[SUM + c] += v;
            st[SUM_SQUARES + c] += v * v;
        }
        head = head + 1 == capacity ? 0 : head + 1;
        if (++sinceRebuild >= capacity) {
            rebuild();
        }
    }

    private void rebuild() {
        sinceRebuild = 0;
        int newest = (head - 1 + capacity) % capacity;
        for (int c = 0; c < CHANNELS; c++) {
            stats[c] = ring[newest * STRIDE + c];
            stats[SUM + c] = 0;
            stats[SUM_SQUARES + c] = 0;
        }
        for (int i = 0; i < size; i++) {
            int idx = ((head - 1 - i) % capacity + capacity) % capacity;
            for (int c = 0; c < CHANNELS; c++) {
                double v = ring[idx * STRIDE + c] - stats[c];
                stats[SUM + c] += v;
                stats[SUM_SQUARES + c] += v * v;
            }
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

    double mean(int channel) {
        return size == 0 ? 0 : stats[channel] + stats[SUM + channel] / size;
    }

    double std(int channel) {
        if (size < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double m = stats[SUM + channel] / size;
        double var = stats[SUM_SQUARES + channel] / size - m * m;
        return var > 0 ? Math.sqrt(var) : 0;
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
