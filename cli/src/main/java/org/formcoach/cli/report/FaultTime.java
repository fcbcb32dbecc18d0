package org.formcoach.cli.report;

/**
 * How long one fault rule's value spent at or over its thresholds in a stretch of a
 * replayed session, from every sample (not the plot's thinned points): the sum of the
 * intervals between consecutive samples whose reading was at or above the threshold.
 *
 * @param ruleActiveS time the rule applied (its value was defined: the right phase, calibrated)
 * @param aboveWarnS  time at or above the warn threshold
 * @param aboveFaultS time at or above the fault threshold
 * @param maxValueDeg the largest value seen, NaN when the rule never applied
 */
public record FaultTime(double ruleActiveS, double aboveWarnS, double aboveFaultS, double maxValueDeg) {
    public static final FaultTime NONE = new FaultTime(0, 0, 0, Double.NaN);
}
