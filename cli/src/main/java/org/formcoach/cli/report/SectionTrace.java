package org.formcoach.cli.report;

import java.util.List;
import java.util.Map;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/**
 * What replaying one exercise's stretch of a trace measured: the plot series, time over
 * threshold per fault rule, and the range of each posture angle.
 */
public record SectionTrace(Exercise exercise, double start, double end, PlotSeries plot, Map<Fault, FaultTime> faultTimes,
                           List<AngleRange> angles) {
    public FaultTime faultTime(Fault fault) {
        return faultTimes.getOrDefault(fault, FaultTime.NONE);
    }
}
