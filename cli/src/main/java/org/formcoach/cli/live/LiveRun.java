package org.formcoach.cli.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.live.SampleTap;
import org.formcoach.cli.dashboard.DashboardFeed;
import org.formcoach.cli.dashboard.DashboardServer;
import org.formcoach.cli.record.RecordingException;
import org.formcoach.cli.record.RecordingInfo;
import org.formcoach.cli.record.SessionFiles;
import org.formcoach.cli.record.SessionRecorder;
import org.formcoach.cli.terminal.Ansi;
import org.formcoach.cli.terminal.LiveView;
import org.formcoach.cli.terminal.Terminal;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;

/**
 * Everything around a live session that {@code formcoach live} and {@code formcoach demo}
 * share: the terminal view (or JSON lines), the dashboard, the recording, the summary, keys
 * on standard input, and ending cleanly — at the end of the input, after {@code q}, or at
 * Ctrl-C (a shutdown hook ends the session, prints the summary and closes the recording, so
 * everything received is kept).
 *
 * <pre>{@code
 * LiveRun run = LiveRun.prepare(config);            // recording and dashboard start (or fail) here
 * LiveSession.Builder b = run.sessionBuilder();    // add transports, settings
 * run.start(b);
 * run.awaitEnd(duration);                          // or drive the session yourself
 * return run.finish();                             // exit code
 * }</pre>
 */
public final class LiveRun {
    /** What the run does; every field has a default. */
    public static final class Config {
        String title = "live";
        Exercise exercise = Exercise.HINGE;
        CoachSettings coach = CoachSettings.defaults();
        double rateHz = 100;
        OutputMode output = OutputMode.AUTO;
        boolean bell = true;
        boolean alertsToDevices = true;
        boolean dashboard = true;
        String dashboardBind = DashboardServer.DEFAULT_BIND;
        int dashboardPort = DashboardServer.DEFAULT_PORT;
        boolean dashboardPortGiven;
        Path record;
        String recordDevice;
        boolean keys = true;
        Supplier<String> header;
        String hello;
        final List<SampleTap> taps = new ArrayList<>();

        public Config title(String t) {
            title = t;
            return this;
        }

        public Config exercise(Exercise e) {
            exercise = e;
            return this;
        }

        public Config coach(CoachSettings s) {
            coach = s;
            return this;
        }

        public Config rateHz(double hz) {
            rateHz = hz;
            return this;
        }

        public Config output(OutputMode m) {
            output = m;
            return this;
        }

        public Config bell(boolean b) {
            bell = b;
            return this;
        }

        public Config alertsToDevices(boolean b) {
            alertsToDevices = b;
            return this;
        }

        /** @param port 0 for any free port; {@code given}: fail if taken instead of moving to a free one */
        public Config dashboard(boolean on, String bind, int port, boolean given) {
            dashboard = on;
            dashboardBind = bind;
            dashboardPort = port;
            dashboardPortGiven = given;
            return this;
        }

        /** @param device the device to record (null: the first that sends) */
        public Config record(Path trace, String device) {
            record = trace;
            recordDevice = device;
            return this;
        }

        /** Whether to read r/q + Enter from standard input when it is a terminal. */
        public Config keys(boolean on) {
            keys = on;
            return this;
        }

        /** A line above the status block (the demo's plan). */
        public Config header(Supplier<String> h) {
            header = h;
            return this;
        }

        /** Extra JSON fields for the dashboard's hello message, e.g. {@code ,"plan":"…"}. */
        public Config hello(String fields) {
            hello = fields;
            return this;
        }

        public Config tap(SampleTap t) {
            taps.add(t);
            return this;
        }
    }

    private final Config config;
    private final PrintStream out;
    private final PrintStream err;
    private final LiveBoard board = new LiveBoard();
    private final SessionSummary summary;
    private final LiveView view;
    /** The event lines when there is no view (JSON-lines output), else null. */
    private final JsonLinesOutput jsonLines;
    private final DashboardServer dashboard;
    private final DashboardFeed feed;
    private final SessionRecorder recorder;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final boolean interactive;
    private volatile RecordingException recordingFailure;
    private LiveSession session;
    private Thread hook;
    private boolean finished;
    private int exitCode;

    private LiveRun(Config config, PrintStream out, PrintStream err) throws IOException {
        this.config = config;
        this.out = out;
        this.err = err;
        this.summary = new SessionSummary(config.exercise);
        this.recorder = config.record == null ? null : startRecorder();
        DashboardServer server = null;
        try {
            server = config.dashboard ? startDashboard() : null;
        } catch (IOException | RuntimeException e) {
            if (recorder != null) {
                recorder.close();
            }
            throw e;
        }
        this.dashboard = server;
        this.feed = server == null ? null : new DashboardFeed(server, board);
        this.interactive = config.output == OutputMode.INTERACTIVE
                || (config.output == OutputMode.AUTO && Terminal.stdoutIsTerminal());
        if (config.output == OutputMode.JSONL) {
            this.view = null;
        } else {
            String keys = interactive && keysActive()
                    ? " keys: r+Enter recalibrate · q+Enter end the session (Ctrl-C too)" : null;
            LiveView.Options o = new LiveView.Options(interactive, interactive && Ansi.colourWanted(),
                    Ansi.unicodeWanted(), config.bell, config.coach.get("calibration.quiet_s"), config.header, keys,
                    interactive ? Ansi.columns() : 80);
            this.view = new LiveView(out, board, o);
        }
        this.jsonLines = view == null ? new JsonLinesOutput(out, err) : null;
    }

    /**
     * Starts what must work before the session does: the recording (an unwritable path fails
     * here, naming the file) and the dashboard (its address is printed).
     */
    public static LiveRun prepare(Config config, PrintStream out, PrintStream err) throws IOException {
        return new LiveRun(config, out, err);
    }

    private SessionRecorder startRecorder() throws RecordingException {
        RecordingInfo info = new RecordingInfo(config.exercise, null, config.recordDevice, config.rateHz, true,
                config.coach);
        SessionRecorder r = SessionRecorder.start(config.record, info, failure -> {
            recordingFailure = failure;
            err.println("formcoach: " + failure.getMessage() + " (coaching goes on)");
        });
        r.closedByOwnerAtShutdown();
        return r;
    }

    private DashboardServer startDashboard() throws IOException {
        DashboardServer server;
        try {
            server = DashboardServer.start(config.dashboardBind, config.dashboardPort);
        } catch (BindException e) {
            if (config.dashboardPortGiven || config.dashboardPort == 0) {
                throw new BindException("the dashboard cannot listen on " + config.dashboardBind + ":"
                        + config.dashboardPort + " (" + e.getMessage() + "): choose another --dashboard-port, "
                        + "0 for any free one");
            }
            server = DashboardServer.start(config.dashboardBind, 0);
        }
        StringBuilder hello = new StringBuilder("{\"type\":\"hello\",\"title\":\"").append(config.title).append('"');
        if (config.hello != null) {
            hello.append(config.hello);
        }
        server.hello(hello.append('}').toString());
        if (DashboardServer.isOpenToNetwork(config.dashboardBind)) {
            err.println("formcoach: WARNING: the dashboard is open to the network on " + config.dashboardBind + ":"
                    + server.port() + ": anyone who can reach this machine can watch this session (no password).");
        }
        err.println("formcoach: dashboard on " + server.url() + " (open it in a browser; --no-dashboard to skip)");
        return server;
    }

    private boolean keysActive() {
        return config.keys && Terminal.stdinIsTerminal();
    }

    /** The session's builder with this run's listeners and taps; add transports and settings, then {@link #start}. */
    public LiveSession.Builder sessionBuilder() {
        List<LiveListener> listeners = new ArrayList<>();
        listeners.add(view != null ? view : jsonLines);
        listeners.add(summary);
        listeners.add(new LiveListener() {
            @Override
            public void coachEvent(String device, CoachEvent event) {
            }

            @Override
            public void bridgeEvent(BridgeEvent event) {
                board.bridgeEvent(event);
            }

            @Override
            public void note(String message) {
                if (view == null || !viewIsInteractive()) {
                    err.println("formcoach: " + message);
                }
            }
        });
        if (feed != null) {
            listeners.add(feed);
        }
        RecordingTap recordingTap = null;
        if (recorder != null) {
            recordingTap = new RecordingTap(recorder, config.recordDevice, this::noteFromEngine);
            listeners.add(recordingTap);
        }
        LiveSession.Builder b = LiveSession.builder(config.exercise, new Fanout(listeners)).settings(config.coach)
                .rateHz(config.rateHz).alertsToDevices(config.alertsToDevices);
        for (SampleTap t : config.taps) {
            b.tap(t);
        }
        if (recordingTap != null) {
            b.tap(recordingTap);
        }
        b.tap(board);
        return b;
    }

    private boolean viewIsInteractive() {
        return view != null && interactive;
    }

    private void noteFromEngine(String message) {
        if (view != null) {
            view.note(message);
        }
        if (!viewIsInteractive()) {
            err.println("formcoach: " + message);
        }
    }

    /** Announces something to the wearer ("next: plank…") on the view and the dashboard; any thread. */
    public void announce(String device, double t, String text) {
        if (view != null) {
            view.announce(device, t, text);
        }
        if (feed != null) {
            feed.announce(device, t, text);
        }
    }

    /** Starts the session, the view, the dashboard feed, the keys and the Ctrl-C hook. */
    public LiveSession start(LiveSession.Builder builder) {
        session = builder.start();
        if (view != null) {
            view.start();
        }
        if (feed != null) {
            feed.start();
        }
        hook = new Thread(() -> {
            err.println("formcoach: interrupted: ending the session and keeping what was recorded");
            finish(true);
        }, "formcoach-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (keysActive() && view != null) {
            Thread keys = new Thread(this::readKeys, "formcoach-keys");
            keys.setDaemon(true);
            keys.start();
        }
        return session;
    }

    private void readKeys() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                view.inputEchoed();
                String k = line.strip().toLowerCase(java.util.Locale.ROOT);
                if (k.equals("r")) {
                    view.note("recalibrating: stand tall and still, then start moving");
                    session.engine().recalibrate();
                } else if (k.equals("q")) {
                    ended.countDown();
                    return;
                } else if (!k.isEmpty()) {
                    view.note("keys: r+Enter recalibrates, q+Enter ends the session");
                }
            }
        } catch (IOException e) {
            // Standard input closed: no keys then.
        }
    }

    /** Ends the session from any thread ({@link #awaitEnd} returns). */
    public void requestEnd() {
        ended.countDown();
    }

    /**
     * Waits until {@code seconds} have passed (null: forever), {@code q} was typed or
     * {@link #requestEnd} was called. A Ctrl-C ends the process through the shutdown hook.
     */
    public void awaitEnd(Double seconds) throws InterruptedException {
        if (seconds == null) {
            ended.await();
        } else {
            ended.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the end was asked for (q, {@link #requestEnd}). */
    public boolean endRequested() {
        return ended.getCount() == 0;
    }

    public LiveBoard board() {
        return board;
    }

    public SessionSummary summary() {
        return summary;
    }

    /** The dashboard, or null without one. */
    public DashboardServer dashboard() {
        return dashboard;
    }

    /**
     * Ends everything in order: the session (its last clears and summaries), the view, the
     * summary on standard output, the dashboard (told the session ended), the recording.
     *
     * @return the exit code: 0, or 1 when the recording failed
     */
    public int finish() {
        return finish(false);
    }

    private void step(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            err.println("formcoach: " + what + ": " + e);
        }
    }

    private synchronized int finish(boolean fromHook) {
        if (finished) {
            return exitCode;
        }
        finished = true;
        if (!fromHook && hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running; it waits for this method.
            }
        }
        // Each step on its own: a failure in one (reported) must not cost the summary or the recording.
        if (session != null) {
            step("ending the session", session::close);
        }
        if (view != null) {
            step("closing the live view", view::close);
        }
        if (jsonLines != null) {
            step("writing the event lines", jsonLines::close);
        }
        List<String> lines = summary.render();
        PrintStream summaryOut = view == null ? err : out;
        if (session != null) { // a session that never started has nothing to sum up
            summaryOut.println();
            for (String l : lines) {
                summaryOut.println(l);
            }
            summaryOut.flush();
        }
        if (feed != null) {
            step("ending the dashboard", () -> {
                feed.end(lines);
                dashboard.close(1000);
            });
        }
        if (recorder != null) {
            recorder.close();
            RecordingException failure = recordingFailure != null ? recordingFailure : recorder.failure();
            if (failure != null) {
                err.println("formcoach: the recording is incomplete: " + failure.getMessage());
                exitCode = 1;
            } else {
                summaryOut.println();
                summaryOut.println("Recorded " + recorder.samplesWritten() + " samples to " + recorder.tracePath()
                        + " and the events to " + SessionFiles.eventsFor(recorder.tracePath()) + ".");
                summaryOut.println("For a report a coach can read: formcoach report " + recorder.tracePath() + " -o "
                        + SessionFiles.baseName(recorder.tracePath()) + ".html");
            }
        }
        summaryOut.flush();
        out.flush();
        return exitCode;
    }
}
