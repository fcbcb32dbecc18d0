package org.formcoach.bridge.testing;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;

/**
 * A plank that ends with the hips sagging: stand still (calibration), get down, hold, then
 * the sacrum tilts 12° further head-down and stays there. The coach raises {@code hip_sag}
 * during the last hold.
 */
public final class PlankTrace {
    private PlankTrace() {
    }

    public static List<Sample> sagging() {
        return BodyMotion.at(100).noise(0.05, 0.001, 1)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 97, 0, 0).hold(6)
                .samples(Placement.SACRUM);
    }

    /**
     * The same plank worn with two sensors: the sacrum as above, the thoracolumbar segment
     * turning the other way in the sag, rows interleaved with equal timestamps.
     */
    public static List<Sample> saggingTwoSensors() {
        List<Sample> lower = sagging();
        List<Sample> upper = BodyMotion.at(100).mounting(BodyMotion.randomMounting(2)).noise(0.05, 0.001, 2)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 75, 0, 0).hold(6)
                .samples(Placement.THORACOLUMBAR);
        List<Sample> both = new java.util.ArrayList<>(lower.size() + upper.size());
        for (int i = 0; i < lower.size(); i++) {
            both.add(lower.get(i));
            both.add(upper.get(i));
        }
        return both;
    }

    /** The index of the first sample at or after device time {@code t}. */
    public static int indexAt(List<Sample> trace, double t) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).timeS >= t) {
                return i;
            }
        }
        return trace.size();
    }
}
