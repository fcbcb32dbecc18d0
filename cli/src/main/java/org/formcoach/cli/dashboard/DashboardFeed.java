package org.formcoach.cli.dashboard;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveJson;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.cli.TextEvents;
import org.formcoach.cli.live.LiveBoard;
import org.formcoach.cli.live.LiveStatus;
import org.formcoach.engine.coach.CoachEvent;

/**
 * Turns a live session into the dashboard's messages. The engine hands events over
 * as a {@link LiveListener} (queued, never waited for); a feed thread, every
 * {@value #TICK_MS} ms, sends them as JSON — the coach's events exactly as
 * {@code live --format jsonl} writes them, the bridge's too — and, for each device updated
 * since the last tick, a {@code status} message: posture angles, every fault rule's value
 * with its warn and fault thresholds, phase, reps, hold timer, link and packet loss. So the
 * plot runs at about 25 Hz of wall time whatever the sample rate.
 */
public final class DashboardFeed implements LiveListener, AutoCloseable {
    static final long TICK_MS = 40;
    private static final int QUEUE = 4096;

    private final DashboardServer server;
    private final LiveBoard board;
    private final ArrayBlockingQueue<String> events = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final LiveStatus status = new LiveStatus();
    private final long[] versions = new long[LiveBoard.MAX_DEVICES];
    private final Thread thread;
    private final StringBuilder json = new StringBuilder(1024);
    private volatile boolean running;

    public DashboardFeed(DashboardServer server, LiveBoard board) {
        this.server = server;
        this.board = board;
        java.util.Arrays.fill(versions, Long.MIN_VALUE);
        this.thread = new Thread(this::loop, "formcoach-dashboard-feed");
        this.thread.setDaemon(true);
    }

    public DashboardFeed start() {
        running = true;
        thread.start();
        return this;
    }

    // ----- the engine: format the (rare) event and queue it -----

    @Override
    public void coachEvent(String device, CoachEvent event) {
        offer(LiveJson.append(new StringBuilder(200), device, event).toString());
    }

    @Override
    public void bridgeEvent(BridgeEvent event) {
        offer(LiveJson.append(new StringBuilder(200), event).toString());
    }

    @Override
    public void note(String message) {
        StringBuilder b = new StringBuilder("{\"type\":\"note\"");
        Json.field(b, "message", message);
        offer(b.append('}').toString());
    }

    /** A guided plan's announcement ("next: plank…"). */
    public void announce(String device, double t, String text) {
        StringBuilder b = new StringBuilder("{\"type\":\"announce\"");
        Json.field(b, "t", t, 3);
        Json.field(b, "device", device);
        Json.field(b, "message", text);
        offer(b.append('}').toString());
    }

    private void offer(String message) {
        if (!events.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    // ----- feed thread -----

    private void loop() {
        while (running) {
            try {
                tick();
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    synchronized void tick() {
        String e;
        while ((e = events.poll()) != null) {
            server.broadcastEvent(e);
        }
        int n = Math.min(board.size(), versions.length);
        for (int i = 0; i < n; i++) {
            long v = board.version(i);
            if (v == versions[i] || !board.read(i, status)) {
                continue;
            }
            versions[i] = v;
            server.broadcastStatus(statusJson(status));
        }
    }

    private String statusJson(LiveStatus s) {
        StringBuilder b = json;
        b.setLength(0);
        b.append("{\"type\":\"status\"");
        Json.field(b, "device", s.device());
        Json.field(b, "t", s.t(), 3);
        Json.field(b, "elapsed", s.elapsed(), 1);
        Json.field(b, "exercise", s.exercise().cliName());
        Json.field(b, "counts_reps", s.exercise().countsReps());
        Json.field(b, "phase", s.phase());
        Json.field(b, "calibrated", s.calibrated());
        Json.field(b, "incl", s.inclinationDeg(), 2);
        Json.field(b, "lat", s.lateralDeg(), 2);
        Json.field(b, "lumbar", s.lumbarDeg(), 2);
        Json.field(b, "reps", s.exerciseReps());
        Json.field(b, "reps_total", s.reps());
        Json.field(b, "hold_s", s.holdSeconds(), 1);
        Json.field(b, "alerts", s.alerts());
        int primary = s.primaryRule();
        Json.field(b, "primary", primary);
        b.append(",\"rules\":[");
        for (int i = 0; i < s.ruleCount(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"fault\":\"").append(s.ruleFault(i).wireName()).append('"');
            Json.field(b, "words", TextEvents.words(s.ruleFault(i)));
            Json.field(b, "value", s.ruleValue(i), 2);
            Json.field(b, "warn", s.ruleWarn(i), 2);
            Json.field(b, "fault_deg", s.ruleFaultDeg(i), 2);
            Json.field(b, "level", s.ruleLevel(i));
            b.append('}');
        }
        b.append(']');
        Json.field(b, "link", s.linkUp() ? "up" : "lost");
        Json.field(b, "loss_pct", s.lossPercent(), 2);
        Json.field(b, "missing", s.missing());
        Json.field(b, "samples", s.samples());
        Json.field(b, "link_losses", s.linkLosses());
        return b.append('}').toString();
    }

    /**
     * Sends what is queued, then the end of the session with its summary lines, so the page
     * can show them; the stream ends afterwards ({@link DashboardServer#close}).
     */
    public void end(List<String> summary) {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick();
        StringBuilder b = new StringBuilder("{\"type\":\"end\",\"summary\":[");
        for (int i = 0; i < summary.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Json.string(b, summary.get(i));
        }
        server.broadcastEvent(b.append("]}").toString());
    }

    /** Events the feed could not queue. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
