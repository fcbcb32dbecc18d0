package org.formcoach.simulator;

import java.util.List;
import java.util.Locale;

import org.formcoach.simulator.sensor.SensorPreset;

/**
 * How long generating traces takes, printed once (a plain main, not a test: speed is not
 * asserted in unit tests). Run after {@code mvn -pl simulator -am test-compile}:
 *
 * <pre>
 * java -cp engine/target/classes:simulator/target/classes:simulator/target/test-classes:\
 * $HOME/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.23.0/jackson-core-2.23.0.jar \
 *     org.formcoach.simulator.GenerationTiming
 * </pre>
 */
public final class GenerationTiming {
    private GenerationTiming() {
    }

    public static void main(String[] args) {
        List<Scenario> scenarios = List.of(
                Scenario.builder().exercise("hinge").reps(11).sensors(2).mounting("any").preset(SensorPreset.MPU6050).build(),
                Scenario.builder().exercise("squat").reps(12).sensors(2).build(),
                Scenario.builder().exercise("plank").hold(42).sensors(2).build(),
                Scenario.builder().exercise("walking").duration(55).sensors(2).build(),
                Scenario.builder().exercise("bird-dog").reps(4).sensors(2).build());
        // Warm-up: let the JIT compile the synthesis loops.
        for (int i = 0; i < 30; i++) {
            TraceGenerator.generate(scenarios.get(i % scenarios.size()).withSeed(1000 + i));
        }
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "first round (JIT still settling):" : "second round:");
            for (Scenario base : scenarios) {
                report(base.exercise().cliName(), base, 100);
            }
        }
    }

    private static void report(String name, Scenario base, int count) {
        double traceSeconds = 0;
        long rows = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            GeneratedTrace t = TraceGenerator.generate(base.withSeed(i + 1));
            traceSeconds += t.labels().durationS();
            rows += t.samples().size();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-9s %d traces, 2 sensors, mean %.1f s each: %.2f s wall, %.1f ms per trace,"
                        + " %.1f ms per 60 s of trace, %.0f rows/s%n",
                name, count, traceSeconds / count, wall, 1000 * wall / count, 1000 * wall / traceSeconds * 60,
                rows / wall);
    }
}
