package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

class JsonSampleEncoderTest {
    private final Random random = new Random(5);
    private final WireCounters counters = new WireCounters();
    private final Recorder out = new Recorder();
    private final JsonSampleDecoder decoder = new JsonSampleDecoder(counters, out);

    private Sample randomSample(int i, Placement placement) {
        return EncodedSamples.random(random, 3 + i * 0.01, placement);
    }

    private void decode(StringBuilder json) {
        byte[] bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
        decoder.decode(bytes, 0, bytes.length, 0);
    }

    @Test
    void shouldWriteSampleObjectsTheDecoderReadsBackToTheirResolution() {
        for (int i = 0; i < 100; i++) {
            Sample sent = randomSample(i, Placement.values()[i % Placement.count()]);
            decode(JsonSampleEncoder.appendObject(new StringBuilder(), sent, 1000 + i));
            assertEquals(i + 1, counters.get(Outcome.SAMPLE), "message " + i + " is a sample");
            EncodedSamples.assertReadBack(sent, out.samples.get(i));
            assertEquals(1000L + i, out.sequences.get(i));
        }
    }

    @Test
    void shouldWriteBatchRowsTheDecoderReadsBackToTheirResolution() {
        Sample[] sent = new Sample[50];
        StringBuilder json = new StringBuilder("{\"sensor\":\"sacrum\",\"t0\":3,\"rows\":[");
        for (int i = 0; i < sent.length; i++) {
            sent[i] = randomSample(i, Placement.SACRUM);
            JsonSampleEncoder.appendRow(json.append(i == 0 ? "" : ","), sent[i], sent[i].timeS - 3);
        }
        decode(json.append("]}"));
        assertEquals(sent.length, counters.get(Outcome.SAMPLE), "every row a sample");
        for (int i = 0; i < sent.length; i++) {
            EncodedSamples.assertReadBack(sent[i], out.samples.get(i));
        }
    }
}
