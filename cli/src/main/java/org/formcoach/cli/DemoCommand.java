package org.formcoach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.formcoach.bridge.broker.EmbeddedBroker;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.mqtt.MqttOptions;
import org.formcoach.bridge.mqtt.MqttTransport;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualMqttDevice;
import org.formcoach.cli.demo.DemoWorkout;
import org.formcoach.cli.demo.GuidedWorkout;
import org.formcoach.cli.live.LiveRun;
import org.formcoach.cli.live.LiveStatus;
import org.formcoach.cli.live.OutputMode;
import org.formcoach.cli.terminal.Ansi;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code formcoach demo}: the whole live pipeline with no hardware. A simulated wearer does
 * a scripted workout; a virtual device publishes it over MQTT to the embedded broker; the
 * bridge feeds the coach; alerts show in the terminal and on the dashboard, and go back to
 * the virtual device; the session summary ends it.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "The whole live pipeline on a simulated wearer: no hardware needed.",
                "",
                "One sensor on the sacrum; a guided workout of three Romanian deadlifts",
                "(the second rounds a little, the third more), a 15 s plank whose hips sag",
                "near the end, and two bird-dogs (the pelvis rotates in the second). The",
                "samples travel as a real device's would: over MQTT through the embedded",
                "broker (127.0.0.1 only) into the coaching engine. You see the live view and",
                "its alerts here, the same on the dashboard in a browser, and the session",
                "summary at the end. About 85 s at real time."},
        footer = {"", "Examples:",
                "  formcoach demo",
                "  formcoach demo --speed 4 --no-dashboard          # a quick look",
                "  formcoach demo --record demo.csv.gz",
                "  formcoach report demo.csv.gz -o demo.html        # then read the report",
                "  formcoach demo --loop --dashboard-port 8080      # keep it running",
                "  formcoach demo --seed 7 --set hinge.lumbar_flexion.warn_deg=6"})
public final class DemoCommand implements Callable<Integer> {
    static final String DEVICE = "demo-belt";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N",
            description = "Play N times faster than real time (default ${DEFAULT-VALUE}; up to 50).")
    double speed;

    @Option(names = "--seed", defaultValue = "" + DemoWorkout.DEFAULT_SEED, paramLabel = "N",
            description = "Another seed gives another wearer and other reps (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loop", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Repeat the workout until Ctrl-C (or q+Enter).")
    boolean loop;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Record the trace and the events, as 'formcoach live --record' does; then 'formcoach report FILE'.")
    Path record;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings and alert channels from a file of 'key = value' lines (see docs/user-guide.md).")
    Path config;

    @Option(names = "--view", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (live view on a terminal, plain lines otherwise), plain, interactive or jsonl.")
    String view;

    @Option(names = "--bell", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Ring the terminal bell on each alert (default on).")
    boolean bell;

    @Option(names = "--port", paramLabel = "PORT", description = "Embedded broker port (default: any free port).")
    Integer port;

    @Mixin
    CoachOptions coachOptions;

    @Mixin
    DashboardOptions dashboardOptions;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ConfigFile file = config == null ? ConfigFile.none() : ConfigFile.read(config, cl);
        for (String note : file.applyOptions(cl)) {
            System.err.println("formcoach: " + note);
        }
        if (!(speed > 0 && speed <= 50)) {
            throw new CommandLine.ParameterException(cl, "--speed must be more than 0 and at most 50");
        }
        OutputMode mode;
        try {
            mode = OutputMode.parse(view);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--view: " + e.getMessage());
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new CommandLine.ParameterException(cl, "--port must be 1-65535");
        }
        CoachSettings settings = coachOptions.resolve(cl, file.coachSettings(CoachSettings.defaults(), cl));

        DemoWorkout workout = DemoWorkout.generate(seed, loop);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        intro(out, workout, mode);
        EmbeddedBroker broker = EmbeddedBroker.startLocal(port != null ? port : freePort());
        LiveRun run;
        try {
            LiveRun.Config c = dashboardOptions.applyTo(new LiveRun.Config(), cl).title("demo").exercise(Exercise.HINGE).coach(settings)
                    .rateHz(DemoWorkout.RATE_HZ).output(mode).bell(bell)
                    .record(record, DEVICE).keys(true)
                    .hello(",\"plan\":\"" + workout.outline(" > ") + "\"");
            // The plan's announcements and the header line need the run, and the run needs them:
            // it is filled in once prepared, before the session (and so any sample) starts.
            AtomicReference<LiveRun> self = new AtomicReference<>();
            GuidedWorkout guide = new GuidedWorkout(workout.segments(),
                    loop ? workout.period() : Double.POSITIVE_INFINITY,
                    (device, t, text) -> self.get().announce(device, t, text));
            c.tap(guide).header(header(workout, guide, self));
            run = LiveRun.prepare(c, out, System.err);
            self.set(run);
        } catch (java.net.BindException e) {
            broker.close();
            throw new CommandLine.ParameterException(cl, e.getMessage());
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        MqttTransport transport = new MqttTransport(MqttOptions.of(broker.url()));
        LiveSession.Builder builder = run.sessionBuilder().transport(transport);
        run.start(builder);
        VirtualMqttDevice device = null;
        int code;
        try {
            awaitConnected(transport);
            device = connectDevice(broker.url());
            play(run, device, workout);
        } finally {
            code = run.finish();
            closeQuietly(device, broker);
        }
        return code;
    }

    /**
     * The summary is out: the virtual device and the broker close in the background (a
     * second or two of MQTT goodbyes nobody is waiting for), given half a second before
     * the command returns.
     */
    private static void closeQuietly(VirtualMqttDevice device, EmbeddedBroker broker) throws InterruptedException {
        Thread closer = new Thread(() -> {
            if (device != null) {
                device.close();
            }
            broker.close();
        }, "formcoach-demo-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(500);
    }

    /** Plays the workout (again and again with --loop) until it ends or the user ends the session. */
    private void play(LiveRun run, VirtualMqttDevice device, DemoWorkout workout) throws InterruptedException {
        List<Sample> samples = workout.samples();
        Thread player = new Thread(() -> {
            try {
                do {
                    device.play(samples, speed);
                    if (loop) {
                        device.skip(workout.period());
                    }
                } while (loop && !run.endRequested());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                run.requestEnd();
            }
        }, "formcoach-demo-device");
        player.setDaemon(true);
        player.start();
        run.awaitEnd(null);
        player.interrupt();
        player.join(2000);
        // The last samples may still be on their way through the broker: let the engine see them.
        double last = samples.get(samples.size() - 1).timeS;
        LiveStatus status = new LiveStatus();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!loop && System.nanoTime() < deadline) {
            if (run.board().read(0, status) && status.t() >= last - 1e-6) {
                break;
            }
            Thread.sleep(20);
        }
    }

    /** The virtual device, connected, subscribed and announced online. */
    private static VirtualMqttDevice connectDevice(String url) throws Exception {
        VirtualMqttDevice d = new VirtualMqttDevice(DEVICE, url, MqttPayloadFormat.JSON_BATCH, 4);
        d.rateHz(DemoWorkout.RATE_HZ);
        try {
            return d.connect(Duration.ofSeconds(20));
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            d.close();
            throw new java.io.IOException("the demo's virtual device could not connect to the embedded broker at "
                    + url + ": " + e.getMessage(), e);
        }
    }

    private static void awaitConnected(MqttTransport transport) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!transport.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void intro(PrintStream out, DemoWorkout workout, OutputMode mode) {
        if (mode == OutputMode.JSONL) {
            return;
        }
        double seconds = workout.period() / speed;
        out.println(String.format(Locale.ROOT, "formcoach demo: a simulated wearer with one sensor on the sacrum does %s.",
                workout));
        out.println(String.format(Locale.ROOT, "About %d:%02d at %s%s. The coach is told the plan and switches exercise"
                        + " as the wearer moves on.", (long) seconds / 60, (long) seconds % 60,
                speed == 1 ? "real time" : trim(speed) + "x speed", loop ? ", repeated until Ctrl-C" : ""));
        out.println();
        out.flush();
    }

    /** The line above the status block: where in the plan the wearer is. */
    private java.util.function.Supplier<String> header(DemoWorkout workout, GuidedWorkout guide,
                                                        AtomicReference<LiveRun> run) {
        boolean colour = Ansi.colourWanted();
        String arrow = Ansi.unicodeWanted() ? " ▸ " : " > ";
        LiveStatus status = new LiveStatus();
        return () -> {
            boolean seen = run.get() != null && run.get().board().read(0, status);
            int current = seen ? guide.segmentAtDeviceTime(status.t()) : 0;
            StringBuilder b = new StringBuilder(" workout: ");
            List<DemoWorkout.Segment> segs = workout.segments();
            for (int i = 0; i < segs.size(); i++) {
                if (i > 0) {
                    b.append(arrow);
                }
                String name = segs.get(i).exercise().cliName();
                b.append(i == current ? Ansi.style(Ansi.BOLD_CYAN, "[" + name + "]", colour) : name);
            }
            double total = workout.period();
            double at = seen ? status.elapsed() % total : 0;
            b.append(String.format(Locale.ROOT, "   %d:%02d / %d:%02d", (long) at / 60, (long) at % 60,
                    (long) total / 60, (long) total % 60));
            if (speed != 1) {
                b.append(" (device time, ").append(trim(speed)).append("x)");
            }
            return b.toString();
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
