package org.formcoach.simulator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvImporterTest {
    private static final double G = 9.80665;
    private static final double DEG = 180 / Math.PI;

    static CsvImporter open(String resource, CsvImporter.Options options) throws IOException {
        InputStream in = CsvImporterTest.class.getResourceAsStream("/import/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return new CsvImporter(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, options);
    }

    static List<Sample> readAll(CsvImporter importer) throws IOException {
        List<Sample> out = new ArrayList<>();
        Sample s = new Sample();
        while (importer.next(s)) {
            Sample copy = new Sample();
            copy.copyFrom(s);
            out.add(copy);
        }
        return out;
    }

    private static CsvImporter.Options layout(ImportLayout layout, double rate) {
        return new CsvImporter.Options(layout, null, rate, Placement.SACRUM);
    }

    private static CsvImporter.Options map(String map, double rate) {
        return new CsvImporter.Options(null, ColumnMapping.parse(map), rate, Placement.SACRUM);
    }

    /** Fixture, options, layout name, rows, then the first row in engine units: t, a, g, m (NaN = none). */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("arduino_imu_capture.csv", layout(null, 119), "arduino", 5,
                        new double[]{0, 0.012, -0.020, 0.998, 0.12, -0.31, 1.22, Double.NaN, 0, 0}),
                Arguments.of("arduino_imu_capture.csv", layout(ImportLayout.ARDUINO, 119), "arduino", 5,
                        new double[]{0, 0.012, -0.020, 0.998, 0.12, -0.31, 1.22, Double.NaN, 0, 0}),
                Arguments.of("adafruit_si.csv", layout(null, Double.NaN), "adafruit", 3,
                        new double[]{1.0, 0.5 / G, -0.2 / G, 1.0, 0.1 * DEG, 0, -0.2 * DEG, 21.5, -3.25, -40.125}),
                Arguments.of("adafruit_si.csv", layout(ImportLayout.ADAFRUIT, Double.NaN), "adafruit", 3,
                        new double[]{1.0, 0.5 / G, -0.2 / G, 1.0, 0.1 * DEG, 0, -0.2 * DEG, 21.5, -3.25, -40.125}),
                Arguments.of("adafruit_tabs.tsv", layout(null, Double.NaN), "adafruit", 3,
                        new double[]{0.5, 0, 0, 1.0, 0, 0, DEG, Double.NaN, 0, 0}),
                Arguments.of("movella_dot.csv", layout(null, Double.NaN), "movella", 4,
                        new double[]{4294.95, 0.1 / G, 0.2 / G, 1.0, 1.5, -0.5, 0.25, Double.NaN, 0, 0}),
                Arguments.of("movella_dot.csv", layout(ImportLayout.MOVELLA, Double.NaN), "movella", 4,
                        new double[]{4294.95, 0.1 / G, 0.2 / G, 1.0, 1.5, -0.5, 0.25, Double.NaN, 0, 0}),
                Arguments.of("semicolon_decimal_comma.csv",
                        map("time=timestamp_ms:ms,ax=AccX:m/s2,ay=AccY:m/s2,az=AccZ:m/s2,gx=GyrX:rad/s,gy=GyrY:rad/s,gz=GyrZ:rad/s",
                                Double.NaN), "map", 3,
                        new double[]{2.5, 0.49 / G, -0.98 / G, 1.0, 0.01 * DEG, -0.02 * DEG, 0.5 * DEG, Double.NaN, 0, 0}),
                Arguments.of("headerless.csv", map("time=1:ms,ax=2,ay=3,az=4,gx=5,gy=6,gz=7", Double.NaN), "map", 3,
                        new double[]{0.012, 0.01, 0.02, 1.0, 0.5, 0.6, 0.7, Double.NaN, 0, 0}));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldImportEveryKnownLayoutInEngineUnits(String fixture, CsvImporter.Options options, String layoutName,
                                                     int rows, double[] first) throws IOException {
        try (CsvImporter importer = open(fixture, options)) {
            List<Sample> samples = readAll(importer);
            assertEquals(layoutName, importer.layoutName());
            assertEquals(rows, samples.size());
            assertEquals(0, importer.badRows(), importer.badRowReport());
            Sample s = samples.get(0);
            assertEquals(first[0], s.timeS, 1e-9, "time s");
            double[] got = {s.ax, s.ay, s.az, s.gx, s.gy, s.gz};
            for (int i = 0; i < 6; i++) {
                assertEquals(first[1 + i], got[i], 1e-9, "field " + i);
            }
            assertEquals(!Double.isNaN(first[7]), s.hasMag);
            if (s.hasMag) {
                assertEquals(first[7], s.mx, 1e-9);
                assertEquals(first[8], s.my, 1e-9);
                assertEquals(first[9], s.mz, 1e-9);
            }
            assertEquals(Placement.SACRUM, s.placement());
        }
    }

    @Test
    void shouldNumberRowsAtTheGivenRateWhenThereIsNoTime() throws IOException {
        try (CsvImporter importer = open("arduino_imu_capture.csv", layout(null, 119))) {
            List<Sample> samples = readAll(importer);
            for (int k = 0; k < samples.size(); k++) {
                assertEquals(k / 119.0, samples.get(k).timeS, 1e-12, "blank lines between recordings add no time");
            }
            assertFalse(importer.hasTimeColumn());
        }
    }

    @Test
    void shouldRefuseToGuessTheRateOfAFileWithoutTime() throws IOException {
        try (CsvImporter importer = open("arduino_imu_capture.csv", CsvImporter.Options.auto())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> importer.next(new Sample()));
            assertTrue(e.getMessage().contains("no time column"), e.getMessage());
        }
    }

    @Test
    void shouldUnwrapTheMovellaMicrosecondCounter() throws IOException {
        try (CsvImporter importer = open("movella_dot.csv", CsvImporter.Options.auto())) {
            List<Sample> samples = readAll(importer);
            for (int k = 1; k < samples.size(); k++) {
                assertEquals(0.016667, samples.get(k).timeS - samples.get(k - 1).timeS, 1e-6);
            }
            assertEquals("D422CD0051E1", importer.metadata().get("devicetag"));
        }
    }

    @Test
    void shouldSkipAndCountMalformedRows() throws IOException {
        try (CsvImporter importer = open("malformed_arduino.csv", layout(null, 100))) {
            List<Sample> samples = readAll(importer);
            assertEquals(2, samples.size());
            assertEquals(5, importer.badRows());
            assertEquals(3, importer.firstBadLine());
            assertTrue(importer.firstBadReason().contains("5 cells"), importer.firstBadReason());
            assertTrue(importer.badRowReport().contains("line 3"), importer.badRowReport());
            assertEquals(0.013, samples.get(1).ax, 1e-12, "the stream goes on after bad rows");
        }
    }

    @Test
    void shouldCountATimeThatGoesBackwards() throws IOException {
        String text = "millis,aX,aY,aZ,gX,gY,gZ\n10,0,0,1,0,0,0\n20,0,0,1,0,0,0\n15,0,0,1,0,0,0\n30,0,0,1,0,0,0\n";
        try (CsvImporter importer = new CsvImporter(new BufferedReader(new StringReader(text)), "t.csv",
                CsvImporter.Options.auto())) {
            assertEquals(3, readAll(importer).size());
            assertEquals(1, importer.badRows());
            assertEquals("time goes backwards", importer.firstBadReason());
        }
    }

    @Test
    void shouldRejectUnmappableInputNamingTheFileAndItsColumns() {
        ImportException e = assertThrows(ImportException.class, () -> open("not_imu.csv", CsvImporter.Options.auto()));
        assertTrue(e.getMessage().startsWith("not_imu.csv:"), e.getMessage());
        assertTrue(e.getMessage().contains("found columns: name, age, city"), e.getMessage());
    }

    @Test
    void shouldRejectAFileOfTheWrongNamedLayout() {
        ImportException e = assertThrows(ImportException.class,
                () -> open("adafruit_si.csv", layout(ImportLayout.MOVELLA, Double.NaN)));
        assertTrue(e.getMessage().contains("not the movella layout"), e.getMessage());
        assertTrue(e.getMessage().contains("accel_x"), e.getMessage());
    }

    @Test
    void shouldRejectAMappingWhoseColumnsAreMissing() {
        ImportException e = assertThrows(ImportException.class,
                () -> open("adafruit_si.csv", map("ax=AccX,ay=accel_y,az=accel_z,gx=gyro_x,gy=gyro_y,gz=gyro_z", 100)));
        assertTrue(e.getMessage().contains("AccX"), e.getMessage());
        assertTrue(e.getMessage().contains("timestamp, accel_x"), e.getMessage());
    }

    @Test
    void shouldSuggestPositionsForAFileWithoutHeader() {
        ImportException e = assertThrows(ImportException.class, () -> open("headerless.csv", CsvImporter.Options.auto()));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void shouldRejectAnEmptyFile() {
        ImportException e = assertThrows(ImportException.class, () -> new CsvImporter(
                new BufferedReader(new StringReader("\n# only a comment\n")), "empty.csv", CsvImporter.Options.auto()));
        assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());
    }

    @Test
    void shouldPointAtAccWhenOnlyFreeAccWasExported() {
        String text = "DeviceTag:,X\nPacketCounter,SampleTimeFine,Euler_X,Euler_Y,Euler_Z,FreeAcc_X,FreeAcc_Y,FreeAcc_Z\n1,2,3,4,5,6,7,8\n";
        ImportException e = assertThrows(ImportException.class, () -> new CsvImporter(
                new BufferedReader(new StringReader(text)), "dot.csv", CsvImporter.Options.auto()));
        assertTrue(e.getMessage().contains("FreeAcc has gravity removed"), e.getMessage());
    }

    @Test
    void shouldNotImportAFormcoachTraceAgain() {
        String text = "# formcoach-trace: 1\ntime_s,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n";
        assertThrows(ImportException.class, () -> new CsvImporter(
                new BufferedReader(new StringReader(text)), "trace.csv", CsvImporter.Options.auto()));
    }
}
