package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.labels.Labels;
import org.formcoach.simulator.sensor.SensorPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same trace; and each concern draws from its own random stream. */
class DeterminismTest {

    private static String csv(GeneratedTrace trace) throws IOException {
        StringWriter w = new StringWriter();
        trace.writeTrace(w);
        return w.toString();
    }

    @Test
    void shouldWriteIdenticalFilesForTheSameSeed(@TempDir Path dir) throws IOException {
        Scenario s = Scenario.builder().exercise("hinge").sensors(2).mounting("any").preset(SensorPreset.MPU6050)
                .seed(7).build();
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        TraceGenerator.generate(s).writeTo(a);
        TraceGenerator.generate(s).writeTo(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(Files.readAllBytes(Labels.pathFor(a)), Files.readAllBytes(Labels.pathFor(b)));
    }

    @Test
    void shouldGiveADifferentTraceForAnotherSeed() throws IOException {
        Scenario s = Scenario.builder().exercise("squat").seed(7).build();
        assertNotEquals(csv(TraceGenerator.generate(s)), csv(TraceGenerator.generate(s.withSeed(8))));
    }

    @Test
    void shouldKeepTheMovementWhenASecondSensorIsAdded() {
        Scenario one = Scenario.builder().exercise("hinge").preset(SensorPreset.IDEAL).seed(21).build();
        Scenario two = one.toBuilder().sensors(2).build();
        GeneratedTrace a = TraceGenerator.generate(one);
        GeneratedTrace b = TraceGenerator.generate(two);
        assertArrayEquals(a.truth().inclinationDeg(), b.truth().inclinationDeg());
        assertArrayEquals(a.truth().sensor(Placement.SACRUM).ay(), b.truth().sensor(Placement.SACRUM).ay());
        assertEquals(a.labels().reps(), b.labels().reps());
    }

    @Test
    void shouldKeepTheMovementWhenThePresetOrMountingChanges() {
        Scenario base = Scenario.builder().exercise("plank").preset(SensorPreset.IDEAL).seed(22).build();
        GeneratedTrace a = TraceGenerator.generate(base);
        GeneratedTrace b = TraceGenerator.generate(base.toBuilder().preset(SensorPreset.BMI270).mounting("any").build());
        assertArrayEquals(a.truth().inclinationDeg(), b.truth().inclinationDeg());
        assertEquals(a.labels().holds(), b.labels().holds());
        assertEquals(a.labels().faults(), b.labels().faults());
    }

    @Test
    void shouldChangeOnlyTheFaultWindowsWhenFaultsAreAdded() {
        Scenario clean = Scenario.builder().exercise("hinge").faults("none").preset(SensorPreset.IDEAL).seed(23).build();
        Scenario faulty = clean.toBuilder().faults("lumbar_flexion@2,lumbar_extension@3").build();
        GeneratedTrace a = TraceGenerator.generate(clean);
        GeneratedTrace b = TraceGenerator.generate(faulty);
        assertEquals(2, b.labels().faults().size());
        GroundTruth ta = a.truth();
        GroundTruth tb = b.truth();
        int differing = 0;
        for (int k = 0; k < ta.length(); k++) {
            double t = ta.trueTimeS()[k];
            boolean inFault = b.labels().faults().stream().anyMatch(f -> t >= f.onset() - 0.01 && t <= f.end() + 0.01);
            double d = Math.abs(ta.lumbarFlexionDeg()[k] - tb.lumbarFlexionDeg()[k])
                    + Math.abs(ta.inclinationDeg()[k] - tb.inclinationDeg()[k]);
            if (!inFault) {
                assertEquals(0, d, 1e-9, "movement changed outside the faults at t=" + t);
            } else if (d > 1) {
                differing++;
            }
        }
        assertTrue(differing > 50, "the faults must change the movement: " + differing + " samples differ");
    }
}
