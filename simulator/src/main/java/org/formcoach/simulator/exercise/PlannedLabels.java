package org.formcoach.simulator.exercise;

import java.util.List;

import org.formcoach.simulator.fault.FaultType;

/** What the choreography records while it plans, in true time (seconds); the generator turns it into labels. */
public final class PlannedLabels {
    private PlannedLabels() {
    }

    /** A stretch of the trace doing one exercise (or standing/walking between sets). */
    public record Segment(String exercise, double start, double end) {
    }

    /** One repetition: leaves the rest position at start, is back at end. */
    public record Rep(String exercise, int rep, double start, double end, String side, List<FaultType> faults) {
    }

    /**
     * One injected fault: rises from onset to peak, is gone at end.
     *
     * @param angle         the model angle that {@code peakDeg} is measured in
     * @param peakDeg       the size of the fault in that angle, positive
     * @param pelvisTiltDeg the change of pelvic inclination at the peak (forward positive):
     *                      what a sacral sensor sees in the sagittal plane
     * @param heightCm      plank only: how far the hips drop (+) or rise (−); NaN otherwise
     */
    public record Fault(FaultType type, String exercise, int rep, double onset, double peak, double end,
                        String angle, double peakDeg, double pelvisTiltDeg, double heightCm) {
        public Fault {
            if (!(onset < peak && peak < end)) {
                throw new IllegalArgumentException("fault times out of order: " + onset + ", " + peak + ", " + end);
            }
        }

        /** When the fault first passes half its peak: half-way through the minimum-jerk rise. */
        public double halfPeak() {
            return onset + 0.5 * (peak - onset);
        }
    }

    /** The steady part of a static hold. */
    public record Hold(String exercise, int rep, double start, double end) {
    }
}
