package org.formcoach.bridge.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

class TextLineEncoderTest {
    @Test
    void shouldWriteLinesTheDecoderReadsBackToTheirResolution() {
        Random random = new Random(3);
        WireCounters counters = new WireCounters();
        Recorder out = new Recorder();
        TextLineDecoder decoder = new TextLineDecoder(TextFormat.defaults(), counters, out);
        StringBuilder text = new StringBuilder(TextLineEncoder.HEADER);
        Sample[] sent = new Sample[200];
        for (int i = 0; i < sent.length; i++) {
            Sample s = EncodedSamples.random(random, 1 + i * 0.01, Placement.values()[i % Placement.count()]);
            sent[i] = s;
            TextLineEncoder.appendLine(text, s);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        decoder.feed(bytes, 0, bytes.length, 0);
        assertEquals(sent.length, counters.get(Outcome.SAMPLE), "every line a sample");
        for (int i = 0; i < sent.length; i++) {
            EncodedSamples.assertReadBack(sent[i], out.samples.get(i));
        }
    }
}
