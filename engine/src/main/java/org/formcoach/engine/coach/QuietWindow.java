package org.formcoach.engine.coach;

/**
 * Running mean and spread of the raw gyroscope and accelerometer over the last
 * {@code capacity} samples of one sensor, in a preallocated ring. Answers "has this sensor
 * been still?" (calibration, gyro re-zeroing) and gives the mean rate to use as the gyro
 * offset. Sums are kept relative to a reference value and rebuilt from the ring once per
 * lap, so rounding cannot accumulate over a long session.
 */
final class QuietWindow {
    private static final int CHANNELS = 6;

    private final int capacity;
    private final double[] ring;
    private final double[] times;
    private final double[] reference = new double[CHANNELS];
    private final double[] sum = new double[CHANNELS];
    private final double[] sumSquares = new double[CHANNELS];
    private int head;
    private int size;
    private int sinceRebuild;

    QuietWindow(int capacity) {
        this.capacity = Math.max(4, capacity);
        this.ring = new double[this.capacity * CHANNELS];
        this.times = new double[this.capacity];
    }

    void clear() {
        size = 0;
        head = 0;
        sinceRebuild = 0;
        for (int c = 0; c < CHANNELS; c++) {
            sum[c] = 0;
            sumSquares[c] = 0;
        }
    }

    void add(double t, double gx, double gy, double gz, double ax, double ay, double az) {
        if (size == 0) {
            reference[0] = gx;
            reference[1] = gy;
            reference[2] = gz;
            reference[3] = ax;
            reference[4] = ay;
            reference[5] = az;
        }
        int base = head * CHANNELS;
        if (size == capacity) {
            for (int c = 0; c < CHANNELS; c++) {
                double old = ring[base + c] - reference[c];
                sum[c] -= old;
                sumSquares[c] -= old * old;
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
        times[head] = t;
        for (int c = 0; c < CHANNELS; c++) {
            double v = ring[base + c] - reference[c];
            sum[c] += v;
            sumSquares[c] += v * v;
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
            reference[c] = ring[newest * CHANNELS + c];
            sum[c] = 0;
            sumSquares[c] = 0;
        }
        for (int i = 0; i < size; i++) {
            int idx = ((head - 1 - i) % capacity + capacity) % capacity;
            for (int c = 0; c < CHANNELS; c++) {
                double v = ring[idx * CHANNELS + c] - reference[c];
                sum[c] += v;
                sumSquares[c] += v * v;
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
        return times[newest] - times[oldest];
    }

    double mean(int channel) {
        return size == 0 ? 0 : reference[channel] + sum[channel] / size;
    }

    double std(int channel) {
        if (size < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double m = sum[channel] / size;
        double var = sumSquares[channel] / size - m * m;
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
