package org.formcoach.simulator.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SensorErrorModelTest {
    enum Triad { ACCEL, GYRO }

    static Stream<SensorPreset> realParts() {
        return Stream.of(SensorPreset.values()).filter(p -> p != SensorPreset.IDEAL);
    }

    static Stream<Arguments> realPartsAtRates() {
        return realParts().flatMap(p -> Stream.of(50.0, 100.0, 200.0).map(r -> Arguments.of(p, r)));
    }

    static Stream<Arguments> realPartsAndTriads() {
        return realParts().flatMap(p -> Stream.of(Triad.values()).map(t -> Arguments.of(p, t)));
    }

    /** A part lying still and level: 1 g up its z axis, no rotation. */
    private static Sample still(double t) {
        return new Sample().set(t, Placement.SACRUM, 0, 0, 1, 0, 0, 0);
    }

    private static double[] component(SensorSpec spec, double rate, long seed, int n, Triad triad, int axis) {
        SensorErrorModel model = new SensorErrorModel(spec, rate, new SplittableRandom(seed));
        double[] out = new double[n];
        Sample s = new Sample();
        for (int k = 0; k < n; k++) {
            s.set(k / rate, Placement.SACRUM, 0, 0, 1, 0, 0, 0);
            model.apply(s);
            out[k] = read(s, triad, axis);
        }
        return out;
    }

    private static double read(Sample s, Triad triad, int axis) {
        return switch (triad) {
            case ACCEL -> axis == 0 ? s.ax : axis == 1 ? s.ay : s.az;
            case GYRO -> axis == 0 ? s.gx : axis == 1 ? s.gy : s.gz;
        };
    }

    private static TriadSpec triadOf(SensorSpec spec, Triad triad) {
        return triad == Triad.ACCEL ? spec.accel() : spec.gyro();
    }

    /**
     * σ of the white noise: the mean is removed per 2-s block so that the slow terms (warming,
     * bias wander) — real, but not white noise — do not count.
     */
    private static double blockSigma(double[] x, int block) {
        double sum = 0;
        long dof = 0;
        for (int b = 0; b + block <= x.length; b += block) {
            double mean = 0;
            for (int k = b; k < b + block; k++) {
                mean += x[k];
            }
            mean /= block;
            for (int k = b; k < b + block; k++) {
                sum += (x[k] - mean) * (x[k] - mean);
            }
            dof += block - 1;
        }
        return Math.sqrt(sum / dof);
    }

    @ParameterizedTest
    @MethodSource("realPartsAtRates")
    void shouldMatchTheNoiseDensityOfEveryPresetWithinTenPercent(SensorPreset preset, double rate) {
        // Datasheets give noise at the most sensitive range, where one code is far below σ.
        SensorSpec spec = preset.spec().withRanges(2, 250);
        int n = (int) (300 * rate);
        for (Triad triad : Triad.values()) {
            TriadSpec t = triadOf(spec, triad);
            double lsb = t.range().lsb();
            double expected = t.range().reportScale()
                    * Math.sqrt(Math.pow(t.noiseSigma(rate), 2) + lsb * lsb / 12);
            for (int axis = 0; axis < 3; axis++) {
                double measured = blockSigma(component(spec, rate, 7 + axis, n, triad, axis), (int) (2 * rate));
                assertEquals(expected, measured, 0.10 * expected,
                        preset + " " + triad + " axis " + axis + " at " + rate + " Hz");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realPartsAndTriads")
    void shouldDrawTurnOnOffsetsWithTheConfiguredSpread(SensorPreset preset, Triad triad) {
        int seeds = 3000;
        double[][] offsets = new double[3][seeds];
        for (int k = 0; k < seeds; k++) {
            SensorErrorModel m = new SensorErrorModel(preset, 100, new SplittableRandom(1000 + k));
            double[] o = triad == Triad.ACCEL ? m.accelTurnOnOffset() : m.gyroTurnOnOffset();
            for (int axis = 0; axis < 3; axis++) {
                offsets[axis][k] = o[axis];
            }
        }
        TurnOnOffset spec = triadOf(preset.spec(), triad).offset();
        for (int axis = 0; axis < 3; axis++) {
            double mean = 0;
            for (double v : offsets[axis]) {
                mean += v;
            }
            mean /= seeds;
            double var = 0;
            for (double v : offsets[axis]) {
                var += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(var / (seeds - 1));
            double expected = spec.totalSigma(axis);
            assertEquals(expected, sd, 0.10 * expected, preset + " " + triad + " axis " + axis);
            assertEquals(0, mean, 4 * expected / Math.sqrt(seeds), "offsets centre on zero");
        }
    }

    @ParameterizedTest
    @MethodSource("realPartsAndTriads")
    void shouldAddTheTurnOnOffsetToEveryReading(SensorPreset preset, Triad triad) {
        TriadSpec only = new TriadSpec(null, 0, triadOf(preset.spec(), triad).offset(), GaussMarkov.NONE, 0, 0, 0, null);
        SensorSpec spec = isolate(triad, only);
        SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(3));
        double[] offset = triad == Triad.ACCEL ? model.accelTurnOnOffset() : model.gyroTurnOnOffset();
        assertNotEquals(0.0, offset[0]);
        for (int k = 0; k < 10; k++) {
            Sample s = still(k / 100.0);
            model.apply(s);
            double[] truth = triad == Triad.ACCEL ? new double[]{0, 0, 1} : new double[]{0, 0, 0};
            for (int axis = 0; axis < 3; axis++) {
                assertEquals(truth[axis] + offset[axis], read(s, triad, axis), 1e-12);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realPartsAndTriads")
    void shouldReportOnlyWholeMultiplesOfTheLsb(SensorPreset preset, Triad triad) {
        SensorErrorModel model = new SensorErrorModel(preset, 100, new SplittableRandom(5));
        double step = triadOf(preset.spec(), triad).range().outputStep();
        double smallestStep = Double.POSITIVE_INFINITY;
        double previous = Double.NaN;
        Sample s = new Sample();
        for (int k = 0; k < 4000; k++) {
            double ramp = -0.5 + k / 4000.0; // a slow sweep through many codes
            s.set(k / 100.0, Placement.SACRUM, ramp, 0.3, 1, 40 * ramp, -3, 2);
            model.apply(s);
            double v = read(s, triad, 0);
            double codes = v / step;
            assertEquals(Math.rint(codes), codes, 1e-6, "reading " + v + " is not a multiple of " + step);
            if (!Double.isNaN(previous) && v != previous) {
                smallestStep = Math.min(smallestStep, Math.abs(v - previous));
            }
            previous = v;
        }
        assertEquals(step, smallestStep, 1e-9 * step);
    }

    @ParameterizedTest
    @MethodSource("realPartsAndTriads")
    void shouldClampAtTheConfiguredRange(SensorPreset preset, Triad triad) {
        Range range = triadOf(preset.spec(), triad).range();
        double big = 3 * range.fullScale();
        SensorErrorModel model = new SensorErrorModel(preset, 100, new SplittableRandom(9));
        Sample s = new Sample();
        for (int k = 0; k < 200; k++) {
            double sign = k < 100 ? 1 : -1;
            s.set(k / 100.0, Placement.SACRUM, 0, 0, 1, 0, 0, 0);
            if (triad == Triad.ACCEL) {
                s.ax = sign * big;
            } else {
                s.gx = sign * big;
            }
            model.apply(s);
            if (k == 99) {
                assertEquals(range.maxOutput(), read(s, triad, 0), 1e-9);
            }
        }
        assertEquals(range.minOutput(), read(s, triad, 0), 1e-9);
    }

    @Test
    void shouldChangeNothingWhenIdeal() {
        SensorErrorModel model = new SensorErrorModel(SensorPreset.IDEAL, 100, new SplittableRandom(1));
        SplittableRandom truth = new SplittableRandom(2);
        Sample s = new Sample();
        Sample expected = new Sample();
        for (int k = 0; k < 1000; k++) {
            s.set(k / 100.0, Placement.LUMBAR, 20 * truth.nextGaussian(), truth.nextGaussian(), truth.nextGaussian(),
                    5000 * truth.nextGaussian(), truth.nextGaussian(), truth.nextGaussian());
            if (k % 2 == 0) {
                s.setMag(30 * truth.nextGaussian(), truth.nextGaussian(), -40);
            }
            expected.copyFrom(s);
            model.apply(s);
            assertEquals(expected.toString(), s.toString());
            assertEquals(Double.doubleToRawLongBits(expected.gx), Double.doubleToRawLongBits(s.gx));
        }
    }

    private static SensorSpec isolate(Triad triad, TriadSpec only) {
        SensorSpec base = SensorPreset.IDEAL.spec();
        return triad == Triad.ACCEL ? base.withAccel(only) : base.withGyro(only);
    }

    @ParameterizedTest
    @EnumSource(Triad.class)
    void shouldMultiplyByTheDrawnScaleAndCrossAxisMatrix(Triad triad) {
        SensorSpec spec = isolate(triad, new TriadSpec(null, 0, TurnOnOffset.NONE, GaussMarkov.NONE, 0.02, 0.01, 0, null));
        SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(11));
        double[] m = triad == Triad.ACCEL ? model.accelMatrix() : model.gyroMatrix();
        double[][] inputs = {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}, {0.3, -0.7, 1.1}};
        Sample s = new Sample();
        for (double[] v : inputs) {
            if (triad == Triad.ACCEL) {
                s.set(0, Placement.SACRUM, v[0], v[1], v[2], 0, 0, 0);
            } else {
                s.set(0, Placement.SACRUM, 0, 0, 0, v[0], v[1], v[2]);
            }
            model.apply(s);
            for (int i = 0; i < 3; i++) {
                double expected = m[3 * i] * v[0] + m[3 * i + 1] * v[1] + m[3 * i + 2] * v[2];
                assertEquals(expected, read(s, triad, i), 1e-12);
            }
        }
        assertNotEquals(1.0, m[0], "the diagonal carries a scale error");
        assertNotEquals(0.0, m[1], "off-diagonals carry cross-axis terms");
    }

    @ParameterizedTest
    @EnumSource(Triad.class)
    void shouldDrawScaleAndCrossAxisErrorsWithTheConfiguredSpread(Triad triad) {
        double scale = 0.02;
        double cross = 0.005;
        SensorSpec spec = isolate(triad, new TriadSpec(null, 0, TurnOnOffset.NONE, GaussMarkov.NONE, scale, cross, 0, null));
        int seeds = 2000;
        double diag = 0;
        double off = 0;
        for (int k = 0; k < seeds; k++) {
            SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(k));
            double[] m = triad == Triad.ACCEL ? model.accelMatrix() : model.gyroMatrix();
            for (int i = 0; i < 3; i++) {
                double s = m[4 * i] - 1;
                diag += s * s;
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        double c = m[3 * i + j] / m[4 * i];
                        off += c * c;
                    }
                }
            }
        }
        assertEquals(scale, Math.sqrt(diag / (3.0 * seeds)), 0.05 * scale);
        assertEquals(cross, Math.sqrt(off / (6.0 * seeds)), 0.05 * cross);
    }

    @Test
    void shouldAddGyroGSensitivityToTheSpecificForce() {
        SensorSpec spec = SensorPreset.IDEAL.spec().withGyroGSensitivity(0.1);
        SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(4));
        double[] g = model.gyroGSensitivity();
        Sample s = new Sample().set(0, Placement.SACRUM, 0.5, 0, 1, 10, 0, 0);
        model.apply(s);
        assertEquals(10 + g[0] * 0.5 + g[2], s.gx, 1e-12);
        assertEquals(g[3] * 0.5 + g[5], s.gy, 1e-12);
        assertEquals(g[6] * 0.5 + g[8], s.gz, 1e-12);
        assertTrue(Math.abs(g[2]) > 1e-4, "entries are drawn, not zero");
    }

    @Test
    void shouldWanderLikeAGaussMarkovProcess() {
        double sigma = 1.0;
        double tau = 2.0;
        double rate = 20;
        TriadSpec only = new TriadSpec(null, 0, TurnOnOffset.NONE, new GaussMarkov(sigma, tau), 0, 0, 0, null);
        int n = (int) (10_000 * rate);
        double[] x = component(isolate(Triad.GYRO, only), rate, 21, n, Triad.GYRO, 1);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        double lagged = 0;
        int lag = (int) (tau * rate);
        for (int k = 0; k < n; k++) {
            var += (x[k] - mean) * (x[k] - mean);
            if (k + lag < n) {
                lagged += (x[k] - mean) * (x[k + lag] - mean);
            }
        }
        var /= n;
        lagged /= (n - lag);
        assertEquals(sigma, Math.sqrt(var), 0.10 * sigma);
        assertEquals(Math.exp(-1), lagged / var, 0.05, "correlation one time constant apart");
    }

    @Test
    void shouldDriftAsThePartWarmsOnSkin() {
        TriadSpec only = new TriadSpec(null, 0, TurnOnOffset.NONE, GaussMarkov.NONE, 0, 0, 0.05, null);
        SensorSpec spec = isolate(Triad.GYRO, only).withWarming(new Warming(12, 150));
        double rate = 10;
        SensorErrorModel model = new SensorErrorModel(spec, rate, new SplittableRandom(8));
        double k = model.gyroTempCoefficient()[0];
        Sample s = new Sample();
        int samples = (int) (450 * rate);
        for (int i = 0; i <= samples; i++) {
            s.set(i / rate, Placement.SACRUM, 0, 0, 1, 0, 0, 0);
            model.apply(s);
        }
        double warmed = 12 * (1 - Math.exp(-3));
        assertEquals(warmed, model.warmingC(), 1e-6);
        assertEquals(k * warmed, s.gx, 1e-9);
    }

    @Test
    void shouldLagAStepLikeTheDeviceLowPass() {
        TriadSpec filtered = new TriadSpec(null, 0, TurnOnOffset.NONE, GaussMarkov.NONE, 0, 0, 0, LowPass.fixed(20, 2));
        SensorErrorModel model = new SensorErrorModel(isolate(Triad.GYRO, filtered), 200, new SplittableRandom(1));
        Sample s = new Sample();
        double[] out = new double[60];
        for (int k = 0; k < 60; k++) {
            s.set(k / 200.0, Placement.SACRUM, 0, 0, 1, k < 10 ? 0 : 100, 0, 0);
            model.apply(s);
            out[k] = s.gx;
        }
        assertEquals(0, out[9], 1e-12, "no ringing before the step: the filter starts settled");
        assertTrue(out[10] < 20, "the first sample after the step is held back: " + out[10]);
        assertEquals(100, out[59], 1.0, "and settles to the new value");
    }

    @Test
    void shouldAddTheHardIronOffsetToTheField() {
        SensorSpec spec = SensorPreset.ICM20948.spec().withMag(SensorPreset.ICM20948.spec().mag().withDisturbances(0, 0, 1));
        SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(6));
        double[] hard = model.hardIron();
        double[] sum = new double[3];
        int n = 4000;
        Sample s = new Sample();
        for (int k = 0; k < n; k++) {
            s.set(k / 100.0, Placement.SACRUM, 0, 0, 1, 0, 0, 0).setMag(20, -5, -40);
            model.apply(s);
            assertTrue(s.hasMag);
            sum[0] += s.mx - 20;
            sum[1] += s.my + 5;
            sum[2] += s.mz + 40;
        }
        for (int axis = 0; axis < 3; axis++) {
            assertEquals(hard[axis], sum[axis] / n, 0.05);
        }
        assertTrue(Math.abs(hard[0]) + Math.abs(hard[1]) + Math.abs(hard[2]) > 3, "tens of µT, not zero");
    }

    @Test
    void shouldDisturbTheFieldDuringAScheduledDisturbance() {
        SensorSpec spec = SensorPreset.BNO055.spec().withMag(SensorPreset.BNO055.spec().mag().withDisturbances(0, 0, 1));
        SensorErrorModel model = new SensorErrorModel(spec, 50, new SplittableRandom(6));
        model.scheduleMagDisturbance(5, 2, 200);
        double[] hard = model.hardIron();
        Sample s = new Sample();
        double before = 0;
        double peak = 0;
        double after = 0;
        for (int k = 0; k < 500; k++) {
            double t = k / 50.0;
            s.set(t, Placement.SACRUM, 0, 0, 1, 0, 0, 0).setMag(20, -5, -40);
            model.apply(s);
            double dev = Math.sqrt(Math.pow(s.mx - 20 - hard[0], 2) + Math.pow(s.my + 5 - hard[1], 2)
                    + Math.pow(s.mz + 40 - hard[2], 2));
            if (t < 5) {
                before = Math.max(before, dev);
            } else if (t < 7) {
                peak = Math.max(peak, dev);
            } else {
                after = Math.max(after, dev);
            }
        }
        assertTrue(before < 4 && after < 4, "quiet outside: " + before + ", " + after);
        assertEquals(200, peak, 5);
    }

    @Test
    void shouldDisturbTheFieldAtRandomAtTheConfiguredRate() {
        MagSpec mag = new MagSpec(null, 0, 0, 2.0, 150, 1.0);
        SensorSpec spec = SensorPreset.IDEAL.spec().withMag(mag);
        SensorErrorModel model = new SensorErrorModel(spec, 50, new SplittableRandom(12));
        Sample s = new Sample();
        int episodes = 0;
        boolean inside = false;
        for (int k = 0; k < 30 * 60 * 50; k++) {
            s.set(k / 50.0, Placement.SACRUM, 0, 0, 1, 0, 0, 0).setMag(20, 0, -40);
            model.apply(s);
            boolean disturbed = Math.abs(s.mx - 20) + Math.abs(s.my) + Math.abs(s.mz + 40) > 1e-9;
            if (disturbed && !inside) {
                episodes++;
            }
            inside = disturbed;
        }
        // 2 per minute for 30 minutes, each ~1 s long: Poisson around 60.
        assertTrue(episodes > 40 && episodes < 80, "episodes: " + episodes);
    }

    static Stream<SensorPreset> partsWithoutMagnetometer() {
        return realParts().filter(p -> !p.spec().hasMagnetometer());
    }

    @ParameterizedTest
    @MethodSource("partsWithoutMagnetometer")
    void shouldReportNoFieldFromAPartWithoutMagnetometer(SensorPreset preset) {
        SensorErrorModel model = new SensorErrorModel(preset, 100, new SplittableRandom(1));
        Sample s = still(0).setMag(20, 0, -40);
        model.apply(s);
        assertFalse(s.hasMag);
    }

    @ParameterizedTest
    @EnumSource(SensorPreset.class)
    void shouldRepeatTheSameSessionForTheSameSeed(SensorPreset preset) {
        List<String> a = session(preset, 42);
        assertEquals(a, session(preset, 42));
        if (preset != SensorPreset.IDEAL) {
            assertNotEquals(a, session(preset, 43));
        }
    }

    private static List<String> session(SensorPreset preset, long seed) {
        SensorErrorModel model = new SensorErrorModel(preset, 100, new SplittableRandom(seed));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            Sample s = new Sample().set(k / 100.0, Placement.SACRUM, 0.1, 0, 1, 30, -2, 5).setMag(20, 0, -40);
            model.apply(s);
            out.add(s.toString());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SensorPreset.class)
    void shouldNotAllocateWhileApplying(SensorPreset preset) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SensorErrorModel model = new SensorErrorModel(preset, 100, new SplittableRandom(1));
        model.scheduleMagDisturbance(1, 1, 100);
        Sample s = new Sample();
        for (int k = 0; k < 50_000; k++) { // let the JIT settle
            s.set(k / 100.0, Placement.SACRUM, 0, 0, 1, 1, 2, 3).setMag(20, 0, -40);
            model.apply(s);
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // the least of three: a one-off JIT event is not the model
            long before = threads.getThreadAllocatedBytes(id);
            for (int k = 0; k < 100_000; k++) {
                s.timeS = k / 100.0;
                s.hasMag = true;
                model.apply(s);
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(least < 256, preset + " allocated " + least + " bytes in 100 000 samples");
    }

    @Test
    void shouldRefuseANonPositiveRate() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SensorErrorModel(SensorPreset.MPU6050, 0, new SplittableRandom(1)));
    }

    @Test
    void shouldScaleTheBno055GyroByTheDocumentedSensitivityMismatch() {
        SensorSpec spec = SensorPreset.IDEAL.spec().withGyro(new TriadSpec(
                SensorPreset.BNO055.spec().gyro().range(), 0, TurnOnOffset.NONE, GaussMarkov.NONE, 0, 0, 0, null));
        SensorErrorModel model = new SensorErrorModel(spec, 100, new SplittableRandom(1));
        Sample s = new Sample().set(0, Placement.SACRUM, 0, 0, 1, 100, 0, 0);
        model.apply(s);
        assertEquals(102.4, s.gx, 0.07, "16.384 true LSB/dps read as 16 → +2.4 %");
        assertArrayEquals(new double[]{0, 0, 0}, model.gyroTurnOnOffset(), 0.0);
    }
}
