package org.formcoach.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveJson;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/** The JSON-lines output of a live session: every line, in order, and the engine never waits for the reader. */
class JsonLinesOutputTest {
    /** An output whose reader has stopped reading until {@link #resume}. */
    static final class StalledOutput extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final CountDownLatch reading = new CountDownLatch(1);

        void resume() {
            reading.countDown();
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                reading.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            synchronized (this) {
                written.write(b, off, len);
            }
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private static CoachEvent clear(int i) {
        return new CoachEvent.Clear(i * 0.01, Exercise.PLANK, Fault.HIP_SAG);
    }

    private static String expectedLine(int i) {
        return LiveJson.append(new StringBuilder(), "belt", clear(i)).toString();
    }

    @Test
    void shouldWriteEveryEventAsOneLineInOrder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        JsonLinesOutput output = new JsonLinesOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 2000; i++) {
            output.coachEvent("belt", clear(i));
        }
        BridgeEvent seen = new BridgeEvent.DeviceSeen(20.0, "belt", "mqtt");
        output.bridgeEvent(seen);
        output.close();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2001, lines.size());
        for (int i = 0; i < 2000; i++) {
            assertEquals(expectedLine(i), lines.get(i));
        }
        assertEquals(LiveJson.append(new StringBuilder(), seen).toString(), lines.get(2000));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNotWaitForAReaderThatStoppedAndSayHowManyLinesItDropped() {
        StalledOutput stalled = new StalledOutput();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        JsonLinesOutput output = new JsonLinesOutput(new PrintStream(stalled, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), 8);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 100; i++) {
                output.coachEvent("belt", clear(i));
            }
        }, "the engine waited for a stalled output");
        assertTrue(output.dropped() > 0, "a full queue drops lines");
        stalled.resume();
        output.close();
        List<String> written = stalled.text().lines().toList();
        assertEquals(100, written.size() + output.dropped(), "every line is written or counted as dropped");
        int next = 0;
        for (String line : written) { // the lines kept are events in their order, none twice
            while (next < 100 && !expectedLine(next).equals(line)) {
                next++;
            }
            assertTrue(next < 100, "a line out of order or not an event's: " + line);
            next++;
        }
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains(output.dropped() + " event line(s) were not written"),
                errBytes.toString(StandardCharsets.UTF_8));
    }
}
