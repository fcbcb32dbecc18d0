package org.formcoach.simulator.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.formcoach.engine.coach.CoachSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guard against detector regressions: a small suite on seeds used neither for tuning nor
 * for docs/accuracy.md must stay well above these floors (the documented figures are
 * higher; the floors leave room for the small sample's noise).
 */
class AccuracyRegressionTest {
    private static final long SEEDS = 200_001;
    private static List<TraceScore> scores;

    @BeforeAll
    static void evaluate() throws InterruptedException {
        scores = Evaluation.run(Suite.standard(SEEDS, 2, 1, null), CoachSettings.defaults(), done -> { });
    }

    private static Summary of(String exercise) {
        return Summary.of(exercise, scores.stream().filter(s -> s.suiteCase().exercise().equals(exercise)).toList());
    }

    @Test
    void shouldKeepOverallPrecisionAndRecall() {
        Summary all = Summary.of("all", scores);
        assertTrue(all.recall() >= 0.70, "recall " + all.recall());
        assertTrue(all.precision() >= 0.85, "precision " + all.precision());
        assertTrue(all.latencyMedian() <= 0.35, "median latency " + all.latencyMedian());
    }

    @Test
    void shouldCountRepsExactlyInNearlyEverySet() {
        assertTrue(Summary.of("all", scores).repsExactShare() >= 0.9, EvaluationReport.table(scores));
    }

    @Test
    void shouldCatchEveryBirdDogFault() {
        Summary s = of("bird-dog");
        assertTrue(s.recall() >= 0.95 && s.precision() >= 0.9, s.toString());
    }

    @Test
    void shouldCatchPlankFaultsWithASacralOrTwoSensors() {
        Summary s = Summary.of("plank", scores.stream()
                .filter(t -> t.suiteCase().exercise().equals("plank") && !t.suiteCase().placement().equals("lumbar")
                        || t.suiteCase().exercise().equals("plank") && t.suiteCase().sensors() == 2)
                .toList());
        assertTrue(s.episodes() == 0 || s.recall() >= 0.9, s.toString());
        assertTrue(s.alerts() == 0 || s.precision() >= 0.9, s.toString());
    }
}
