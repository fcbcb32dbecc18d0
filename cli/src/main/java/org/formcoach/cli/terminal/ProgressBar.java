package org.formcoach.cli.terminal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for long work (replay of a big file, report, evaluate): percent,
 * elapsed time and an estimate of the time left, redrawn in place at most ten times a
 * second. Silent unless standard error is a terminal, so logs and pipes stay clean.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.onStderr("replay");
 * bar.start(totalBytes);
 * while (...) { ...; bar.update(bytesDone); }
 * bar.finish();
 * }</pre>
 *
 * {@link #update} is cheap enough for a hot loop (a clock read and a comparison when
 * nothing is drawn; it allocates only when it redraws).
 */
public final class ProgressBar {
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR_WIDTH = 30;
    /** The estimate of time left is shown once this much time has passed and this share is done. */
    private static final long ETA_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String label;
    private final PrintStream out;
    private final LongSupplier clock;
    private final boolean enabled;
    private long total;
    private long startNanos;
    private long lastDraw;
    private long done;
    private boolean started;
    private int lastWidth;

    ProgressBar(String label, PrintStream out, LongSupplier nanoClock, boolean enabled) {
        this.label = label;
        this.out = out;
        this.clock = nanoClock;
        this.enabled = enabled;
    }

    /** A bar on standard error, drawn only when standard error is a terminal. */
    public static ProgressBar onStderr(String label) {
        return new ProgressBar(label, System.err, System::nanoTime, Terminal.stderrIsTerminal());
    }

    /** A bar that draws nothing. */
    public static ProgressBar silent() {
        return new ProgressBar("", System.err, System::nanoTime, false);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** @param total the amount of work (bytes, files, samples); 0 or less when unknown */
    public void start(long total) {
        this.total = total;
        this.startNanos = clock.getAsLong();
        this.lastDraw = startNanos - REDRAW_NANOS;
        this.done = 0;
        this.started = true;
    }

    /** Work done so far (same unit as the total). Redraws when 100 ms have passed since the last time. */
    public void update(long done) {
        if (!enabled || !started) {
            return;
        }
        this.done = done;
        long now = clock.getAsLong();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(now, false);
    }

    /** Draws the final state and moves to the next line. */
    public void finish() {
        if (!enabled || !started) {
            return;
        }
        if (total > 0) {
            done = total;
        }
        draw(clock.getAsLong(), true);
        started = false;
    }

    private void draw(long now, boolean last) {
        String line = render(now - startNanos);
        int pad = Math.max(0, lastWidth - line.length());
        lastWidth = line.length();
        out.print("\r" + line + " ".repeat(pad) + (last ? "\n" : ""));
        out.flush();
    }

    /** The line for the current state, {@code elapsed} nanoseconds after the start. */
    String render(long elapsed) {
        StringBuilder b = new StringBuilder(80).append(label).append(' ');
        String time = clockTime(elapsed);
        if (total <= 0) {
            return b.append(done).append(" done  ").append(time).toString();
        }
        double share = Math.max(0, Math.min(1, (double) done / total));
        int filled = (int) Math.round(share * BAR_WIDTH);
        b.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        b.append(String.format(Locale.ROOT, "%3d%%  %s", (int) Math.floor(share * 100), time));
        if (share > 0 && share < 1 && elapsed >= ETA_AFTER_NANOS) {
            long left = (long) (elapsed * (1 - share) / share);
            b.append("  ").append(clockTime(left)).append(" left");
        }
        return b.toString();
    }

    /** m:ss (or h:mm:ss). */
    static String clockTime(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
