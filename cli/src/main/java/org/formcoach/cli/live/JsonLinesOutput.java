package org.formcoach.cli.live;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveJson;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.engine.coach.CoachEvent;

/**
 * A live session's events as JSON lines (CONTRACT.md) on standard output, written by a
 * thread of its own. The engine formats each line and queues it; it never waits for the
 * output, which a reader that stops reading (a pipe into a stalled program) can block
 * forever, and the engine may be running on a transport's thread. A full queue drops the
 * line and counts it; {@link #close} writes what is queued and says how many were dropped.
 * Events are rare (alerts, reps, link changes), so a line's String is not a per-sample cost.
 */
public final class JsonLinesOutput implements LiveListener, AutoCloseable {
    /** About an hour of a busy session's events: only a reader that stopped fills it. */
    static final int DEFAULT_QUEUE = 1 << 16;
    private static final long CLOSE_WAIT_MS = 5_000;

    private final PrintStream out;
    private final PrintStream err;
    private final ArrayBlockingQueue<String> queue;
    private final AtomicLong dropped = new AtomicLong();
    /** The engine's scratch line (one engine thread at a time, see EngineLoop). */
    private final StringBuilder line = new StringBuilder(256);
    private final Thread writer;
    private volatile boolean closing;

    public JsonLinesOutput(PrintStream out, PrintStream err) {
        this(out, err, DEFAULT_QUEUE);
    }

    JsonLinesOutput(PrintStream out, PrintStream err, int queueCapacity) {
        this.out = out;
        this.err = err;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::writeLoop, "formcoach-jsonl");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    // ----- the engine: format and queue, never wait -----

    @Override
    public void coachEvent(String device, CoachEvent event) {
        line.setLength(0);
        offer(LiveJson.append(line, device, event).toString());
    }

    @Override
    public void bridgeEvent(BridgeEvent event) {
        line.setLength(0);
        offer(LiveJson.append(line, event).toString());
    }

    private void offer(String s) {
        if (closing || !queue.offer(s)) {
            dropped.incrementAndGet();
        }
    }

    /** Lines not written: the queue was full (the output was not being read) or the output had closed. */
    public long dropped() {
        return dropped.get();
    }

    // ----- the writer thread -----

    private void writeLoop() {
        List<String> batch = new ArrayList<>();
        try {
            while (!closing || !queue.isEmpty()) {
                String first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                for (String s : batch) {
                    out.println(s);
                }
                batch.clear();
                out.flush(); // a reader follows the session live: one flush per burst
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes what is queued (waiting a few seconds at most for a blocked output) and says on
     * {@code err} how many lines were dropped, if any. Call after the session has ended, so
     * its last lines (the device summaries) are in the queue.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = dropped.get() + queue.size();
        if (lost > 0) {
            err.println("formcoach: " + lost + " event line(s) were not written: standard output was not being read"
                    + (writer.isAlive() ? " (it is still blocked)" : ""));
        }
    }
}
