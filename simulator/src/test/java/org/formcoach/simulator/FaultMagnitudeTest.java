package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every labelled fault really moves the model: the same seed with and without the fault
 * differs, inside the fault's window, by the labelled size in the labelled angle.
 */
class FaultMagnitudeTest {

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("hinge/rdl", "lumbar_flexion@2"),
                Arguments.of("hinge/rdl", "lumbar_extension@3"),
                Arguments.of("hinge/deadlift", "lumbar_flexion@1+2+3+4"),
                Arguments.of("hinge/good-morning", "lumbar_extension@1"),
                Arguments.of("hinge/kb-swing", "lumbar_flexion@2"),
                Arguments.of("hinge/kb-swing", "lumbar_extension@3"),
                Arguments.of("squat", "lumbar_flexion@2"),
                Arguments.of("squat", "excessive_lean@3"),
                Arguments.of("squat", "lumbar_extension@4"),
                Arguments.of("squat", "lumbar_flexion@1,excessive_lean@1"),
                Arguments.of("plank", "hip_sag@1"),
                Arguments.of("plank", "hip_pike"),
                Arguments.of("plank", "hip_sag,hip_pike"),
                Arguments.of("bird-dog", "trunk_rotation@2"),
                Arguments.of("bird-dog", "lateral_tilt@3"),
                Arguments.of("workout", "lumbar_flexion@1,hip_sag@1,trunk_rotation@2,lateral_tilt@3"));
    }

    /** The model angle a fault is measured in, signed so that the fault makes it grow. */
    private static double angle(GroundTruth t, String name, int k) {
        return switch (name) {
            case "lumbar_flexion" -> t.lumbarFlexionDeg()[k];
            case "lumbar_extension" -> -t.lumbarFlexionDeg()[k];
            case "pelvic_inclination" -> t.inclinationDeg()[k];
            case "pelvic_roll" -> t.rollDeg()[k];
            case "pelvic_yaw" -> t.yawDeg()[k];
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @MethodSource("faults")
    void shouldChangeTheLabelledAngleByTheLabelledPeak(String exercise, String spec) {
        Scenario clean = TestTraces.builder(exercise).faults("none").seed(41).build();
        GeneratedTrace a = TraceGenerator.generate(clean);
        GeneratedTrace b = TraceGenerator.generate(clean.toBuilder().faults(spec).build());
        List<Labels.Fault> faults = b.labels().faults();
        assertTrue(faults.size() >= spec.split(",").length, "every listed fault is labelled: " + faults);
        GroundTruth ta = a.truth();
        GroundTruth tb = b.truth();
        for (Labels.Fault f : faults) {
            int k0 = ta.indexAt(f.onset());
            int k1 = ta.indexAt(f.end());
            double biggest = 0;
            for (int k = k0; k <= k1; k++) {
                double change = angle(tb, f.angle(), k) - angle(ta, f.angle(), k);
                if (f.angle().equals("pelvic_roll") || f.angle().equals("pelvic_yaw")) {
                    change = Math.abs(change);
                } else if (f.fault().equals("hip_pike")) {
                    change = -change;
                }
                biggest = Math.max(biggest, change);
            }
            assertTrue(biggest >= f.peakDeg() / 2, f + ": the model moved only " + biggest + "°");
            boolean alone = faults.stream().noneMatch(o -> o != f && o.onset() < f.end() && f.onset() < o.end());
            if (alone) {
                // Without another fault on top, the change is exactly the labelled bump.
                assertEquals(f.peakDeg(), biggest, 0.05 + 0.01 * f.peakDeg(), "the peak reaches the labelled size: " + f);
                int peak = ta.indexAt(f.peak());
                double tilt = tb.inclinationDeg()[peak] - ta.inclinationDeg()[peak];
                assertEquals(f.pelvisTiltDeg(), tilt, 0.3, "pelvis tilt at the peak of " + f);
            }
        }
    }

    @Test
    void shouldDrawFaultSizesFromTheirRanges() {
        Map<String, double[]> ranges = Map.of(
                "hinge:lumbar_flexion", new double[]{12, 30},
                "squat:lumbar_flexion", new double[]{12, 25},
                "hinge:lumbar_extension", new double[]{8, 15},
                "squat:lumbar_extension", new double[]{8, 15},
                "squat:excessive_lean", new double[]{15, 25},
                // sacral turn for a 6–15 cm sag: atan(h / 0.95 m) + 0–4° extra
                "plank:hip_sag", new double[]{3.6, 13.0},
                "plank:hip_pike", new double[]{3.6, 13.0},
                "bird-dog:trunk_rotation", new double[]{6, 15},
                "bird-dog:lateral_tilt", new double[]{6, 15});
        List<Labels.Fault> all = new ArrayList<>();
        for (String ex : List.of("hinge/rdl", "squat", "plank", "bird-dog")) {
            for (long seed = 1; seed <= 6; seed++) {
                all.addAll(TraceGenerator.generate(TestTraces.builder(ex).reps(6).seed(seed).build()).labels().faults());
            }
        }
        assertTrue(all.size() > 20, "auto produced " + all.size() + " faults");
        for (Labels.Fault f : all) {
            double[] r = ranges.get(f.exercise() + ":" + f.fault());
            assertTrue(f.peakDeg() >= r[0] - 1e-6 && f.peakDeg() <= r[1] + 1e-6, f.toString());
            if (f.exercise().equals("plank")) {
                assertTrue(Math.abs(f.heightCm()) >= 6 && Math.abs(f.heightCm()) <= 15, f.toString());
            }
        }
    }
}
