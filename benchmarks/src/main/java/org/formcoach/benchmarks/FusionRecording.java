package org.formcoach.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;

/** The Fusion example recording (bundled in the benchmarks jar) as packed float readings. */
final class FusionRecording {
    /** gx, gy, gz, ax, ay, az, mx, my, mz per sample. */
    static final int STRIDE = 9;

    private FusionRecording() {
    }

    static float[] load() {
        try (InputStream in = FusionRecording.class.getResourceAsStream("/fusion/sensor_data.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("/fusion/sensor_data.csv.gz is not on the classpath");
            }
            TraceReader reader = TraceReader.open(in, "sensor_data.csv.gz");
            float[] out = new float[16384 * STRIDE];
            int n = 0;
            Sample s = new Sample();
            while (reader.next(s) && n + STRIDE <= out.length) {
                out[n++] = (float) s.gx;
                out[n++] = (float) s.gy;
                out[n++] = (float) s.gz;
                out[n++] = (float) s.ax;
                out[n++] = (float) s.ay;
                out[n++] = (float) s.az;
                out[n++] = (float) s.mx;
                out[n++] = (float) s.my;
                out[n++] = (float) s.mz;
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
