package org.formcoach.simulator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceImportTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = TraceImportTest.class.getResourceAsStream("/import/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace.csv", "trace.csv.gz"})
    void shouldWriteATraceTheEngineReadsBackInEngineUnits(String outName) throws IOException {
        Path in = resource("movella_dot.csv");
        CsvImporter.Options options = new CsvImporter.Options(null, null, Double.NaN, Placement.THORACOLUMBAR);
        List<Sample> expected;
        try (CsvImporter importer = TraceImport.open(in, options)) {
            expected = CsvImporterTest.readAll(importer);
        }
        Path out = dir.resolve(outName);
        TraceImport.Result result;
        try (CsvImporter importer = TraceImport.open(in, options)) {
            result = TraceImport.convert(importer, out, options);
        }
        assertEquals(4, result.samples());
        assertTrue(result.rateMeasured());
        assertEquals(60.0, result.rateHz(), 0.01);
        try (TraceReader reader = TraceReader.open(out)) {
            assertEquals(Placement.THORACOLUMBAR, reader.header().defaultPlacement());
            assertEquals("D422CD0051E1", reader.header().device());
            assertEquals("movella", reader.header().get("import_layout"));
            assertEquals(60.0, reader.header().rateHz(), 0.01);
            Sample s = new Sample();
            for (Sample e : expected) {
                assertTrue(reader.next(s));
                assertEquals(e.timeS, s.timeS, 1e-6);
                assertEquals(e.az, s.az, 1e-6);
                assertEquals(e.gx, s.gx, 1e-4);
                assertEquals(Placement.THORACOLUMBAR, s.placement());
            }
            assertEquals(0, reader.badRows());
        }
    }

    @Test
    void shouldKeepTheGivenRateAndMagnetometerColumns() throws IOException {
        Path in = resource("adafruit_si.csv");
        CsvImporter.Options options = new CsvImporter.Options(null, null, 104, Placement.SACRUM);
        Path out = dir.resolve("a.csv");
        try (CsvImporter importer = TraceImport.open(in, options)) {
            TraceImport.convert(importer, out, options);
        }
        try (TraceReader reader = TraceReader.open(out)) {
            assertEquals(104.0, reader.header().rateHz(), 1e-9);
            assertTrue(reader.header().hasMagColumns());
            Sample s = new Sample();
            assertTrue(reader.next(s));
            assertEquals(-40.125, s.mz, 1e-9);
        }
    }
}
