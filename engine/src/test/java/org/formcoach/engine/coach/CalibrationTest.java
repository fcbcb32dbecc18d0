package org.formcoach.engine.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CalibrationTest {
    static Stream<Arguments> mountings() {
        return Stream.of(
                Arguments.of("usual", new double[]{1, 0, 0, 0}),
                Arguments.of("upside down", BodyMotion.axisAngle(0, 1, 0, 180)),
                Arguments.of("sideways", BodyMotion.axisAngle(0, 0, 1, 90)),
                Arguments.of("face in", BodyMotion.axisAngle(1, 0, 0, 180)),
                Arguments.of("random 1", BodyMotion.randomMounting(1)),
                Arguments.of("random 2", BodyMotion.randomMounting(2)),
                Arguments.of("random 3", BodyMotion.randomMounting(3)));
    }

    private static List<CoachEvent> run(Coach coach, List<Sample> samples, double[] probeTimes, double[][] probes) {
        List<CoachEvent> events = new ArrayList<>();
        int next = 0;
        for (Sample s : samples) {
            coach.accept(s);
            if (next < probeTimes.length && s.timeS >= probeTimes[next]) {
                probes[next] = new double[]{coach.inclinationDeg(), coach.lateralDeg()};
                next++;
            }
        }
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mountings")
    void shouldMeasureInclinationAndRollInTheBodyFrameWhateverTheMounting(String name, double[] mounting) {
        BodyMotion motion = BodyMotion.at(100).mounting(mounting).noise(0.05, 0.001, 3)
                .stand(3).move(1.5, 50, 0, 0).hold(1).move(1.5, 0, 0, 0).hold(1)
                .move(2, 88, 0, 0).hold(2).move(1, 88, 6, 0).hold(2);
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(Exercise.BIRD_DOG, CoachSettings.defaults(), 100, events::add);
        double[] times = {5.4, 11.5, 14.5};
        double[][] probes = new double[times.length][];
        run(coach, motion.samples(Placement.SACRUM), times, probes);

        assertTrue(events.stream().anyMatch(e -> e instanceof CoachEvent.Calibrated), "calibrated event");
        assertEquals(50, probes[0][0], 1.5, "inclination at the bottom of the hinge");
        assertEquals(88, probes[1][0], 1.5, "inclination on all fours (no Euler singularity)");
        assertEquals(0, probes[1][1], 1.0, "no roll on all fours");
        assertEquals(6, probes[2][1], 1.0, "roll with the left side up");
    }

    @Test
    void shouldNotCalibrateWhileTheWearerKeepsMoving() {
        BodyMotion motion = BodyMotion.at(100).noise(0.05, 0.001, 3);
        for (int i = 0; i < 6; i++) {
            motion.move(0.5, 10 * (i % 2), 0, 0);
        }
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100, events::add);
        for (Sample s : motion.samples(Placement.SACRUM)) {
            coach.accept(s);
        }
        assertFalse(coach.isCalibrated());
        assertTrue(events.isEmpty(), "no event while moving: " + events);
    }

    @Test
    void shouldRemoveTheGyroOffsetLearnedWhileStandingStill() {
        BodyMotion motion = BodyMotion.at(100).mounting(BodyMotion.randomMounting(11)).gyroOffset(4, -6, 2.5)
                .noise(0.05, 0.001, 5).stand(3).move(2, 88, 0, 0).hold(20);
        Coach coach = new Coach(Exercise.PLANK, CoachSettings.defaults(), 100, e -> { });
        for (Sample s : motion.samples(Placement.SACRUM)) {
            coach.accept(s);
        }
        // An offset of several deg/s left in would tip the estimate by far more than this over 20 s.
        assertEquals(88, coach.inclinationDeg(), 1.0);
    }
}
