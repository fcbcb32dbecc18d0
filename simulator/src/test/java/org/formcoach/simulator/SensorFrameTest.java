package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.body.Mounting;
import org.formcoach.simulator.body.SensorTruth;
import org.formcoach.simulator.body.UnitQuaternion;
import org.formcoach.simulator.sensor.SensorPreset;
import org.junit.jupiter.api.Test;

/** Mountings and the magnetometer, seen through the readings at rest. */
class SensorFrameTest {

    @Test
    void shouldReadGravityAlongTheCranialAxisOfTheLabelledMounting() {
        for (Mounting m : Mounting.values()) {
            for (long seed = 1; seed <= 5; seed++) {
                GeneratedTrace trace = TraceGenerator.generate(Scenario.builder().exercise("standing").duration(10)
                        .preset(SensorPreset.IDEAL).mounting(m).sensors(2).seed(seed).build());
                for (Placement p : trace.scenario().placements()) {
                    UnitQuaternion q = trace.labels().mountingRotations().get(p.traceName());
                    if (m == Mounting.USUAL) {
                        assertTrue(q.angleDeg() <= Mounting.USUAL_MAX_DEG + 1e-9, "usual mounting " + q.angleDeg() + "°");
                    }
                    // Standing upright, "up" is the segment's cranial axis x; in the sensor frame that is q* ⊗ x ⊗ q.
                    double[] up = q.conjugate().rotate(1, 0, 0);
                    SensorTruth s = trace.truth().sensor(p);
                    double ax = 0, ay = 0, az = 0;
                    int n = 200;
                    for (int k = 0; k < n; k++) {
                        ax += s.ax()[k] / n;
                        ay += s.ay()[k] / n;
                        az += s.az()[k] / n;
                    }
                    double angle = Math.toDegrees(Math.acos((ax * up[0] + ay * up[1] + az * up[2])
                            / Math.sqrt(ax * ax + ay * ay + az * az)));
                    // Standing neutral is the zero of the model; sway and breathing tilt it by about a degree.
                    assertTrue(angle < 3, m + " " + p + ": gravity is " + angle + "° off the mounted cranial axis");
                }
            }
        }
    }

    @Test
    void shouldSpreadAnyMountingOverLargeRotations() {
        double largest = 0;
        for (long seed = 1; seed <= 20; seed++) {
            GeneratedTrace trace = TraceGenerator.generate(Scenario.builder().exercise("standing").duration(10)
                    .mounting("any").seed(seed).build());
            largest = Math.max(largest, trace.labels().mountingRotations().get("sacrum").angleDeg());
        }
        assertTrue(largest > 90, "twenty uniform rotations include a large one: " + largest);
    }

    @Test
    void shouldMeasureTheEarthFieldWithARealisticInclination() {
        GeneratedTrace trace = TraceGenerator.generate(Scenario.builder().exercise("hinge").reps(2).magnetometer(true)
                .preset(SensorPreset.IDEAL).mounting("any").seed(3).build());
        SensorTruth s = trace.truth().sensor(Placement.SACRUM);
        assertTrue(s.hasMag());
        assertTrue(trace.samples().stream().allMatch(x -> x.hasMag));
        for (int k = 0; k < s.length(); k += 10) {
            double m = Math.sqrt(s.mx()[k] * s.mx()[k] + s.my()[k] * s.my()[k] + s.mz()[k] * s.mz()[k]);
            assertEquals(50, m, 1e-6);
        }
        // Dip angle at rest: the angle between the field and the horizontal plane.
        double ax = s.ax()[0], ay = s.ay()[0], az = s.az()[0];
        double dot = (ax * s.mx()[0] + ay * s.my()[0] + az * s.mz()[0]) / Math.sqrt(ax * ax + ay * ay + az * az) / 50;
        double dip = Math.toDegrees(Math.asin(-dot));
        assertTrue(dip >= 53 && dip <= 72, "inclination " + dip + "°");
    }
}
