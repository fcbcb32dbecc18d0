package org.formcoach.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.formcoach.simulator.body.UnitQuaternion;
import org.formcoach.simulator.labels.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsRoundTripTest {

    @Test
    void shouldReadBackWhatItWroteToTheWrittenPrecision(@TempDir Path dir) throws IOException {
        GeneratedTrace trace = TraceGenerator.generate(Scenario.builder().exercise("workout").reps(4).hold(20)
                .sensors(2).mounting("any").seed(5).build());
        Path csv = dir.resolve("w.csv.gz");
        Path labelsPath = trace.writeTo(csv);
        assertEquals(dir.resolve("w.labels.json"), labelsPath);
        Labels read = Labels.read(labelsPath);
        Labels l = trace.labels();
        assertEquals(l.exercise(), read.exercise());
        assertEquals(l.variant(), read.variant());
        assertEquals(l.sensors(), read.sensors());
        assertEquals(l.seed(), read.seed());
        assertEquals(l.segments().size(), read.segments().size());
        assertEquals(l.reps().size(), read.reps().size());
        assertEquals(l.faults().size(), read.faults().size());
        assertEquals(l.holds().size(), read.holds().size());
        for (int i = 0; i < l.reps().size(); i++) {
            assertEquals(l.reps().get(i).start(), read.reps().get(i).start(), 1e-4);
            assertEquals(l.reps().get(i).side(), read.reps().get(i).side());
            assertEquals(l.reps().get(i).faults(), read.reps().get(i).faults());
            assertEquals(l.reps().get(i).peakInclinationDeg(), read.reps().get(i).peakInclinationDeg(), 0.01);
        }
        for (int i = 0; i < l.faults().size(); i++) {
            Labels.Fault a = l.faults().get(i);
            Labels.Fault b = read.faults().get(i);
            assertEquals(a.fault(), b.fault());
            assertEquals(a.halfPeak(), b.halfPeak(), 1e-4);
            assertEquals(a.peakDeg(), b.peakDeg(), 0.01);
            assertEquals(a.heightCm() == null, b.heightCm() == null);
        }
        for (String s : l.sensors()) {
            UnitQuaternion a = l.mountingRotations().get(s);
            UnitQuaternion b = read.mountingRotations().get(s);
            assertEquals(0, a.conjugate().multiply(b).angleDeg(), 1e-3);
        }
        assertEquals(l.calibration().quietEnd(), read.calibration().quietEnd(), 1e-4);
        assertEquals(l.calibration().firstForwardMovement(), read.calibration().firstForwardMovement(), 1e-4);
    }

    @Test
    void shouldReadNullsAndIgnoreUnknownFields(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("x.labels.json");
        Files.writeString(p, """
                {"formcoach_labels": 1, "generator": "someone else", "seed": 3, "exercise": "standing",
                 "variant": null, "sensors": ["lumbar"], "mounting": "usual", "future_field": {"a": [1, 2]},
                 "preset": "ideal", "rate_hz": 50, "duration_s": 10.5,
                 "calibration": {"quiet_start": 0, "quiet_end": 10.5, "first_forward_movement": null},
                 "segments": [], "reps": [], "faults": [], "holds": [], "timing_faults": []}
                """);
        Labels l = Labels.read(p);
        assertNull(l.variant());
        assertNull(l.calibration().firstForwardMovement());
        assertEquals(50, l.rateHz());
        assertTrue(l.mountingRotations().isEmpty());
    }

    @Test
    void shouldRefuseAFileThatIsNotLabels(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("x.json");
        Files.writeString(p, "{\"something\": 1}");
        IOException e = assertThrows(IOException.class, () -> Labels.read(p));
        assertTrue(e.getMessage().contains("not a formcoach labels file"), e.getMessage());
        Files.writeString(p, "{\"formcoach_labels\": 1, ");
        assertThrows(IOException.class, () -> Labels.read(p));
    }

    @Test
    void shouldPutTheLabelsBesideTheTrace() {
        assertEquals(Path.of("d/x.labels.json"), Labels.pathFor(Path.of("d/x.csv")));
        assertEquals(Path.of("d/x.labels.json"), Labels.pathFor(Path.of("d/x.csv.gz")));
        assertEquals(Path.of("x.labels.json"), Labels.pathFor(Path.of("x")));
    }
}
