package org.formcoach.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.cli.live.Fanout;
import org.formcoach.cli.live.LiveBoard;
import org.formcoach.cli.testing.MemoryTransport;
import org.formcoach.cli.testing.Traces;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;

/** The live view fed by a real session: plain lines for logs, the redrawn block for a terminal. */
class LiveViewTest {
    /** Plays the sagging plank at 10× through a session whose events and status go to a view; returns its output. */
    private static String watch(boolean interactive, boolean colour) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LiveBoard board = new LiveBoard();
        LiveView view = new LiveView(out, board, new LiveView.Options(interactive, colour, true, true, 2.0, null, null,
                80));
        LiveListener boardLinks = new LiveListener() {
            @Override
            public void coachEvent(String device, CoachEvent event) {
            }

            @Override
            public void bridgeEvent(BridgeEvent event) {
                board.bridgeEvent(event);
            }
        };
        MemoryTransport device = new MemoryTransport("belt-07", Traces.saggingPlank(), 10);
        view.start();
        try (LiveSession session = LiveSession.builder(Exercise.PLANK, new Fanout(List.of(view, boardLinks)))
                .tap(board).transport(device).start()) {
            assertTrue(device.awaitDone(Duration.ofSeconds(30)));
        }
        view.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintOneTimestampedLinePerEventAndEachPromptOnceInPlainMode() throws Exception {
        String out = watch(false, false);
        assertFalse(out.contains("\u001b") || out.indexOf(Ansi.BEL) >= 0, "no escapes, no bell: " + out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.matches("\\[belt-07\\] +\\d+\\.\\d\\d s  .+")), out);
        assertTrue(out.contains("calibrating: stand tall and still for 2 s"), out);
        assertTrue(out.contains("calibrating: now get down into your plank"), out);
        assertTrue(out.contains("calibrated sacrum sensor"), out);
        assertTrue(out.contains("WARN  hips sagging"), out);
        assertTrue(out.contains("done: 0 reps, 2 alerts, 2251 samples") && out.contains("device totals:"), out);
        assertTrue(lines.stream().filter(l -> l.contains("stand tall and still")).count() == 1, "once, no countdown: " + out);
    }

    @Test
    void shouldRedrawTheStatusInPlaceWithColoursAndRingTheBellOnAnAlert() throws Exception {
        String out = watch(true, true);
        assertTrue(out.contains(Ansi.ESC + "J"), "clears below the cursor before each redraw");
        assertTrue(out.matches("(?s).*\u001b\\[\\d+A.*"), "moves the cursor up over the old block");
        assertTrue(out.contains("PLANK"), out);
        assertTrue(out.contains("hips sagging"), out);
        assertTrue(out.contains(Ansi.ESC + Ansi.INVERSE_YELLOW + "m[belt-07]"), "the warn alert line in yellow");
        assertTrue(out.indexOf(Ansi.BEL) >= 0, "the bell rang");
        assertTrue(out.contains("stand tall and still"), "the calibration prompt");
        assertFalse(out.contains("device totals"), "the summary says that, not a long line");
    }
}
