package org.formcoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        picocli.CommandLine cl = FormcoachCommand.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aX,aY,aZ,gX,gY,gZ\\n0.0,0.0,1.0,0.0,0.0,10.0\\n0.0,0.0,1.0,0.0,0.0,10.0\\n | --rate=119 | 1.0 | 10.0",
            "timestamp,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\\n0,0,0,9.80665,0,0,1\\n10,0,0,9.80665,0,0,1\\n | --layout=adafruit | 1.0 | 57.29577951308232",
            "PacketCounter,SampleTimeFine,Acc_X,Acc_Y,Acc_Z,Gyr_X,Gyr_Y,Gyr_Z\\n1,1000,0,0,9.80665,0,0,5\\n2,17667,0,0,9.80665,0,0,5\\n | --layout=auto | 1.0 | 5.0",
            "t;x;y;z;p;q;r\\n0;0;0;9,80665;0;0;0,5\\n5;0;0;9,80665;0;0;0,5\\n | --map=time=t:ms,ax=x:m/s2,ay=y:m/s2,az=z:m/s2,gx=p:rad/s,gy=q:rad/s,gz=r:rad/s | 1.0 | 28.64788975654116"})
    void shouldWriteATraceInEngineUnitsForEveryLayout(String text, String option, double az, double gz) throws IOException {
        Path in = file("in.csv", text.replace("\\n", "\n"));
        Path out = dir.resolve("out.csv.gz");
        assertEquals(0, run("import", in.toString(), "-o", out.toString(), option, "--placement", "sacrum"), err.toString());
        try (TraceReader reader = TraceReader.open(out)) {
            Sample s = new Sample();
            assertTrue(reader.next(s));
            assertEquals(az, s.az, 1e-6);
            assertEquals(gz, s.gz, 1e-4);
            assertEquals(Placement.SACRUM, s.placement());
            assertTrue(reader.next(s));
            assertFalse(reader.next(s));
        }
        assertTrue(err.toString().contains("imported 2 samples"), err.toString());
    }

    @Test
    void shouldExitThreeNamingTheFileAndItsColumnsWhenTheInputCannotBeMapped() throws IOException {
        Path in = file("people.csv", "name,age,city\nAda,36,London\n");
        int code = run("import", in.toString(), "-o", dir.resolve("out.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(err.toString().contains("people.csv"), err.toString());
        assertTrue(err.toString().contains("found columns: name, age, city"), err.toString());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void shouldExitTwoAskingForTheRateOfAFileWithoutTime() throws IOException {
        Path in = file("capture.csv", "aX,aY,aZ,gX,gY,gZ\n0,0,1,0,0,0\n");
        int code = run("import", in.toString(), "-o", dir.resolve("out.csv").toString());
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("--rate"), err.toString());
        assertTrue(err.toString().contains("aX, aY, aZ, gX, gY, gZ"), err.toString());
    }

    @Test
    void shouldReportMalformedRowsAndGoOn() throws IOException {
        Path in = file("capture.csv", "aX,aY,aZ,gX,gY,gZ\n0,0,1,0,0,0\n0,0,1,0\n0,oops,1,0,0,0\n0,0,1,0,0,0\n");
        Path out = dir.resolve("out.csv");
        assertEquals(0, run("import", in.toString(), "-o", out.toString(), "--rate", "100"));
        assertTrue(err.toString().contains("skipped 2 malformed rows; first at line 3"), err.toString());
        try (TraceReader reader = TraceReader.open(out)) {
            Sample s = new Sample();
            int n = 0;
            while (reader.next(s)) {
                n++;
            }
            assertEquals(2, n);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--map=ax=a:furlongs | unknown unit",
            "--layout=excel | unknown layout",
            "--placement=neck | unknown placement",
            "--rate=-5 | --rate"})
    void shouldExitTwoOnBadOptions(String option, String expected) throws IOException {
        Path in = file("capture.csv", "aX,aY,aZ,gX,gY,gZ\n0,0,1,0,0,0\n");
        assertEquals(ExitCodes.USAGE, run("import", in.toString(), "-o", dir.resolve("o.csv").toString(), option));
        assertTrue(err.toString().contains(expected), err.toString());
    }

    @Test
    void shouldExitThreeForAMissingFile() {
        assertEquals(ExitCodes.BAD_INPUT, run("import", dir.resolve("nope.csv").toString(), "-o", dir.resolve("o.csv").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }
}
