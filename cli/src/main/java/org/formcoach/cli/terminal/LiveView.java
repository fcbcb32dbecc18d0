package org.formcoach.cli.terminal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.cli.LiveText;
import org.formcoach.cli.TextEvents;
import org.formcoach.cli.live.LiveBoard;
import org.formcoach.cli.live.LiveStatus;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Severity;

/**
 * The live view in the terminal. Events (alerts, reps, holds, link changes) arrive from the
 * engine as a {@link LiveListener} and are queued, never waited for; a view thread
 * prints them and, ten times a second, the status of each device from the {@link LiveBoard}.
 *
 * <ul>
 *   <li><b>Interactive</b> (standard output is a terminal): event lines scroll, alerts in
 *       colour (yellow warn, red fault) with the terminal bell; below them a status block
 *       — exercise, phase, reps, hold timer, a bar per fault rule against its thresholds,
 *       link state and packet loss, calibration prompts with a countdown — redrawn in place
 *       with cursor-up and clear (plain ANSI, no library).</li>
 *   <li><b>Plain</b> (a file, a pipe, a CI log): one timestamped line per event, as
 *       {@code formcoach live} always printed, plus a line when a calibration prompt
 *       changes. No colour, no bell, no redrawing.</li>
 * </ul>
 */
public final class LiveView implements LiveListener, AutoCloseable {
    static final long TICK_MS = 100;
    private static final int QUEUE = 1024;
    private static final int MAX_SHOWN_DEVICES = 4;

    /** Everything the view is told, kept until the view thread prints it. */
    private record Entry(String device, CoachEvent coach, BridgeEvent bridge, String note, String announcement,
                         double t) {
    }

    /** How the view looks. */
    public record Options(boolean interactive, boolean colour, boolean unicode, boolean bell, double quietSeconds,
                          Supplier<String> header, String footer, int columns) {
    }

    private final PrintStream out;
    private final LiveBoard board;
    private final Options options;
    private final StatusRenderer renderer;
    private final ArrayBlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, CalibrationPrompt> prompts = new HashMap<>();
    private final Map<String, CalibrationPrompt.Stage> printedStage = new HashMap<>();
    private final LiveStatus status = new LiveStatus();
    private final Thread thread;
    private volatile boolean running;
    private int blockLines;
    private long droppedShown;

    public LiveView(PrintStream out, LiveBoard board, Options options) {
        this.out = out;
        this.board = board;
        this.options = options;
        this.renderer = new StatusRenderer(options.colour(), options.unicode());
        this.thread = new Thread(this::loop, "formcoach-view");
        this.thread.setDaemon(true);
    }

    public LiveView start() {
        running = true;
        thread.start();
        return this;
    }

    // ----- the engine (never blocks) -----

    @Override
    public void coachEvent(String device, CoachEvent event) {
        offer(new Entry(device, event, null, null, null, event.t()));
    }

    @Override
    public void bridgeEvent(BridgeEvent event) {
        // Interactive: the session summary reports each device's totals better than a long line.
        if (!(options.interactive() && event instanceof BridgeEvent.DeviceSummary)) {
            offer(new Entry(event.device(), null, event, null, null, event.t()));
        }
    }

    @Override
    public void note(String message) {
        offer(new Entry(null, null, null, message, null, Double.NaN));
    }

    /** A message from a guided plan ("next: plank…"), shown like an event. */
    public void announce(String device, double t, String text) {
        offer(new Entry(device, null, null, null, text, t));
    }

    private void offer(Entry e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    // ----- view thread -----

    private void loop() {
        while (running) {
            try {
                tick(false);
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // A drawing bug must not end the session; say so once in the log.
                out.println("formcoach: live view failed: " + e);
                running = false;
            }
        }
    }

    /** Prints what is queued and (interactive) redraws the status block. */
    synchronized void tick(boolean last) {
        long now = System.nanoTime();
        List<String> lines = new ArrayList<>();
        boolean bell = false;
        Entry e;
        while ((e = queue.poll()) != null) {
            String line = format(e);
            if (line != null) {
                lines.add(line);
                bell |= e.coach() instanceof CoachEvent.Alert;
            }
        }
        long d = dropped.get();
        if (d != droppedShown) {
            lines.add("(" + (d - droppedShown) + " events not shown: the view fell behind)");
            droppedShown = d;
        }
        List<String> block = new ArrayList<>();
        int devices = Math.min(board.size(), MAX_SHOWN_DEVICES);
        for (int i = 0; i < devices; i++) {
            if (!board.read(i, status)) {
                continue;
            }
            CalibrationPrompt prompt = prompts.computeIfAbsent(status.device(),
                    k -> new CalibrationPrompt(options.quietSeconds()));
            String text = prompt.update(status);
            if (options.interactive()) {
                block.addAll(renderer.render(status, text, now));
            } else {
                CalibrationPrompt.Stage stage = prompt.stage();
                if (printedStage.put(status.device(), stage) != stage) {
                    String l = prompt.lineFor(stage, status.exercise());
                    if (l != null) {
                        lines.add(prefix(status.device()) + when(status.t()) + l);
                    }
                }
            }
        }
        if (options.interactive()) {
            if (board.size() > MAX_SHOWN_DEVICES) {
                block.add(" (+" + (board.size() - MAX_SHOWN_DEVICES) + " more devices not shown)");
            }
            if (devices == 0 && !last) {
                block.add(" " + Ansi.style(Ansi.YELLOW, "waiting for a device to send data…", options.colour()));
            }
            if (options.header() != null && !last) {
                String h = options.header().get();
                if (h != null) {
                    block.add(0, h);
                }
            }
            if (options.footer() != null && !last) {
                block.add(Ansi.style(Ansi.DIM, options.footer(), options.colour()));
            }
            StringBuilder b = new StringBuilder(1024).append(Ansi.eraseUp(blockLines));
            for (String l : lines) {
                b.append(l).append('\n');
            }
            if (!last) {
                for (String l : block) {
                    b.append(Ansi.truncate(l, options.columns() - 1)).append('\n');
                }
                blockLines = block.size();
            } else {
                blockLines = 0;
            }
            if (bell && options.bell()) {
                b.append(Ansi.BEL);
            }
            out.print(b);
            out.flush();
        } else if (!lines.isEmpty()) {
            for (String l : lines) {
                out.println(l);
            }
            out.flush();
        }
    }

    private String format(Entry e) {
        boolean c = options.interactive() && options.colour();
        if (e.note() != null) {
            return options.interactive() ? Ansi.style(Ansi.DIM, "formcoach: " + e.note(), c) : null;
        }
        String prefix = prefix(e.device());
        if (e.announcement() != null) {
            return prefix + Ansi.style(Ansi.BOLD_CYAN, when(e.t()) + e.announcement(), c);
        }
        if (e.bridge() != null) {
            String text = prefix + LiveText.describe(e.bridge());
            String style = e.bridge() instanceof BridgeEvent.LinkLost ? Ansi.BOLD_RED
                    : e.bridge() instanceof BridgeEvent.LinkRestored || e.bridge() instanceof BridgeEvent.DeviceSeen
                    ? Ansi.GREEN : e.bridge() instanceof BridgeEvent.Gap || e.bridge() instanceof BridgeEvent.BadInput
                    ? Ansi.YELLOW : null;
            return Ansi.style(style, text, c);
        }
        CoachEvent ev = e.coach();
        if (ev instanceof CoachEvent.Summary && options.interactive()) {
            return null; // the session summary says it better
        }
        String text = prefix + TextEvents.describe(ev);
        String style = null;
        if (ev instanceof CoachEvent.Alert a) {
            style = a.severity() == Severity.FAULT ? Ansi.INVERSE_RED : Ansi.INVERSE_YELLOW;
        } else if (ev instanceof CoachEvent.Clear) {
            style = Ansi.GREEN;
        } else if (ev instanceof CoachEvent.Rep r) {
            style = r.faults().isEmpty() ? Ansi.GREEN : Ansi.RED;
        } else if (ev instanceof CoachEvent.Warning) {
            style = Ansi.MAGENTA;
        } else if (ev instanceof CoachEvent.ExerciseStarted || ev instanceof CoachEvent.Calibrated) {
            style = Ansi.BOLD_CYAN;
        } else if (ev instanceof CoachEvent.Hold) {
            style = Ansi.BOLD;
        }
        return Ansi.style(style, text, c);
    }

    private static String prefix(String device) {
        return device == null ? "" : "[" + device + "] ";
    }

    private static String when(double t) {
        return Double.isNaN(t) ? "" : String.format(Locale.ROOT, "%8.2f s  ", t);
    }

    /** The terminal echoed a line the user typed below the status block: it moved down one line. */
    public synchronized void inputEchoed() {
        if (options.interactive() && blockLines > 0) {
            blockLines++;
        }
    }

    /** Events the view could not queue (it fell behind). */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Stops the view thread, prints what is still queued and removes the status block, so
     * what follows (the summary) starts on a clean line.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick(true);
    }
}
