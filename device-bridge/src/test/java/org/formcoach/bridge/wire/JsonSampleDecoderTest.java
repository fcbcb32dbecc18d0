package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.formcoach.engine.sample.Placement;

class JsonSampleDecoderTest {
    private final WireCounters counters = new WireCounters();
    private final Recorder out = new Recorder();
    private final JsonSampleDecoder decoder = new JsonSampleDecoder(counters, out);

    private void decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        decoder.decode(b, 0, b.length, 0);
    }

    @Test
    void shouldReadOneSampleInAnyKeyOrderSkippingUnknownKeys() {
        decode("{\"g\":[1,2,3],\"temp\":{\"c\":[21.5]},\"sensor\":\"sacrum\",\"a\":[0,0,1],\"seq\":5,\"t\":12.25}");
        assertEquals(1, out.samples.size());
        assertEquals(12.25, out.samples.get(0).timeS);
        assertEquals(Placement.SACRUM.ordinal(), out.samples.get(0).sensor);
        assertEquals(3.0, out.samples.get(0).gz);
        assertEquals(5L, out.sequences.get(0));
    }

    @Test
    void shouldReadTheVirtualDevicesMessagesTheQuickWay() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 200; i++) {
            org.formcoach.engine.sample.Sample sent = EncodedSamples.random(random, 3 + i * 0.01,
                    Placement.ofIndex(i % Placement.count()));
            decode(JsonSampleEncoder.appendObject(new StringBuilder(), sent, i).toString());
            EncodedSamples.assertReadBack(sent, out.samples.get(i));
            assertEquals((long) i, out.sequences.get(i));
        }
        // thoracolumbar (1 in 3) is longer than a code: the general way reads those.
        assertEquals(200 - 200 / 3, decoder.compactReads());
        assertEquals(200, counters.get(Outcome.SAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"t\": 1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"x\":1,\"a\":[0,0,1],\"g\":[0,0,0]}",
            "{\"t\":1e0,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"\\u0074\":1,\"a\":[0,0,1],\"g\":[0,0,0]}",
            "{\"t\":1,\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]}", "{\"t\":1,\"sensor\":\"Sacrum\",\"a\":[0,0,1],\"g\":[0,0,0]}",
            "{\"t\":1,\"a_unit\":\"m/s2\",\"a\":[0,0,9.80665],\"g\":[0,0,0]}", "[{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]}]",
            "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0.1234567890123456789]}"})
    void shouldLeaveEveryOtherMessageToTheGeneralReader(String json) {
        decode(json);
        assertEquals(0, decoder.compactReads(), json);
        assertEquals(1, counters.get(Outcome.SAMPLE), json);
        assertEquals(1, out.samples.size());
    }

    @Test
    void shouldTakeAUnitNameTheQuickWayOnceTheDeviceHasSentIt() {
        String json = "{\"t\":1,\"a_unit\":\"m/s2\",\"a\":[0,0,9.80665],\"g\":[0,0,0]}";
        decode(json);
        decode(json);
        assertEquals(1, decoder.compactReads());
        assertEquals(1.0, out.samples.get(1).az, 1e-12);
    }

    @Test
    void shouldReadAnArrayBatch() {
        decode("[{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]},{\"t\":1.01,\"a\":[0,0,1],\"g\":[0,0,0],\"m\":[20,0,-40]}]");
        assertEquals(2, out.samples.size());
        assertEquals(-40.0, out.samples.get(1).mz);
    }

    @Test
    void shouldReadACompactBatchWithUnitsAndMicrosecondBase() {
        decode("{\"sensor\":\"lumbar\",\"t0_us\":2000000,\"seq0\":10,\"a_unit\":\"m/s2\",\"g_unit\":\"rad/s\","
                + "\"rows\":[[0,0,0,9.80665,0,0,0],[10000,0,0,9.80665,0,0,3.141592653589793]]}");
        assertEquals(2, out.samples.size());
        assertEquals(2.01, out.samples.get(1).timeS, 1e-9);
        assertEquals(1.0, out.samples.get(1).az, 1e-12);
        assertEquals(180.0, out.samples.get(1).gz, 1e-9);
        assertEquals(11L, out.sequences.get(1));
    }

    @Test
    void shouldCountBadSamplesOneByOneAndKeepTheGoodOnes() {
        decode("[{\"t\":1,\"a\":[0,0,1]},"                           // no gyro
                + "{\"t\":2,\"a\":[0,0,1],\"g\":[0,0]},"              // two gyro values
                + "{\"t\":3,\"a\":[0,0,1e999],\"g\":[0,0,0]},"        // infinite
                + "{\"t\":4,\"a\":[0,0,100],\"g\":[0,0,0]},"          // 100 g
                + "{\"t\":5,\"sensor\":\"knee\",\"a\":[0,0,1],\"g\":[0,0,0]},"
                + "{\"t\":6,\"a\":[0,0,1],\"g\":[0,0,0]}]");
        assertEquals(1, counters.get(Outcome.MISSING_FIELD));
        assertEquals(1, counters.get(Outcome.MALFORMED));
        assertEquals(1, counters.get(Outcome.NON_FINITE));
        assertEquals(1, counters.get(Outcome.OUT_OF_RANGE));
        assertEquals(1, counters.get(Outcome.BAD_SENSOR));
        assertEquals(1, out.samples.size());
        assertEquals(6.0, out.samples.get(0).timeS);
    }

    @Test
    void shouldRefuseAnOversizedPayloadUnread() {
        byte[] big = new byte[JsonSampleDecoder.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        decoder.decode(big, 0, big.length, 0);
        assertEquals(1, counters.get(Outcome.TOO_LARGE));
        assertEquals(1, counters.total());
    }

    @Test
    void shouldCountTruncatedJsonAsMalformedAfterTheSamplesBeforeIt() {
        decode("[{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0]},{\"t\":2,\"a\":[0,0");
        assertEquals(1, out.samples.size());
        assertEquals(1, counters.get(Outcome.MALFORMED));
    }

    @Test
    void shouldReadEscapedKeysAndUnitNamesWithNonAsciiCharacters() {
        decode("{\"\\u0074\":1.5,\"a_unit\":\"m/s\u00b2\",\"g_unit\":\"\u00b0/s\",\"a\":[0,0,9.80665],\"g\":[0,0,2]}");
        assertEquals(1, out.samples.size());
        assertEquals(1.5, out.samples.get(0).timeS);
        assertEquals(1.0, out.samples.get(0).az, 1e-12);
        assertEquals(2.0, out.samples.get(0).gz);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"t\":01,\"a\":[0,0,1],\"g\":[0,0,0]}",         // leading zero
            "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],}",        // trailing comma
            "{\"t\":NaN,\"a\":[0,0,1],\"g\":[0,0,0]}",        // not a JSON number
            "{\"t\":1,/*c*/\"a\":[0,0,1],\"g\":[0,0,0]}",     // comment
            "{'t':1,'a':[0,0,1],'g':[0,0,0]}",                   // single quotes
            "{\"t\":1,\"a\":[0,0,1],\"g\":[0,0,0],\"x\":\"\\q\"}", // unknown escape
            "{\"t\" 1,\"a\":[0,0,1],\"g\":[0,0,0]}"           // no colon
    })
    void shouldCountAPayloadOutsideTheJsonGrammarOnceAsMalformed(String payload) {
        decode(payload);
        assertEquals(0, out.samples.size());
        assertEquals(1, counters.get(Outcome.MALFORMED));
        assertEquals(1, counters.total());
    }
}
