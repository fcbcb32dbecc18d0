package org.formcoach.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.formcoach.cli.live.LiveStatuses;
import org.formcoach.engine.coach.Exercise;

/** The calibration prompts follow the coach's phase, with a countdown of the quiet time. */
class CalibrationPromptTest {
    private static String at(CalibrationPrompt p, double t, Exercise ex, String phase, boolean calibrated) {
        return p.update(LiveStatuses.device("belt").at(t).exercise(ex, phase, calibrated).build());
    }

    @Test
    void shouldCountDownTheQuietTimeAndStartAgainWhenItRunsOut() {
        CalibrationPrompt p = new CalibrationPrompt(2);
        assertTrue(at(p, 0.0, Exercise.HINGE, "calibrating: stand still", false).endsWith("… 2"));
        assertTrue(at(p, 1.2, Exercise.HINGE, "calibrating: stand still", false).endsWith("… 1"));
        assertTrue(at(p, 2.2, Exercise.HINGE, "calibrating: stand still", false).endsWith("hold it"));
        // Still not calibrated half a second later: the wearer moved; count again.
        assertTrue(at(p, 2.6, Exercise.HINGE, "calibrating: stand still", false).endsWith("… 2"));
        assertEquals(CalibrationPrompt.Stage.STAND_STILL, p.stage());
    }

    @Test
    void shouldAskForTheFirstForwardMovementOfTheExercise() {
        CalibrationPrompt p = new CalibrationPrompt(2);
        assertTrue(at(p, 3, Exercise.HINGE, "calibrating: hinge forward", false).contains("hinge forward"));
        CalibrationPrompt q = new CalibrationPrompt(2);
        assertTrue(at(q, 3, Exercise.PLANK, "calibrating: hinge forward", false).contains("get down into your plank"));
        assertEquals(CalibrationPrompt.Stage.MOVE_FORWARD, q.stage());
    }

    @Test
    void shouldSayCalibratedForAFewSecondsThenNothing() {
        CalibrationPrompt p = new CalibrationPrompt(2);
        at(p, 3, Exercise.HINGE, "calibrating: hinge forward", false);
        assertTrue(at(p, 4, Exercise.HINGE, "lowering", true).startsWith("calibrated"));
        assertTrue(at(p, 6.5, Exercise.HINGE, "rising", true).startsWith("calibrated"));
        assertNull(at(p, 7.1, Exercise.HINGE, "standing", true));
        assertEquals(CalibrationPrompt.Stage.NONE, p.stage());
    }

    @Test
    void shouldPromptAgainWhenTheCalibrationIsDropped() {
        CalibrationPrompt p = new CalibrationPrompt(2);
        at(p, 0, Exercise.PLANK, "calibrating: stand still", false);
        at(p, 4, Exercise.PLANK, "hold", true);
        assertNull(at(p, 20, Exercise.PLANK, "hold", true));
        // A gap or a moved sensor: the coach is back to waiting for quiet standing.
        assertTrue(at(p, 30, Exercise.PLANK, "calibrating: stand still", false).startsWith("stand tall and still"));
    }

    @Test
    void shouldAskForTheSensorBeforeAnyData() {
        CalibrationPrompt p = new CalibrationPrompt(2);
        assertTrue(p.update(LiveStatuses.unseen("belt")).contains("waiting for the sensor"));
        assertEquals(CalibrationPrompt.Stage.WAITING, p.stage());
    }
}
