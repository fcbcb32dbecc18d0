package org.formcoach.engine.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlankDetectorTest {
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.HIP_SAG, 93.0, BodyMotion.randomMounting(3)),
                Arguments.of(Fault.HIP_PIKE, 77.0, BodyMotion.randomMounting(4)),
                Arguments.of(Fault.HIP_SAG, 93.0, new double[]{1, 0, 0, 0}),
                Arguments.of(Fault.HIP_PIKE, 77.0, new double[]{1, 0, 0, 0}));
    }

    @ParameterizedTest(name = "{0} to {1} deg")
    @MethodSource("faults")
    void shouldAlertOnceWhenTheHipsLeaveTheHeldBaselineAndClearWhenTheyReturn(Fault fault, double inclination,
                                                                             double[] mounting) {
        List<CoachEvent> events = Scripts.run(Exercise.PLANK, Scripts.plank(mounting, inclination));
        List<CoachEvent.Alert> alerts = Scripts.alerts(events, fault);
        assertFalse(alerts.isEmpty(), "no " + fault + " alert: " + events);
        assertEquals(Severity.WARN, alerts.get(0).severity());
        // The fault starts at 3 + 2.5 + 8 = 13.5 s and crosses the warn line about a second later.
        assertEquals(14.8, alerts.get(0).t(), 0.8);
        assertTrue(alerts.stream().anyMatch(a -> a.severity() == Severity.FAULT), "8 degrees is past the fault line");
        assertEquals(1, Scripts.of(events, CoachEvent.Clear.class).size());
        assertEquals(alerts.size(), Scripts.of(events, CoachEvent.Alert.class).size(), "only " + fault);
    }

    @Test
    void shouldTimeTheHoldFromSettlingToGettingUp() {
        List<CoachEvent> events = Scripts.run(Exercise.PLANK, Scripts.plank(new double[]{1, 0, 0, 0}, Double.NaN));
        List<CoachEvent.Hold> holds = Scripts.of(events, CoachEvent.Hold.class);
        assertEquals(1, holds.size());
        // In position at 5.5 s, getting up at 17.5 s.
        assertEquals(5.5, holds.get(0).start(), 0.5);
        assertEquals(17.5, holds.get(0).end(), 0.5);
        assertTrue(Scripts.of(events, CoachEvent.Alert.class).isEmpty(), "a clean plank has no alert: " + events);
    }

    @Test
    void shouldUseTheLumbarAngleBetweenTwoSensors() {
        // Sag: pelvis turns 3° head-down, the thoracolumbar segment 9° the other way.
        BodyMotion lower = BodyMotion.at(100).mounting(BodyMotion.randomMounting(8)).noise(0.1, 0.002, 2)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 88, 0, 0).hold(5).move(1.5, 0, 0, 0).hold(2);
        BodyMotion upper = BodyMotion.at(100).mounting(BodyMotion.randomMounting(9)).noise(0.1, 0.002, 3)
                .stand(3).move(2.5, 85, 0, 0).hold(8).move(3, 76, 0, 0).hold(5).move(1.5, 0, 0, 0).hold(2);
        List<Sample> samples = Scripts.interleave(lower.samples(Placement.SACRUM), upper.samples(Placement.THORACOLUMBAR));
        List<CoachEvent> events = Scripts.run(Exercise.PLANK, samples);
        assertEquals(2, Scripts.of(events, CoachEvent.Calibrated.class).size(), "both sensors calibrate");
        List<CoachEvent.Alert> sag = Scripts.alerts(events, Fault.HIP_SAG);
        assertFalse(sag.isEmpty(), "relative angle change of 12° is a sag: " + events);
        assertTrue(Scripts.alerts(events, Fault.HIP_PIKE).isEmpty());
    }
}
