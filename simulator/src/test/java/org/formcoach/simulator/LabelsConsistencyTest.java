package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The labels agree with the trace and with themselves, for every exercise and a few seeds. */
class LabelsConsistencyTest {
    private static final double EPS = 1e-3;

    static Stream<Arguments> cases() {
        return TestTraces.exerciseCases().stream()
                .flatMap(e -> Stream.of(31L, 32L, 33L).map(seed -> Arguments.of(e, seed)));
    }

    private static GeneratedTrace trace(String exercise, long seed) {
        // "auto" plus a listed fault for exercises that have one, so every trace carries faults.
        return TraceGenerator.generate(TestTraces.builder(exercise).sensors(2).seed(seed).build());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldPlaceEveryRepHoldAndSegmentInsideTheTrace(String exercise, long seed) {
        GeneratedTrace trace = trace(exercise, seed);
        Labels l = trace.labels();
        double first = trace.samples().get(0).timeS;
        double last = trace.samples().get(trace.samples().size() - 1).timeS;
        assertEquals(last - first, l.durationS(), 0.02);
        for (Labels.Rep r : l.reps()) {
            assertTrue(r.start() >= first && r.end() <= last && r.start() < r.end(), "rep " + r);
        }
        for (Labels.Hold h : l.holds()) {
            assertTrue(h.start() >= first && h.end() <= last && h.start() < h.end(), "hold " + h);
        }
        double previousEnd = first;
        for (Labels.Segment s : l.segments()) {
            assertTrue(s.start() >= previousEnd - EPS && s.start() < s.end() && s.end() <= last, "segment " + s);
            previousEnd = s.end();
        }
        assertFalse(l.segments().isEmpty(), "every trace has at least one segment");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldStartWithAQuietStandOfAtLeastTwoAndAHalfSeconds(String exercise, long seed) {
        Labels l = trace(exercise, seed).labels();
        Labels.Calibration c = l.calibration();
        assertTrue(c.quietEnd() - c.quietStart() >= 2.5 - EPS, "quiet " + c);
        if (!exercise.equals("standing")) {
            assertNotNull(c.firstForwardMovement(), "a moving trace has a first forward movement");
            assertTrue(c.firstForwardMovement() >= c.quietEnd() - EPS, "forward after quiet: " + c);
            double firstMove = Stream.concat(l.reps().stream().map(Labels.Rep::start),
                    l.segments().stream().map(Labels.Segment::start)).min(Double::compare).orElseThrow();
            assertEquals(c.firstForwardMovement(), firstMove, EPS, "the first movement starts the first segment");
        }
        for (Labels.Rep r : l.reps()) {
            assertTrue(r.start() >= c.quietEnd() - EPS, "no rep during the quiet start: " + r);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldPutEveryFaultInsideItsRepWithHalfPeakBetweenOnsetAndPeak(String exercise, long seed) {
        Labels l = trace(exercise, seed).labels();
        for (Labels.Fault f : l.faults()) {
            assertTrue(f.onset() < f.halfPeak() && f.halfPeak() < f.peak() && f.peak() < f.end(), "times of " + f);
            assertTrue(f.peakDeg() > 0, "size of " + f);
            List<double[]> owners = Stream.concat(
                    l.reps().stream().filter(r -> r.exercise().equals(f.exercise()) && r.rep() == f.rep())
                            .map(r -> new double[]{r.start(), r.end()}),
                    l.holds().stream().filter(h -> h.exercise().equals("plank") && f.exercise().equals("plank")
                            && h.rep() == f.rep()).map(h -> new double[]{h.start(), h.end()})).toList();
            assertEquals(1, owners.size(), "exactly one rep or plank hold owns " + f);
            assertTrue(f.onset() >= owners.get(0)[0] - EPS && f.end() <= owners.get(0)[1] + EPS,
                    f + " inside [" + owners.get(0)[0] + ", " + owners.get(0)[1] + "]");
        }
        for (Labels.Rep r : l.reps()) {
            long listed = l.faults().stream().filter(f -> f.exercise().equals(r.exercise()) && f.rep() == r.rep()).count();
            assertEquals(r.faults().size(), listed, "the rep's fault list matches the fault entries: " + r);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldNumberRepsFromOneAndAlternateBirdDogSides(String exercise, long seed) {
        Labels l = trace(exercise, seed).labels();
        for (String ex : List.of("hinge", "squat", "bird-dog")) {
            List<Labels.Rep> reps = l.reps().stream().filter(r -> r.exercise().equals(ex)).toList();
            for (int i = 0; i < reps.size(); i++) {
                assertEquals(i + 1, reps.get(i).rep());
                if (i > 0) {
                    assertTrue(reps.get(i).start() >= reps.get(i - 1).end() - EPS, "reps in order");
                }
                if (ex.equals("bird-dog")) {
                    assertTrue(List.of("left", "right").contains(reps.get(i).side()));
                    if (i > 0) {
                        assertFalse(reps.get(i).side().equals(reps.get(i - 1).side()), "sides alternate");
                    }
                    Labels.Rep rep = reps.get(i);
                    assertTrue(l.holds().stream().anyMatch(h -> h.exercise().equals("bird-dog") && h.rep() == rep.rep()
                            && h.start() > rep.start() && h.end() < rep.end() && h.durationS() >= 7 - EPS
                            && h.durationS() <= 10 + EPS), "a 7–10 s hold inside bird-dog rep " + rep);
                } else {
                    assertEquals(null, reps.get(i).side());
                }
            }
        }
    }
}
