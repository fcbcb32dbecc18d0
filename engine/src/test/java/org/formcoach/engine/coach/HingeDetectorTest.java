package org.formcoach.engine.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HingeDetectorTest {
    @ParameterizedTest(name = "mounting {0}")
    @ValueSource(longs = {1, 2, 3})
    void shouldCountEveryRepWithItsStartAndEnd(long mounting) {
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, Scripts.hinge(BodyMotion.randomMounting(mounting), 6, 0, 0));
        List<CoachEvent.Rep> reps = Scripts.of(events, CoachEvent.Rep.class);
        assertEquals(6, reps.size(), events.toString());
        // Rep 1: leaves standing at 3 s, back under 8° about 3.2 s later.
        assertEquals(3.3, reps.get(0).start(), 0.3);
        assertEquals(6.6, reps.get(0).end(), 0.3);
        assertTrue(Scripts.of(events, CoachEvent.Alert.class).isEmpty(), events.toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Exercise.class, names = {"HINGE", "SQUAT"})
    void shouldReportArchingAtLockoutInThatRep(Exercise exercise) {
        List<CoachEvent> events = Scripts.run(exercise, Scripts.hinge(BodyMotion.randomMounting(4), 5, 4, 9));
        List<CoachEvent.Alert> alerts = Scripts.alerts(events, Fault.LUMBAR_EXTENSION);
        assertFalse(alerts.isEmpty(), events.toString());
        assertEquals(4, alerts.get(0).rep());
        assertEquals(List.of(Fault.LUMBAR_EXTENSION), Scripts.of(events, CoachEvent.Rep.class).get(3).faults());
    }

    @Test
    void shouldNumberRepsFromOneInEachExerciseOfAGuidedWorkout() {
        List<Sample> samples = Scripts.hinge(BodyMotion.randomMounting(5), 6, 0, 0).samples(Placement.SACRUM);
        List<CoachEvent> events = new java.util.ArrayList<>();
        Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100, events::add);
        boolean switched = false;
        for (Sample s : samples) {
            if (!switched && s.timeS > 19.2) { // rep 3 is back up at 18 s (3 s standing, then 5.5 s per rep)
                coach.setExercise(Exercise.SQUAT);
                switched = true;
            }
            coach.accept(s);
        }
        coach.finish(0);
        List<CoachEvent.Rep> reps = Scripts.of(events, CoachEvent.Rep.class);
        assertEquals(List.of(1, 2, 3, 1, 2, 3), reps.stream().map(CoachEvent.Rep::rep).toList(), events.toString());
        assertEquals(List.of(Exercise.HINGE, Exercise.HINGE, Exercise.HINGE, Exercise.SQUAT, Exercise.SQUAT,
                Exercise.SQUAT), reps.stream().map(CoachEvent.Rep::exercise).toList());
        assertEquals(6, coach.reps());
        assertEquals(3, coach.exerciseReps());
        assertEquals(6, Scripts.of(events, CoachEvent.Summary.class).get(0).reps());
    }

    @Test
    void shouldNotCountPartialMovements() {
        BodyMotion m = BodyMotion.at(100).noise(0.1, 0.002, 1).stand(3);
        for (int i = 0; i < 4; i++) {
            m.move(2, 65, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
        }
        m.move(1, 20, 0, 0).move(1, 0, 0, 0).hold(1.5); // a half-hearted bob: 20° of a 65° rep
        m.move(2, 65, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, m);
        assertEquals(5, Scripts.of(events, CoachEvent.Rep.class).size(), events.toString());
    }

    @Test
    void shouldReportRoundingFromTheLumbarAngleWithTwoSensors() {
        // Both segments hinge together; in rep 3 the upper one goes 20° further while the pelvis does not.
        BodyMotion lower = BodyMotion.at(100).mounting(BodyMotion.randomMounting(21)).noise(0.1, 0.002, 5).stand(3);
        BodyMotion upper = BodyMotion.at(100).mounting(BodyMotion.randomMounting(22)).noise(0.1, 0.002, 6).stand(3);
        for (int i = 1; i <= 4; i++) {
            lower.move(2.2, 50, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
            upper.move(2.2, i == 3 ? 90 : 68, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
        }
        List<Sample> samples = Scripts.interleave(lower.samples(Placement.SACRUM), upper.samples(Placement.THORACOLUMBAR));
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, samples);
        List<CoachEvent.Rep> reps = Scripts.of(events, CoachEvent.Rep.class);
        assertEquals(4, reps.size(), events.toString());
        List<CoachEvent.Alert> flexion = Scripts.alerts(events, Fault.LUMBAR_FLEXION);
        assertEquals(1, flexion.stream().map(CoachEvent.Alert::rep).distinct().count(), events.toString());
        assertEquals(3, flexion.get(0).rep());
    }

    @Test
    void shouldReportRoundingWithOneSensorWhenThePelvisTucksUnderAndStaysDown() {
        // Rep 3: the pelvis reaches 65° and then rotates back 9° while the wearer stays down.
        BodyMotion m = BodyMotion.at(100).mounting(BodyMotion.randomMounting(12)).noise(0.1, 0.002, 3).stand(3);
        for (int i = 1; i <= 4; i++) {
            m.move(2.2, 65, 0, 0);
            if (i == 3) {
                m.move(0.5, 56, 0, 0).hold(0.8);
            } else {
                m.hold(0.8);
            }
            m.move(1.3, 0, 0, 0).hold(1.5);
        }
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, m);
        List<CoachEvent.Alert> flexion = Scripts.alerts(events, Fault.LUMBAR_FLEXION);
        assertFalse(flexion.isEmpty(), events.toString());
        assertEquals(3, flexion.get(0).rep());
        assertEquals(1, flexion.stream().map(CoachEvent.Alert::rep).distinct().count(), "only rep 3: " + events);
        assertEquals(4, Scripts.of(events, CoachEvent.Rep.class).size());
    }

    @Test
    void shouldNotMistakeTheDriveUpForATuck() {
        // Reps whose way up starts slowly: the pelvis rotates back without stopping until upright.
        BodyMotion m = BodyMotion.at(100).mounting(BodyMotion.randomMounting(13)).noise(0.1, 0.002, 4).stand(3);
        for (int i = 1; i <= 5; i++) {
            m.move(2.2, 65, 0, 0).hold(0.6).move(2.5, 0, 0, 0).hold(1.5);
        }
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, m);
        assertTrue(Scripts.of(events, CoachEvent.Alert.class).isEmpty(), events.toString());
        assertEquals(5, Scripts.of(events, CoachEvent.Rep.class).size());
    }

    @Test
    void shouldReportExcessiveLeanInASquatAgainstTheUsersOwnDepth() {
        BodyMotion m = BodyMotion.at(100).mounting(BodyMotion.randomMounting(14)).noise(0.1, 0.002, 5).stand(3);
        for (int i = 1; i <= 5; i++) {
            m.move(1.6, i == 4 ? 52 : 35, 0, 0).hold(0.4).move(1.4, 0, 0, 0).hold(1.5);
        }
        List<CoachEvent> events = Scripts.run(Exercise.SQUAT, m);
        List<CoachEvent.Alert> lean = Scripts.alerts(events, Fault.EXCESSIVE_LEAN);
        assertFalse(lean.isEmpty(), events.toString());
        assertEquals(4, lean.get(0).rep(), "17° past the usual 35°");
        assertTrue(lean.stream().allMatch(a -> a.rep() == 4), events.toString());
    }
}
