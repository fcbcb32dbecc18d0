package org.formcoach.engine.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.formcoach.engine.testing.BodyMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirdDogDetectorTest {
    @ParameterizedTest(name = "mounting {0}")
    @ValueSource(longs = {1, 2, 3})
    void shouldCountRepsWithTheirSideAndHoldTime(long mounting) {
        List<CoachEvent> events = Scripts.run(Exercise.BIRD_DOG,
                Scripts.birdDog(BodyMotion.randomMounting(mounting), 4, 0, 0, 0));
        List<CoachEvent.Rep> reps = Scripts.of(events, CoachEvent.Rep.class);
        assertEquals(4, reps.size(), events.toString());
        // Odd reps raise the left side of the pelvis (left leg up): the lifted arm is the right one.
        assertEquals(Side.RIGHT, reps.get(0).side());
        assertEquals(Side.LEFT, reps.get(1).side());
        List<CoachEvent.Hold> holds = Scripts.of(events, CoachEvent.Hold.class);
        assertEquals(4, holds.size());
        for (CoachEvent.Hold h : holds) {
            assertEquals(8.5, h.durationS(), 0.8, "an 8 s hold plus the end of the raise");
        }
        assertTrue(Scripts.of(events, CoachEvent.Alert.class).isEmpty(), "clean reps: " + events);
    }

    @Test
    void shouldReportTrunkRotationInTheRepWhereThePelvisRolls() {
        List<CoachEvent> events = Scripts.run(Exercise.BIRD_DOG,
                Scripts.birdDog(BodyMotion.randomMounting(4), 4, 3, 9, 0));
        List<CoachEvent.Alert> alerts = Scripts.alerts(events, Fault.TRUNK_ROTATION);
        assertEquals(1, alerts.size(), events.toString());
        assertEquals(3, alerts.get(0).rep());
        assertEquals(List.of(Fault.TRUNK_ROTATION), Scripts.of(events, CoachEvent.Rep.class).get(2).faults());
        assertTrue(Scripts.alerts(events, Fault.LATERAL_TILT).isEmpty());
    }

    @Test
    void shouldReportLateralTiltFromTheGyroHeading() {
        List<CoachEvent> events = Scripts.run(Exercise.BIRD_DOG,
                Scripts.birdDog(BodyMotion.randomMounting(5), 4, 2, 2, 8));
        List<CoachEvent.Alert> alerts = Scripts.alerts(events, Fault.LATERAL_TILT);
        assertEquals(1, alerts.size(), events.toString());
        assertEquals(2, alerts.get(0).rep());
        assertTrue(Scripts.alerts(events, Fault.TRUNK_ROTATION).isEmpty());
    }

    @Test
    void shouldNotDriftInHeadingWithAGyroOffsetThatChangesAfterCalibration() {
        // 0.3 deg/s of offset left after calibration would swing the heading 3° per 10-s hold;
        // the re-zero between reps keeps clean reps clean.
        BodyMotion motion = Scripts.birdDog(BodyMotion.randomMounting(6), 6, 0, 0, 0);
        List<org.formcoach.engine.sample.Sample> samples = motion.samples(org.formcoach.engine.sample.Placement.SACRUM);
        for (org.formcoach.engine.sample.Sample s : samples) {
            if (s.timeS > 6) {
                s.gz += 0.3;
            }
        }
        List<CoachEvent> events = Scripts.run(Exercise.BIRD_DOG, samples);
        assertEquals(6, Scripts.of(events, CoachEvent.Rep.class).size(), events.toString());
        assertTrue(Scripts.alerts(events, Fault.LATERAL_TILT).isEmpty(), events.toString());
    }

    @Test
    void shouldWrapHeadingsIntoOneTurnAsARemainderWould() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double deg = i < 50_000 ? (random.nextDouble() - 0.5) * 800 : (random.nextDouble() - 0.5) * 1e5;
            double w = BirdDogDetector.wrap(deg);
            assertTrue(w >= -180 && w <= 180, deg + " -> " + w);
            double turns = (deg - w) / 360;
            assertEquals(Math.rint(turns), turns, 1e-9, deg + " -> " + w + " is not a whole number of turns away");
            if (deg >= -180 && deg <= 180) {
                assertEquals(deg, w, 0.0, "an angle in range is returned as it is");
            }
        }
        assertEquals(180, BirdDogDetector.wrap(540), 0.0);
        assertEquals(-179, BirdDogDetector.wrap(181), 0.0);
        assertEquals(179, BirdDogDetector.wrap(-181), 0.0);
    }
}
