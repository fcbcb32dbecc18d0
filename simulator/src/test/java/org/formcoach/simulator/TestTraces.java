package org.formcoach.simulator;

import java.util.ArrayList;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.body.SensorTruth;
import org.formcoach.simulator.body.UnitQuaternion;
import org.formcoach.simulator.exercise.Exercise;
import org.formcoach.simulator.labels.Labels;
import org.formcoach.simulator.sensor.SensorPreset;

/** Shared helpers of the simulator tests. */
final class TestTraces {
    private TestTraces() {
    }

    /** Every exercise, the hinge once per variant: "hinge/rdl", "squat", … */
    static List<String> exerciseCases() {
        List<String> cases = new ArrayList<>();
        for (Exercise e : Exercise.values()) {
            if (e == Exercise.HINGE) {
                for (String v : List.of("rdl", "deadlift", "good-morning", "kb-swing")) {
                    cases.add("hinge/" + v);
                }
            } else {
                cases.add(e.cliName());
            }
        }
        return cases;
    }

    /** A builder for "exercise" or "hinge/variant", ideal sensors, short sets so tests stay fast. */
    static Scenario.Builder builder(String exerciseCase) {
        String[] parts = exerciseCase.split("/");
        Scenario.Builder b = Scenario.builder().exercise(parts[0]).preset(SensorPreset.IDEAL).reps(4).hold(25)
                .duration(20);
        if (parts.length > 1) {
            b.variant(parts[1]);
        }
        return b;
    }

    /**
     * Integrates a sensor's gyroscope from its true initial orientation (exact rotation per
     * step with the trapezoidal mean rate) and returns the largest angle, in degrees,
     * between the integrated and the true orientation over the whole trace.
     */
    static double gyroIntegrationErrorDeg(SensorTruth s, double rateHz) {
        double dt = 1 / rateHz;
        double qw = s.qw()[0], qx = s.qx()[0], qy = s.qy()[0], qz = s.qz()[0];
        double worst = 0;
        double[] out = new double[4];
        for (int k = 0; k + 1 < s.length(); k++) {
            double wx = Math.toRadians(0.5 * (s.gx()[k] + s.gx()[k + 1]));
            double wy = Math.toRadians(0.5 * (s.gy()[k] + s.gy()[k + 1]));
            double wz = Math.toRadians(0.5 * (s.gz()[k] + s.gz()[k + 1]));
            double rate = Math.sqrt(wx * wx + wy * wy + wz * wz);
            double half = 0.5 * rate * dt;
            double f = rate > 0 ? Math.sin(half) / rate : 0.5 * dt;
            UnitQuaternion.multiply(qw, qx, qy, qz, Math.cos(half), wx * f, wy * f, wz * f, out, 0);
            qw = out[0];
            qx = out[1];
            qy = out[2];
            qz = out[3];
            double dot = Math.abs(qw * s.qw()[k + 1] + qx * s.qx()[k + 1] + qy * s.qy()[k + 1] + qz * s.qz()[k + 1]);
            worst = Math.max(worst, Math.toDegrees(2 * Math.acos(Math.min(1, dot))));
        }
        return worst;
    }

    /** The labelled sensors of a trace as placements. */
    static List<Placement> placements(Labels labels) {
        return labels.sensors().stream().map(Placement::fromTraceName).toList();
    }
}
