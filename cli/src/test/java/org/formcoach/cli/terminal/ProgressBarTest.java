package org.formcoach.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now = 1_000_000_000L;

    private ProgressBar bar(boolean enabled) {
        return new ProgressBar("replay", out, () -> now, enabled);
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDrawNothingWhenStderrIsNotATerminal() {
        ProgressBar bar = bar(false);
        bar.start(100);
        for (int i = 0; i <= 100; i++) {
            now += TimeUnit.SECONDS.toNanos(1);
            bar.update(i);
        }
        bar.finish();
        assertEquals("", written());
    }

    @Test
    void shouldRedrawAtMostTenTimesASecond() {
        ProgressBar bar = bar(true);
        bar.start(1_000_000);
        for (int i = 1; i <= 10_000; i++) {
            now += TimeUnit.MILLISECONDS.toNanos(1); // 10 s of updates, 1000 per second
            bar.update(i * 100L);
        }
        long redraws = written().chars().filter(c -> c == '\r').count();
        assertTrue(redraws <= 101 && redraws >= 95, redraws + " redraws in 10 s");
    }

    @Test
    void shouldShowPercentElapsedAndTimeLeft() {
        ProgressBar bar = bar(true);
        bar.start(1000);
        now += TimeUnit.SECONDS.toNanos(30);
        String line = bar.render(TimeUnit.SECONDS.toNanos(30));
        assertTrue(line.startsWith("replay ["), line);
        bar.update(250);
        String drawn = written();
        assertTrue(drawn.contains(" 25%"), drawn);
        assertTrue(drawn.contains("0:30"), "elapsed: " + drawn);
        assertTrue(drawn.contains("1:30 left"), "a quarter in 30 s leaves 90 s: " + drawn);
        assertEquals(8, drawn.chars().filter(c -> c == '#').count(), "a quarter of the 30-wide bar, rounded: " + drawn);
    }

    @Test
    void shouldEndWithAFullBarOnItsOwnLine() {
        ProgressBar bar = bar(true);
        bar.start(1000);
        now += TimeUnit.SECONDS.toNanos(2);
        bar.update(500);
        now += TimeUnit.SECONDS.toNanos(2);
        bar.finish();
        String drawn = written();
        assertTrue(drawn.endsWith("\n"), drawn);
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertTrue(last.contains("100%"), last);
        assertTrue(last.contains("0:04"), last);
        assertFalse(last.contains("left"), last);
    }

    @Test
    void shouldShowTheAmountDoneWhenTheTotalIsUnknown() {
        ProgressBar bar = bar(true);
        bar.start(0);
        now += TimeUnit.SECONDS.toNanos(3);
        bar.update(42);
        assertTrue(written().contains("42 done"), written());
    }
}
