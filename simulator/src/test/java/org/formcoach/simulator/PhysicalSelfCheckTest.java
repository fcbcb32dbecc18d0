package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.orientation.SensorOrientation;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.body.SensorTruth;
import org.formcoach.simulator.body.UnitQuaternion;
import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The physics of the synthetic sensors checked against the body model they come from. */
class PhysicalSelfCheckTest {

    static Stream<String> exercises() {
        return TestTraces.exerciseCases().stream();
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void shouldReadOneGWhileStandingStill(String exercise) {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder(exercise).sensors(2).mounting("any").seed(11).build());
        double quietEnd = trace.labels().calibration().quietEnd();
        int checked = 0;
        for (Sample s : trace.samples()) {
            if (s.timeS > quietEnd) {
                break;
            }
            double norm = Math.sqrt(s.ax * s.ax + s.ay * s.ay + s.az * s.az);
            assertEquals(1.0, norm, 0.01, () -> "|a| at t=" + s.timeS + " on " + s.placement());
            checked++;
        }
        assertTrue(checked >= 2 * 250, "the quiet start holds at least 2.5 s of two sensors, got " + checked + " rows");
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void shouldReproduceEachSensorsOrientationByIntegratingTheGyroscope(String exercise) {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder(exercise).sensors(2).mounting("any").seed(12).build());
        for (Placement p : trace.scenario().placements()) {
            double error = TestTraces.gyroIntegrationErrorDeg(trace.truth().sensor(p), trace.scenario().rateHz());
            assertTrue(error < 0.5, exercise + " " + p + ": integrated gyro is " + error + "° off the model");
        }
    }

    @Test
    void shouldReproduceOrientationThroughTheEnginesFilterWithoutCorrection() {
        // The engine's own integrator (gain 0: gyroscope only) must agree with the model too.
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder("hinge/rdl").mounting("any").seed(13).build());
        SensorTruth truth = trace.truth().sensor(Placement.SACRUM);
        SensorOrientation orientation = new SensorOrientation(new OrientationSettings(0, 0, 0, 0, 0, 100, false),
                false, SensorOrientation.TimeStep.MEASURED, Double.POSITIVE_INFINITY);
        orientation.filter().setQuaternion(truth.qw()[0], truth.qx()[0], truth.qy()[0], truth.qz()[0]);
        double worst = 0;
        int k = 0;
        for (Sample s : trace.samples()) {
            orientation.update(s);
            var f = orientation.filter();
            double dot = Math.abs(f.qw() * truth.qw()[k] + f.qx() * truth.qx()[k] + f.qy() * truth.qy()[k]
                    + f.qz() * truth.qz()[k]);
            worst = Math.max(worst, Math.toDegrees(2 * Math.acos(Math.min(1, dot))));
            k++;
        }
        // The filter integrates each sample's rate over the step before it (half a sample early)
        // in float arithmetic: at RDL rates that costs a few tenths of a degree at most.
        assertTrue(worst < 1.0, "engine-integrated orientation is " + worst + "° off the model");
    }

    @ParameterizedTest
    @MethodSource("quietHolds")
    void shouldGivePelvicInclinationFromTheAccelerometerInAQuietHold(String exercise, double expectedDeg) {
        GeneratedTrace trace = TraceGenerator.generate(TestTraces.builder(exercise).faults("none").seed(14).build());
        Labels labels = trace.labels();
        UnitQuaternion mounting = labels.mountingRotations().get("sacrum");
        GroundTruth truth = trace.truth();
        SensorTruth sacrum = truth.sensor(Placement.SACRUM);
        double start = labels.holds().isEmpty() ? 0.2 : labels.holds().get(0).start() + 1;
        double end = labels.holds().isEmpty() ? labels.calibration().quietEnd() - 0.2 : labels.holds().get(0).end() - 1;
        int windows = 0;
        // Means over 1-s windows: tremor and breathing accelerations average out, gravity stays.
        for (double t = start; t + 1 <= end; t += 1) {
            int k0 = truth.indexAt(t);
            int k1 = truth.indexAt(t + 1);
            double fx = 0, fy = 0, fz = 0, model = 0;
            for (int k = k0; k < k1; k++) {
                double[] seg = mounting.rotate(sacrum.ax()[k], sacrum.ay()[k], sacrum.az()[k]);
                fx += seg[0];
                fy += seg[1];
                fz += seg[2];
                model += truth.inclinationDeg()[k];
            }
            model /= k1 - k0;
            double fromAccel = Math.toDegrees(Math.atan2(fz, fx));
            assertEquals(model, fromAccel, 0.5, exercise + " window at " + t + " s");
            assertEquals(expectedDeg, model, 6, "the model's posture in " + exercise);
            windows++;
        }
        assertTrue(windows >= 2, "windows checked: " + windows);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> quietHolds() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("standing", 0.0),
                org.junit.jupiter.params.provider.Arguments.of("plank", 82.5),
                org.junit.jupiter.params.provider.Arguments.of("bird-dog", 91.0));
    }
}
