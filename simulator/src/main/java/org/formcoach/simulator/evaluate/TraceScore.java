package org.formcoach.simulator.evaluate;

import java.util.List;
import java.util.Map;

/**
 * How the coach did on one labelled trace.
 *
 * @param faults         per fault name: episodes labelled, episodes detected, alerts raised,
 *                       alerts that matched an episode, and the latency of each detected
 *                       episode (first matching alert minus the time the fault passed half
 *                       its peak), seconds
 * @param repsExpected   labelled reps (hinge, squat, bird-dog; 0 for plank)
 * @param repsCounted    rep events
 * @param holdsExpected  labelled holds (plank)
 * @param holdsCounted   hold events (plank)
 * @param sidesCorrect   bird-dog reps whose side matches the labelled rep they overlap
 * @param sidesScored    bird-dog reps matched to a labelled rep
 * @param clean          the trace has no labelled fault
 * @param alerts         every alert raised
 * @param falseAlerts    a description of each alert that matched no labelled episode
 */
public record TraceScore(SuiteCase suiteCase, Map<String, FaultScore> faults, int repsExpected, int repsCounted,
                         int holdsExpected, int holdsCounted, int sidesCorrect, int sidesScored, boolean clean,
                         int alerts, List<String> falseAlerts, List<String> missed) {

    public boolean repsExact() {
        return repsExpected == repsCounted;
    }

    public boolean holdsExact() {
        return holdsExpected == holdsCounted;
    }

    /** Scores of one fault type on one trace. */
    public record FaultScore(int episodes, int detected, int alerts, int matchedAlerts, List<Double> latencies) {
    }
}
