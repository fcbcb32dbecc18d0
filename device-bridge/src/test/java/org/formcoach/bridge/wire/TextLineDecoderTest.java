package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Units;

class TextLineDecoderTest {
    private final WireCounters counters = new WireCounters();
    private final Recorder out = new Recorder();

    private TextLineDecoder decoder(TextFormat f) {
        return new TextLineDecoder(f, counters, out);
    }

    private static void feed(TextLineDecoder d, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        d.feed(b, 0, b.length, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", " "})
    void shouldReadTheSameSampleWhateverTheSeparator(String sep) {
        TextLineDecoder d = decoder(TextFormat.defaults());
        feed(d, String.join(sep, "1.5", "0.01", "-0.02", "0.99", "0.1", "0.2", "0.3") + "\r\n");
        assertEquals(1, out.samples.size());
        assertEquals(1.5, out.samples.get(0).timeS);
        assertEquals(0.99, out.samples.get(0).az);
        assertEquals(0.3, out.samples.get(0).gz);
        assertEquals(Placement.LUMBAR.ordinal(), out.samples.get(0).sensor);
    }

    @Test
    void shouldAdoptTheArduinoHeaderAndTimeLinesByCountWithoutATimeColumn() {
        TextLineDecoder d = decoder(TextFormat.defaults().withRate(50));
        feed(d, "aX,aY,aZ,gX,gY,gZ\n0,0,1,0,0,0\n0,0,1,0,0,0\n");
        assertEquals(1, counters.get(Outcome.HEADER));
        assertEquals(2, out.samples.size());
        assertEquals(0.02, out.samples.get(1).timeS - out.samples.get(0).timeS, 1e-12);
    }

    @Test
    void shouldConvertDeclaredUnitsAndMillisecondTimestamps() {
        TextFormat f = TextFormat.defaults().withColumns(TextColumn.parseList("t_ms,ax,ay,az,gx,gy,gz"))
                .withUnits(Units.Accel.METRES_PER_SECOND_SQUARED, Units.Gyro.RAD_PER_S);
        TextLineDecoder d = decoder(f);
        feed(d, "2500,0,0,9.80665,3.141592653589793,0,0\n");
        assertEquals(2.5, out.samples.get(0).timeS, 1e-12);
        assertEquals(1.0, out.samples.get(0).az, 1e-12);
        assertEquals(180.0, out.samples.get(0).gx, 1e-9);
    }

    @Test
    void shouldReadASensorColumnAndSequenceNumbers() {
        TextLineDecoder d = decoder(TextFormat.defaults());
        feed(d, "time_s,seq,sensor,ax,ay,az,gx,gy,gz\n0.01,42,thoracolumbar,0,0,1,0,0,0\n");
        assertEquals(Placement.THORACOLUMBAR.ordinal(), out.samples.get(0).sensor);
        assertEquals(42L, out.sequences.get(0));
    }

    @Test
    void shouldCountEachKindOfBadLineAndKeepGoing() {
        TextLineDecoder d = decoder(TextFormat.defaults());
        feed(d, String.join("\n",
                "# a comment",
                "Accel X: 0.1, Y: 0.2, Z: 9.8 m/s^2", // a debug print: wrong field count
                "0.1,0,0,1,0,0",                       // 6 fields after 7-field lines? still valid (no time)
                "0.2,0,0,NaN,0,0,0",                   // NaN written out
                "0.3,0,0,1e999,0,0,0",                 // overflow
                "0.4,0,0,99,0,0,0",                    // 99 g: out of range
                "0.5,0,0,1,0,0,0",                     // good
                "x".repeat(400),                       // too long
                "0.6,0,0,1,0,0,0",                     // good
                ""));
        assertEquals(1, counters.get(Outcome.COMMENT));
        assertEquals(1, counters.get(Outcome.WRONG_FIELD_COUNT));
        assertEquals(2, counters.get(Outcome.BAD_NUMBER));
        assertEquals(1, counters.get(Outcome.OUT_OF_RANGE));
        assertEquals(1, counters.get(Outcome.TOO_LONG));
        assertEquals(3, counters.get(Outcome.SAMPLE));
        assertEquals(List.of(0.5, 0.6), out.samples.stream().skip(1).map(s -> s.timeS).toList());
    }

    @Test
    void shouldUnwrapTheMicrosClock() {
        TextLineDecoder d = decoder(TextFormat.defaults().withColumns(TextColumn.parseList("us,ax,ay,az,gx,gy,gz")));
        feed(d, "4294962296,0,0,1,0,0,0\n5000,0,0,1,0,0,0\n");
        assertEquals(0.010, out.samples.get(1).timeS - out.samples.get(0).timeS, 1e-9);
    }
}
