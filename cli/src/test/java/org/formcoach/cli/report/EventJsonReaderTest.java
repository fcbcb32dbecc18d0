package org.formcoach.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.coach.Side;
import org.formcoach.engine.sample.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonReaderTest {
    static Stream<CoachEvent> everyEventType() {
        return Stream.of(
                new CoachEvent.Calibrated(2.5, Placement.THORACOLUMBAR, "quiet standing \"and\" a hinge\\"),
                new CoachEvent.Rep(10.25, Exercise.BIRD_DOG, 3, 4.5, 10.125, Side.LEFT,
                        List.of(Fault.TRUNK_ROTATION, Fault.LATERAL_TILT)),
                new CoachEvent.Rep(11, Exercise.HINGE, 1, 8, 10.5, null, List.of()),
                new CoachEvent.Alert(7.75, Exercise.SQUAT, Fault.EXCESSIVE_LEAN, Severity.FAULT, 16.25, 15, 2),
                new CoachEvent.Alert(7.75, Exercise.PLANK, Fault.HIP_SAG, Severity.WARN, 4.5, 3.5, 0),
                new CoachEvent.Clear(9, Exercise.PLANK, Fault.HIP_PIKE),
                new CoachEvent.Hold(30.5, Exercise.PLANK, 5.25, 29.5, 24.25),
                new CoachEvent.Warning(12, "sensor_moved", "the sensor\nmoved"),
                new CoachEvent.ExerciseStarted(40, Exercise.SQUAT),
                new CoachEvent.Summary(99.5, 12, 3, 9950, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void shouldReadBackEveryEventTypeThatEventJsonWrites(CoachEvent event) throws Exception {
        assertEquals(event, EventJsonReader.parse(EventJson.toJson(event)));
    }

    @Test
    void shouldSkipAnEventTypeItDoesNotKnow() throws Exception {
        assertNull(EventJsonReader.parse("{\"t\":1.5,\"type\":\"heartbeat\",\"battery\":0.8,\"extra\":{\"a\":[1]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"time_s,sensor,ax", "[1,2,3]", "{\"t\":1,\"type\":\"rep\"}", "{\"type\":\"clear\"}",
            "{\"t\":1,\"type\":\"alert\",\"exercise\":\"plank\",\"fault\":\"hip_sag\",\"severity\":\"loud\","
                    + "\"value_deg\":1,\"threshold_deg\":1}",
            "{\"t\":1,\"type\":\"exercise\",\"exercise\":\"yoga\"}", "{\"t\":1,\"type\":\"summary\"", "{\"t\":1} x"})
    void shouldRejectALineThatIsNotAnEvent(String line) {
        assertThrows(EventJsonReader.BadEventException.class, () -> EventJsonReader.parse(line));
    }
}
