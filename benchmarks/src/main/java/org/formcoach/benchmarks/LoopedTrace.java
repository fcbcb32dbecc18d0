package org.formcoach.benchmarks;

import java.util.List;

import org.formcoach.engine.sample.Sample;

/**
 * A one-sensor trace packed into one primitive array, played in a loop: lap n of sample i
 * is the recorded sample shifted by n trace lengths, so the coach sees time go on. The
 * per-sample benchmarks fill their reused {@link Sample} from it without touching the
 * original objects (which would add their cache misses to what is measured).
 */
final class LoopedTrace {
    private static final int FIELDS = 7;
    private final double[] packed;
    private final int count;
    private final double duration;

    private LoopedTrace(double[] packed, int count, double duration) {
        this.packed = packed;
        this.count = count;
        this.duration = duration;
    }

    /** @param samples at 100 Hz, one sensor, in time order */
    static LoopedTrace of(List<Sample> samples) {
        int n = samples.size();
        double[] p = new double[n * FIELDS];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            int o = i * FIELDS;
            p[o] = s.timeS;
            p[o + 1] = s.ax;
            p[o + 2] = s.ay;
            p[o + 3] = s.az;
            p[o + 4] = s.gx;
            p[o + 5] = s.gy;
            p[o + 6] = s.gz;
        }
        return new LoopedTrace(p, n, samples.get(n - 1).timeS + 0.01);
    }

    int count() {
        return count;
    }

    /** Writes sample {@code i} of lap {@code lap} into {@code s} (sensor 0, no magnetometer). */
    void fill(int i, int lap, Sample s) {
        double[] p = packed;
        int o = i * FIELDS;
        s.timeS = p[o] + lap * duration;
        s.sensor = 0;
        s.ax = p[o + 1];
        s.ay = p[o + 2];
        s.az = p[o + 3];
        s.gx = p[o + 4];
        s.gy = p[o + 5];
        s.gz = p[o + 6];
        s.hasMag = false;
    }
}
