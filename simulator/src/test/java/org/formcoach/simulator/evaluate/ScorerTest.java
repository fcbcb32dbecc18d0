package org.formcoach.simulator.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final SuiteCase CASE = new SuiteCase("hinge", "rdl", 1, "sacrum", "usual", "ideal", "none", false, 1);

    private static Labels labels(List<Labels.Rep> reps, List<Labels.Fault> faults) {
        return new Labels(1, "test", 1, "hinge", "rdl", List.of("sacrum"), "usual", Map.of(), "ideal", 100, false,
                "auto", "none", 30, new Labels.Calibration(0, 2.5, 2.8), List.of(), reps, faults, List.of(), List.of());
    }

    private static Labels.Fault flexion(double onset, double half, double peak, double end) {
        return new Labels.Fault("lumbar_flexion", "hinge", 1, onset, half, peak, end, 15, "lumbar_flexion", -8, null);
    }

    private static CoachEvent.Alert alert(double t, Fault f) {
        return new CoachEvent.Alert(t, Exercise.HINGE, f, Severity.WARN, 5, 4, 1);
    }

    @Test
    void shouldCountAnAlertInsideTheWindowAsDetectionWithLatencyFromTheHalfPeak() {
        TraceScore s = Scorer.score(CASE, labels(List.of(), List.of(flexion(5, 5.4, 5.8, 7))),
                List.of(alert(5.55, Fault.LUMBAR_FLEXION)));
        TraceScore.FaultScore f = s.faults().get("lumbar_flexion");
        assertEquals(1, f.detected());
        assertEquals(1, f.matchedAlerts());
        assertEquals(0.15, f.latencies().get(0), 1e-9);
    }

    @Test
    void shouldAcceptAnAlertFromJustBeforeTheOnsetToOneSecondAfterTheEnd() {
        Labels l = labels(List.of(), List.of(flexion(5, 5.4, 5.8, 7)));
        assertEquals(1, Scorer.score(CASE, l, List.of(alert(4.81, Fault.LUMBAR_FLEXION))).faults().get("lumbar_flexion").detected());
        assertEquals(1, Scorer.score(CASE, l, List.of(alert(7.99, Fault.LUMBAR_FLEXION))).faults().get("lumbar_flexion").detected());
        assertEquals(0, Scorer.score(CASE, l, List.of(alert(4.79, Fault.LUMBAR_FLEXION))).faults().get("lumbar_flexion").detected());
        assertEquals(0, Scorer.score(CASE, l, List.of(alert(8.01, Fault.LUMBAR_FLEXION))).faults().get("lumbar_flexion").detected());
    }

    @Test
    void shouldCountAnAlertOfTheWrongFaultAsFalse() {
        TraceScore s = Scorer.score(CASE, labels(List.of(), List.of(flexion(5, 5.4, 5.8, 7))),
                List.of(alert(5.5, Fault.LUMBAR_EXTENSION)));
        assertEquals(0, s.faults().get("lumbar_flexion").detected());
        assertEquals(1, s.faults().get("lumbar_extension").alerts());
        assertEquals(0, s.faults().get("lumbar_extension").matchedAlerts());
        assertEquals(1, s.falseAlerts().size());
        assertEquals(1, s.missed().size());
    }

    @Test
    void shouldScoreRepCountsAndCleanTraces() {
        Labels.Rep rep = new Labels.Rep(1, "hinge", 3, 6, null, List.of(), 60, 20);
        Labels l = labels(List.of(rep, rep), List.of());
        TraceScore exact = Scorer.score(CASE, l, List.of(
                new CoachEvent.Rep(6, Exercise.HINGE, 1, 3, 6, null, List.of()),
                new CoachEvent.Rep(9, Exercise.HINGE, 2, 7, 9, null, List.of())));
        assertTrue(exact.repsExact());
        assertTrue(exact.clean());
        assertEquals(0, exact.alerts());
        TraceScore off = Scorer.score(CASE, l, List.of(new CoachEvent.Rep(6, Exercise.HINGE, 1, 3, 6, null, List.of()),
                alert(4, Fault.LUMBAR_FLEXION)));
        assertFalse(off.repsExact());
        Summary summary = Summary.of("x", List.of(exact, off));
        assertEquals(0.5, summary.repsExactShare(), 1e-9);
        assertEquals(0.5, summary.cleanShare(), 1e-9, "one of the two clean traces raised an alert");
    }
}
