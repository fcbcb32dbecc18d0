package org.formcoach.simulator.body;

import org.formcoach.engine.sample.Placement;

/**
 * What one ideal sensor reads at the output rate, before any sensor or timing error:
 * specific force in g, angular rate in deg/s, the magnetic field in µT (null arrays when
 * there is no magnetometer), and its true orientation {@code q_WS} (sensor frame → world,
 * Z up) at each output time.
 */
public record SensorTruth(Placement placement, UnitQuaternion mounting,
                          double[] ax, double[] ay, double[] az,
                          double[] gx, double[] gy, double[] gz,
                          double[] mx, double[] my, double[] mz,
                          double[] qw, double[] qx, double[] qy, double[] qz) {
    public int length() {
        return ax.length;
    }

    public boolean hasMag() {
        return mx != null;
    }
}
