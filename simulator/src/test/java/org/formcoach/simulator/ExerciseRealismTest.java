package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.body.SensorTruth;
import org.formcoach.simulator.labels.Labels;
import org.formcoach.simulator.sensor.SensorPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exercises move as biomechanics §4.1 says, and good reps do not look like faults. */
class ExerciseRealismTest {

    private static GeneratedTrace clean(String exercise, long seed) {
        return TraceGenerator.generate(TestTraces.builder(exercise).faults("none").reps(8).seed(seed).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hinge/rdl", "hinge/deadlift", "hinge/good-morning", "hinge/kb-swing", "squat"})
    void shouldVaryGoodRepsWithoutFaultSignatures(String exercise) {
        for (long seed = 61; seed <= 63; seed++) {
            GeneratedTrace trace = clean(exercise, seed);
            GroundTruth t = trace.truth();
            List<Labels.Rep> reps = trace.labels().reps();
            assertEquals(8, reps.size());
            double[] peaks = reps.stream().mapToDouble(Labels.Rep::peakInclinationDeg).toArray();
            double mean = java.util.Arrays.stream(peaks).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(peaks).map(p -> (p - mean) * (p - mean)).sum() / (peaks.length - 1));
            assertTrue(sd > 1.0 && sd < 9, exercise + ": rep depth SD " + sd + "° (about 5° expected)");
            double[] durations = reps.stream().skip(1).mapToDouble(r -> r.end() - r.start()).toArray();
            double dMean = java.util.Arrays.stream(durations).average().orElseThrow();
            double dSd = Math.sqrt(java.util.Arrays.stream(durations).map(d -> (d - dMean) * (d - dMean)).sum()
                    / (durations.length - 1));
            assertTrue(dSd / dMean > 0.02 && dSd / dMean < 0.2, exercise + ": duration CV " + dSd / dMean);
            for (Labels.Rep r : reps) {
                assertTrue(r.peakLumbarFlexionDeg() < 35, "good-rep lumbar flexion " + r);
                // No posterior tuck: from the deepest point the pelvis only comes back up once the rep rises.
                int k0 = t.indexAt(r.start());
                int k1 = t.indexAt(r.end());
                double min = Double.POSITIVE_INFINITY;
                for (int k = k0; k <= k1; k++) {
                    min = Math.min(min, t.inclinationDeg()[k]);
                }
                assertTrue(min > -3.5, "no lean-back beyond standing in a good rep: " + min + "° in " + r);
            }
        }
    }

    @Test
    void shouldSwingFastWithShortCycles() {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder("hinge/kb-swing").faults("none").reps(10)
                .seed(64).build());
        List<Labels.Rep> reps = trace.labels().reps();
        for (Labels.Rep r : reps.subList(1, reps.size())) {
            assertTrue(r.end() - r.start() <= 1.5, "a swing takes at most 1.5 s: " + r);
        }
        SensorTruth sacrum = trace.truth().sensor(Placement.SACRUM);
        double peak = 0;
        for (int k = 0; k < sacrum.length(); k++) {
            double w = Math.sqrt(sacrum.gx()[k] * sacrum.gx()[k] + sacrum.gy()[k] * sacrum.gy()[k]
                    + sacrum.gz()[k] * sacrum.gz()[k]);
            peak = Math.max(peak, w);
        }
        assertTrue(peak >= 230 && peak <= 420, "peak pelvic rate " + peak + " °/s (250–330 expected)");
    }

    @Test
    void shouldHoldThePlankNearlyLevelWithTheCranialEndUp() {
        GeneratedTrace trace = clean("plank", 65);
        Labels.Hold hold = trace.labels().holds().get(0);
        assertEquals(25, hold.durationS(), 1e-3);
        GroundTruth t = trace.truth();
        double first = mean(t.inclinationDeg(), t.indexAt(hold.start()), t.indexAt(hold.start() + 3));
        assertTrue(first >= 78 && first <= 87, "plank inclination " + first);
        for (int k = t.indexAt(hold.start()); k <= t.indexAt(hold.end()); k++) {
            assertEquals(first, t.inclinationDeg()[k], 2.5, "a good hold stays near its baseline");
        }
    }

    @Test
    void shouldShowTheBirdDogSideInThePelvisRollAndShift() {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder("bird-dog").faults("none").reps(6)
                .preset(SensorPreset.IDEAL).seed(66).build());
        GroundTruth t = trace.truth();
        SensorTruth sacrum = t.sensor(Placement.SACRUM);
        for (Labels.Hold h : trace.labels().holds()) {
            Labels.Rep rep = trace.labels().reps().get(h.rep() - 1);
            int k0 = t.indexAt(h.start() + 1);
            int k1 = t.indexAt(h.end() - 1);
            double roll = mean(t.rollDeg(), k0, k1);
            // Left arm up = right leg up = right side up = negative roll.
            double expectedSign = rep.side().equals("left") ? -1 : 1;
            assertTrue(roll * expectedSign >= 0.8 && roll * expectedSign <= 3.5, rep + ": roll " + roll);
            // The sacral accelerometer sees it: φ = atan2(f_y, f_z) with the dorsal axis up (usual mounting ≤ 8°).
            double baseline = rollFromAccel(sacrum, t.indexAt(rep.start() - 1.2), t.indexAt(rep.start() - 0.2));
            double during = rollFromAccel(sacrum, k0, k1);
            assertTrue((during - baseline) * expectedSign > 0.5, rep + ": accelerometer roll change " + (during - baseline));
        }
    }

    @Test
    void shouldWalkWithGaitOscillationsAndComeBack() {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder("walking").duration(20).seed(67).build());
        GroundTruth t = trace.truth();
        SensorTruth sacrum = t.sensor(Placement.SACRUM);
        Labels.Segment walk = trace.labels().segments().get(0);
        int k0 = t.indexAt(walk.start() + 2);
        int k1 = t.indexAt(walk.start() + 6);
        // Vertical bounce at ~1.8 steps/s: the specific force swings well away from 1 g.
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int k = k0; k < k1; k++) {
            min = Math.min(min, sacrum.ax()[k]);
            max = Math.max(max, sacrum.ax()[k]);
        }
        assertTrue(max - min > 0.3, "vertical specific-force swing " + (max - min) + " g");
        double yawEnd = t.yawDeg()[t.length() - 1];
        assertEquals(0, yawEnd, 6, "faces the original way at the end");
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k];
        }
        return sum / (to - from);
    }

    private static double rollFromAccel(SensorTruth s, int from, int to) {
        double fy = 0, fz = 0;
        for (int k = from; k < to; k++) {
            fy += s.ay()[k];
            fz += s.az()[k];
        }
        return Math.toDegrees(Math.atan2(fy, fz));
    }
}
