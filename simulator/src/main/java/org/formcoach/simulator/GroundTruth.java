package org.formcoach.simulator;

import java.util.Map;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.body.SensorTruth;

/**
 * The model's own values at every output sample (index k = output sample k, true time):
 * the body angles in degrees (from standing neutral) and, per sensor, its ideal readings
 * and true orientation. For tests and evaluation; the trace itself carries only what the
 * sensors report.
 */
public record GroundTruth(double[] trueTimeS, double[] inclinationDeg, double[] lumbarFlexionDeg,
                          double[] rollDeg, double[] yawDeg, double[] obliquityDeg,
                          Map<Placement, SensorTruth> sensors) {
    public GroundTruth {
        sensors = Map.copyOf(sensors);
    }

    public int length() {
        return trueTimeS.length;
    }

    public SensorTruth sensor(Placement p) {
        SensorTruth s = sensors.get(p);
        if (s == null) {
            throw new IllegalArgumentException("no " + p.traceName() + " sensor in this trace");
        }
        return s;
    }

    /** The output index at or after a true time (clamped). */
    public int indexAt(double trueTime) {
        double rate = (trueTimeS.length - 1) / (trueTimeS[trueTimeS.length - 1] - trueTimeS[0]);
        int k = (int) Math.ceil((trueTime - trueTimeS[0]) * rate - 1e-9);
        return Math.max(0, Math.min(trueTimeS.length - 1, k));
    }
}
