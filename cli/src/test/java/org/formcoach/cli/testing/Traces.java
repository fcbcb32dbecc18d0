package org.formcoach.cli.testing;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;

/** Small hand-built traces for the live tests. */
public final class Traces {
    private Traces() {
    }

    /**
     * A plank whose hips sag: stand still 3 s (calibration), get down, hold 8 s (the
     * baseline), then the sacrum tilts 12° further head-down and stays 6 s: {@code hip_sag}
     * warns and faults at about 16 s. 22.5 s in all.
     */
    public static List<Sample> saggingPlank() {
        return BodyMotion.at(100).noise(0.05, 0.001, 1)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 97, 0, 0).hold(6)
                .samples(Placement.SACRUM);
    }
}
