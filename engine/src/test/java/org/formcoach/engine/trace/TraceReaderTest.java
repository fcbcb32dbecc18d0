package org.formcoach.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.sample.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceReaderTest {
    private static final String HEADER = "# formcoach-trace: 1\ntime_s,sensor,ax,ay,az,gx,gy,gz,mx,my,mz\n";

    private static List<Sample> readAll(TraceReader reader) throws IOException {
        List<Sample> out = new ArrayList<>();
        Sample s = new Sample();
        while (reader.next(s)) {
            Sample copy = new Sample();
            copy.copyFrom(s);
            out.add(copy);
        }
        return out;
    }

    private static TraceReader of(String text) throws IOException {
        return TraceReader.of(new StringReader(text), "test.csv");
    }

    @Test
    void shouldReadTheContractExample() throws IOException {
        TraceReader r = of("# formcoach-trace: 1\n# accel: g            (or m/s2; default g)\n# gyro: deg/s\n"
                + "# rate_hz: 100\n# device: belt-01\n# colour: blue\n" + "time_s,sensor,ax,ay,az,gx,gy,gz,mx,my,mz\n"
                + "0.000,sacrum,0.012,-0.020,0.998,0.10,-0.15,0.11,,,\n");
        List<Sample> rows = readAll(r);
        assertEquals(1, rows.size());
        Sample s = rows.get(0);
        assertEquals(Placement.SACRUM, s.placement());
        assertEquals(0.998, s.az, 1e-12);
        assertEquals(-0.15, s.gy, 1e-12);
        assertFalse(s.hasMag);
        assertEquals(100, r.header().rateHz());
        assertEquals("belt-01", r.header().device());
        assertEquals("blue", r.header().get("colour"), "unknown keys are kept");
    }

    @Test
    void shouldConvertDeclaredUnitsToGAndDegreesPerSecond() throws IOException {
        List<Sample> rows = readAll(of("# accel: m/s2\n# gyro: rad/s\ntime_s,ax,ay,az,gx,gy,gz\n0,0,0,9.80665,3.14159265358979,0,0\n"));
        assertEquals(1.0, rows.get(0).az, 1e-12);
        assertEquals(180.0, rows.get(0).gx, 1e-9);
    }

    @Test
    void shouldUseThePlacementHeaderWithoutASensorColumn() throws IOException {
        TraceReader r = of("# placement: sacrum\ntime_s,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n");
        assertEquals(Placement.SACRUM, readAll(r).get(0).placement());
        assertEquals(Placement.LUMBAR, readAll(of("time_s,ax,ay,az,gx,gy,gz\n0,0,0,1,0,0,0\n")).get(0).placement(),
                "lumbar unless the header says otherwise");
    }

    @Test
    void shouldReadTheFusionExampleColumns() throws IOException {
        TraceReader r = of("Time (s),Gyroscope X (deg/s),Gyroscope Y (deg/s),Gyroscope Z (deg/s),Accelerometer X (g),"
                + "Accelerometer Y (g),Accelerometer Z (g),Magnetometer X (uT),Magnetometer Y (uT),Magnetometer Z (uT)\n"
                + "0.01,1,2,3,0.1,0.2,0.9,15,0.4,-41\n");
        Sample s = readAll(r).get(0);
        assertEquals(TraceHeader.Layout.FUSION, r.header().layout());
        assertEquals(2, s.gy, 1e-12);
        assertEquals(0.9, s.az, 1e-12);
        assertTrue(s.hasMag);
        assertEquals(-41, s.mz, 1e-12);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "0.01,sacrum,0,0,1,0,0|wrong number of cells",
            "0.01,sacrum,0,0,x,0,0,0|not a number",
            "0.01,sacrum,0,0,NaN,0,0,0|NaN",
            "0.01,sacrum,0,0,Infinity,0,0,0|infinity",
            "0.01,sacrum,0,0,1e999,0,0,0|overflow",
            "0.01,hip,0,0,1,0,0,0|unknown sensor",
            "0.01,sacrum,0,0,,0,0,0|empty required cell",
            "-5,sacrum,0,0,1,0,0,0|time going backwards"})
    void shouldSkipCountAndLocateAMalformedRow(String bad, String why) throws IOException {
        TraceReader r = of("time_s,sensor,ax,ay,az,gx,gy,gz\n0,sacrum,0,0,1,0,0,0\n" + bad + "\n0.02,sacrum,0,0,1,0,0,0\n");
        List<Sample> rows = readAll(r);
        assertEquals(2, rows.size(), "the stream goes on after the bad row (" + why + ")");
        assertEquals(1, r.badRows());
        assertEquals(3, r.firstBadLine());
        assertTrue(r.badRowReport().contains("first at line 3"), r.badRowReport());
    }

    @Test
    void shouldCheckTimeOrderPerSensor() throws IOException {
        TraceReader r = of("time_s,sensor,ax,ay,az,gx,gy,gz\n0.01,sacrum,0,0,1,0,0,0\n0.005,thoracolumbar,0,0,1,0,0,0\n"
                + "0.02,sacrum,0,0,1,0,0,0\n0.015,thoracolumbar,0,0,1,0,0,0\n");
        assertEquals(4, readAll(r).size(), "interleaved sensors each go forward");
        assertEquals(0, r.badRows());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "# only a comment\n", "hello,world\n1,2\n", "time_s,ax,ay,az\n0,0,0,1\n",
            "\u0000\u0001\u0002binary", "# accel: furlongs\ntime_s,ax,ay,az,gx,gy,gz\n"})
    void shouldRejectInputThatIsNotATraceNamingTheSource(String text) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(of(text)));
        assertTrue(e.getMessage().startsWith("test.csv"), e.getMessage());
    }

    @Test
    void shouldTreatAHeaderAloneAsAnEmptyTrace() throws IOException {
        TraceReader r = of("time_s,ax,ay,az,gx,gy,gz\n");
        assertTrue(readAll(r).isEmpty());
        assertEquals(0, r.badRows());
    }

    @Test
    void shouldReadGzipByItsMagicBytesWhateverTheName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((HEADER + "0.5,lumbar,0,0,1,0,0,0,,,\n").getBytes(StandardCharsets.UTF_8));
        }
        TraceReader r = TraceReader.open(new ByteArrayInputStream(bytes.toByteArray()), "not-named-gz.csv");
        assertEquals(0.5, readAll(r).get(0).timeS, 1e-12);
    }

    @Test
    void shouldReadBackWhatTheWriterWrote() throws IOException {
        StringBuilderWriter text = new StringBuilderWriter();
        try (TraceWriter w = TraceWriter.to(text, TraceWriter.options().sensorColumn(true).magColumns(true).rateHz(100)
                .device("belt-01").meta("seed", "7"))) {
            w.write(new Sample().set(0.000001, Placement.SACRUM, 0.123456, -0.5, 0.98, 12.3456, -0.0001, 250));
            w.write(new Sample().set(0.01, Placement.THORACOLUMBAR, 0, 0, 1, 0, 0, 0).setMag(15.1, 0.4, -41.2));
        }
        TraceReader r = of(text.toString());
        List<Sample> rows = readAll(r);
        assertEquals(2, rows.size());
        assertEquals(0.000001, rows.get(0).timeS, 1e-12);
        assertEquals(0.123456, rows.get(0).ax, 1e-12);
        assertEquals(12.3456, rows.get(0).gx, 1e-12);
        assertEquals(Placement.THORACOLUMBAR, rows.get(1).placement());
        assertEquals(-41.2, rows.get(1).mz, 1e-12);
        assertEquals("7", r.header().get("seed"));
        assertEquals(Units.Accel.G, r.header().accelUnit());
    }

    /** A Writer over a StringBuilder (java.io.StringWriter synchronises on every call). */
    static final class StringBuilderWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
