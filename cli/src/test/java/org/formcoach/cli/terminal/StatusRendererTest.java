package org.formcoach.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.cli.live.LiveStatus;
import org.formcoach.cli.live.LiveStatuses;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;

/** The status block drawn from hand-made statuses: what a wearer sees in the terminal. */
class StatusRendererTest {
    private static final StatusRenderer PLAIN = new StatusRenderer(false, false);
    private static final StatusRenderer COLOUR = new StatusRenderer(true, true);

    private static LiveStatus hinge(double rounding, int level) {
        return LiveStatuses.device("belt-01").at(42).exercise(Exercise.HINGE, "lowering", true)
                .posture(55.2, 1.3, Double.NaN).reps(5, 2).alerts(3)
                .rule(Fault.LUMBAR_FLEXION, rounding, 4, 8, level)
                .rule(Fault.LUMBAR_EXTENSION, Double.NaN, 4, 7, 0)
                .link(true, 4200, 0).build();
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void shouldShowTheDeviceExercisePhaseRepsAndAlerts() {
        String s = text(PLAIN.render(hinge(2, 0), null, System.nanoTime()));
        assertTrue(s.contains("belt-01"), s);
        assertTrue(s.contains("HINGE · lowering"), s);
        assertTrue(s.contains("reps 2"), "reps of this exercise, not of the session: " + s);
        assertTrue(s.contains("alerts 3"), s);
        assertTrue(s.contains("lower back rounding"), s);
        assertTrue(s.contains("lower back arching"), s);
        assertTrue(s.contains("pelvis 55.2 deg forward · 1.3 deg sideways"), s);
        assertTrue(s.contains("receiving") && s.contains("0.0 % lost"), s);
        assertFalse(s.contains("\u001b"), "no escape codes without colour");
    }

    @Test
    void shouldDrawTheValueAsABarWithTheWarnAndFaultMarks() {
        // Scale 0 .. 1.5 × fault = 12°, 24 cells: warn (4°) at cell 8, fault (8°) at cell 16, 6° fills 12 cells.
        String bar = PLAIN.bar(6, 4, 8);
        assertEquals("[########|###....|.......]", bar);
        assertEquals("[........|.......|.......]", PLAIN.bar(Double.NaN, 4, 8), "no value, no fill");
        assertEquals("[########|#######|#######]", PLAIN.bar(30, 4, 8), "capped at the end");
        String rule = PLAIN.render(hinge(6, 1), null, System.nanoTime()).get(2);
        assertTrue(rule.contains("6.0") && rule.contains(bar) && rule.contains("warn 4") && rule.contains("fault 8"), rule);
    }

    @Test
    void shouldColourTheRuleByItsAlertLevel() {
        String fault = COLOUR.render(hinge(9, 2), null, System.nanoTime()).get(2);
        String warn = COLOUR.render(hinge(5, 1), null, System.nanoTime()).get(2);
        String fine = COLOUR.render(hinge(1, 0), null, System.nanoTime()).get(2);
        assertTrue(fault.contains(Ansi.ESC + Ansi.INVERSE_RED + "m"), fault);
        assertTrue(warn.contains(Ansi.ESC + Ansi.INVERSE_YELLOW + "m"), warn);
        assertTrue(fine.contains(Ansi.ESC + Ansi.GREEN + "m") && !fine.contains(Ansi.INVERSE_RED), fine);
        assertTrue(fault.contains("█") && fault.contains("│"), "Unicode bar: " + fault);
    }

    @Test
    void shouldShowTheHoldTimerOfAPlankAndNoRepCount() {
        LiveStatus plank = LiveStatuses.device("belt-01").at(30.5).exercise(Exercise.PLANK, "hold", true)
                .holdingSince(18.2).rule(Fault.HIP_SAG, 1.2, 3.5, 6, 0).rule(Fault.HIP_PIKE, -1.2, 3.5, 6, 0).build();
        String s = text(PLAIN.render(plank, null, System.nanoTime()));
        assertTrue(s.contains("PLANK · hold"), s);
        assertTrue(s.contains("hold 0:12.3"), s);
        assertFalse(s.contains("reps"), s);
    }

    @Test
    void shouldShowALostLinkPacketLossAndSilence() {
        long now = System.nanoTime();
        LiveStatus lost = LiveStatuses.device("belt-01").exercise(Exercise.SQUAT, "standing", true)
                .link(false, 900, 100).build();
        String s = text(PLAIN.render(lost, null, now));
        assertTrue(s.contains("link lost"), s);
        assertTrue(s.contains("10.0 % lost"), s);
        LiveStatus silent = LiveStatuses.device("belt-01").exercise(Exercise.SQUAT, "standing", true)
                .lastSampleNanos(now - 3_200_000_000L).build();
        assertTrue(text(PLAIN.render(silent, null, now)).contains("no data for 3 s"));
        String unseen = text(PLAIN.render(LiveStatuses.unseen("belt-02"), "waiting for the sensor", now));
        assertTrue(unseen.contains("waiting for data") && unseen.contains("> waiting for the sensor"), unseen);
    }

    @Test
    void shouldShowThePromptBelowTheStatus() {
        LiveStatus s = LiveStatuses.device("belt-01").exercise(Exercise.HINGE, "calibrating: stand still", false).build();
        List<String> lines = PLAIN.render(s, "stand tall and still… 2", System.nanoTime());
        assertEquals("> stand tall and still… 2", lines.get(lines.size() - 1).strip());
        assertTrue(text(lines).contains("not calibrated yet"));
    }

    @Test
    void shouldCutLinesToTheTerminalWidthWithoutCountingEscapes() {
        String coloured = Ansi.style(Ansi.RED, "abcdef", true) + "ghij";
        assertEquals(coloured, Ansi.truncate(coloured, 10));
        String cut = Ansi.truncate(coloured, 8);
        assertEquals("abcdefgh", cut.replaceAll("\u001b\\[[0-9;]*m", ""));
        assertTrue(cut.endsWith(Ansi.RESET));
        assertEquals("abc", Ansi.truncate("abcdef", 3));
    }
}
