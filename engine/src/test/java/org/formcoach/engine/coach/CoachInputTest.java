package org.formcoach.engine.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;
import org.junit.jupiter.api.Test;

class CoachInputTest {
    @Test
    void shouldSkipAndCountNonFiniteAndBackwardSamplesWithoutLosingTheSession() {
        List<Sample> samples = Scripts.hinge(BodyMotion.randomMounting(2), 4, 0, 0).samples(Placement.SACRUM);
        List<Sample> spoiled = new ArrayList<>(samples);
        spoiled.add(800, new Sample().set(1.0, Placement.SACRUM, 0, 0, 1, 0, 0, 0)); // back in time
        Sample nan = new Sample().set(8.005, Placement.SACRUM, Double.NaN, 0, 1, 0, 0, 0);
        spoiled.add(801, nan);
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100, events::add);
        for (Sample s : spoiled) {
            coach.accept(s);
        }
        coach.finish(0);
        assertEquals(2, coach.rejectedSamples());
        assertEquals(4, Scripts.of(events, CoachEvent.Rep.class).size());
        CoachEvent.Summary summary = Scripts.of(events, CoachEvent.Summary.class).get(0);
        assertEquals(2, summary.badRows());
        assertEquals(samples.size(), summary.samples());
    }

    @Test
    void shouldDropTheCalibrationAfterAGapAndRecalibrateFromTheNextQuietStanding() {
        List<Sample> first = Scripts.hinge(BodyMotion.randomMounting(3), 2, 0, 0).samples(Placement.SACRUM);
        double end = first.get(first.size() - 1).timeS;
        List<Sample> all = new ArrayList<>(first);
        for (Sample s : Scripts.hinge(BodyMotion.randomMounting(3), 2, 0, 0).samples(Placement.SACRUM)) {
            s.timeS += end + 10; // ten seconds without data
            all.add(s);
        }
        List<CoachEvent> events = Scripts.run(Exercise.HINGE, all);
        List<CoachEvent.Warning> warnings = Scripts.of(events, CoachEvent.Warning.class);
        assertEquals(1, warnings.size(), events.toString());
        assertEquals("calibration_invalidated", warnings.get(0).code());
        assertEquals(2, Scripts.of(events, CoachEvent.Calibrated.class).size());
        assertEquals(4, Scripts.of(events, CoachEvent.Rep.class).size());
    }

    @Test
    void shouldRecalibrateOnRequest() {
        List<Sample> samples = Scripts.hinge(BodyMotion.randomMounting(3), 2, 0, 0).samples(Placement.SACRUM);
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(Exercise.HINGE, CoachSettings.defaults(), 100, events::add);
        samples.forEach(coach::accept);
        assertTrue(coach.isCalibrated());
        coach.recalibrate();
        assertFalse(coach.isCalibrated());
        assertEquals("recalibration_requested", Scripts.of(events, CoachEvent.Warning.class).get(0).code());
    }

    @Test
    void shouldApplySettingOverridesAndRejectUnknownNames() {
        CoachSettings strict = CoachSettings.defaults().withText("plank.hip_sag.warn_deg = 10 # very lenient\n", "test");
        List<CoachEvent> events = Scripts.run(Exercise.PLANK, strict,
                Scripts.plank(new double[]{1, 0, 0, 0}, 93).samples(Placement.SACRUM));
        assertTrue(Scripts.alerts(events, Fault.HIP_SAG).isEmpty(), "8° is under a 10° threshold");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoachSettings.defaults().with("plank.hip_sag.warn_dg", 3));
        assertTrue(e.getMessage().contains("did you mean 'plank.hip_sag.warn_deg'"), e.getMessage());
    }
}
