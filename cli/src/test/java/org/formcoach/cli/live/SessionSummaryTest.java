package org.formcoach.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.coach.Side;

/** The end-of-session summary adds up each exercise of each device. */
class SessionSummaryTest {
    @Test
    void shouldAddUpRepsHoldsAndAlertsPerExerciseAndTheLink() {
        SessionSummary s = new SessionSummary(Exercise.HINGE);
        s.bridgeEvent(new BridgeEvent.DeviceSeen(0, "belt", "mqtt"));
        s.coachEvent("belt", new CoachEvent.Rep(5, Exercise.HINGE, 1, 2, 5, null, List.of()));
        s.coachEvent("belt", new CoachEvent.Alert(8, Exercise.HINGE, Fault.LUMBAR_FLEXION, Severity.WARN, 5, 4, 2));
        s.coachEvent("belt", new CoachEvent.Rep(10, Exercise.HINGE, 2, 6, 10, null, List.of(Fault.LUMBAR_FLEXION)));
        s.coachEvent("belt", new CoachEvent.ExerciseStarted(12, Exercise.PLANK));
        s.coachEvent("belt", new CoachEvent.Alert(30, Exercise.PLANK, Fault.HIP_SAG, Severity.WARN, 4, 3.5, 0));
        s.coachEvent("belt", new CoachEvent.Alert(31, Exercise.PLANK, Fault.HIP_SAG, Severity.FAULT, 6.5, 6, 0));
        s.coachEvent("belt", new CoachEvent.Hold(40, Exercise.PLANK, 18, 38.5, 20.5));
        s.coachEvent("belt", new CoachEvent.ExerciseStarted(42, Exercise.BIRD_DOG));
        s.coachEvent("belt", new CoachEvent.Rep(60, Exercise.BIRD_DOG, 1, 45, 58, Side.LEFT, List.of()));
        s.coachEvent("belt", new CoachEvent.Summary(61, 3, 3, 6100, 0));
        s.bridgeEvent(new BridgeEvent.DeviceSummary(61, "belt", "mqtt", 6100, 0, "", 0, 0, 2, 61, 0.6, 0, 1, 6, 6, 0));
        List<String> lines = s.render();
        String text = String.join("\n", lines);
        assertEquals("Session summary: belt, 1:01 of coaching", lines.get(0));
        assertTrue(text.contains("hinge     2 reps: 1 good, 1 faulty (lower back rounding 1×); 1 alert"), text);
        assertTrue(text.contains("plank     held 20.5 s; 2 alerts (hips sagging 2×)"), text);
        assertTrue(text.contains("bird-dog  1 rep: 1 good, 0 faulty"), text);
        assertTrue(text.contains("total     3 reps, 1 hold, 3 alerts"), text);
        assertTrue(text.contains("6100 samples over mqtt, 61 lost (1.0 %), 1 link loss; alerts to the device: 6 sent,"
                + " 6 delivered"), text);
        assertEquals(3, s.alerts());
        assertEquals(3, s.reps());
    }

    @Test
    void shouldSaySoWhenNoDeviceSentAnything() {
        assertEquals(List.of("Session summary: no device sent any data."), new SessionSummary(Exercise.PLANK).render());
    }
}
