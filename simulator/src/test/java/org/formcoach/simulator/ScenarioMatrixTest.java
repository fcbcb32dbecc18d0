package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.body.Mounting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise × sensor set-up × mounting generates a sensible trace. */
class ScenarioMatrixTest {

    static Stream<Arguments> matrix() {
        return TestTraces.exerciseCases().stream().flatMap(e -> Stream.of("sacrum", "lumbar", "two")
                .flatMap(s -> Stream.of(Mounting.values()).map(m -> Arguments.of(e, s, m))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void shouldGenerateEveryCombination(String exercise, String sensors, Mounting mounting) {
        Scenario.Builder b = TestTraces.builder(exercise).mounting(mounting).seed(51);
        if (sensors.equals("two")) {
            b.sensors(2);
        } else {
            b.placement(sensors);
        }
        GeneratedTrace trace = TraceGenerator.generate(b.build());
        int sensorCount = sensors.equals("two") ? 2 : 1;
        int[] rows = new int[Placement.count()];
        double[] lastTime = {-1, -1, -1};
        for (Sample s : trace.samples()) {
            assertTrue(s.isFinite(), s.toString());
            assertTrue(s.timeS >= lastTime[s.sensor], "time goes forward per sensor");
            lastTime[s.sensor] = s.timeS;
            rows[s.sensor]++;
            // No reading beyond what a body can do (±16 g, ±2000 °/s ranges are never reached).
            assertTrue(Math.abs(s.ax) < 4 && Math.abs(s.ay) < 4 && Math.abs(s.az) < 4, s.toString());
            assertTrue(Math.abs(s.gx) < 1000 && Math.abs(s.gy) < 1000 && Math.abs(s.gz) < 1000, s.toString());
        }
        for (Placement p : trace.scenario().placements()) {
            assertEquals(trace.truth().length(), rows[p.ordinal()], "rows of " + p);
        }
        assertEquals(sensorCount, trace.scenario().placements().size());
        assertEquals(trace.labels().sensors().size(), sensorCount);
        assertEquals(mounting.cliName(), trace.labels().mounting());
        assertEquals(sensorCount, trace.labels().mountingRotations().size());
        assertTrue(trace.labels().durationS() > 10, "duration " + trace.labels().durationS());
    }
}
