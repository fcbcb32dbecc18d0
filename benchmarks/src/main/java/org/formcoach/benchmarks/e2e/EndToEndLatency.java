package org.formcoach.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.mqtt.MqttOptions;
import org.formcoach.bridge.mqtt.MqttTransport;
import org.formcoach.bridge.serial.SerialOptions;
import org.formcoach.bridge.serial.SerialTransport;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;

/**
 * End-to-end latency of a live session, measured as a device sees it: a device publishes
 * the sample on which the engine decides an alert (or a clear) → broker → engine → alert →
 * broker → the device holds it. In the same run the same path is measured with a plain
 * echo in place of the engine, and the engine's cost is reported as the ratio per
 * percentile. See {@link FaultTraces} for what the devices send and which samples are
 * answered, {@link MqttFleet} for the devices, {@link MqttEcho} and {@link SerialRun} for
 * the baselines.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.formcoach.benchmarks.e2e.EndToEndLatency \
 *     --transport mqtt --devices 100 --duration 20
 * java -cp benchmarks/target/benchmarks.jar org.formcoach.benchmarks.e2e.EndToEndLatency \
 *     --transport serial --duration 60
 * </pre>
 *
 * Options: {@code --transport mqtt|serial} (mqtt), {@code --devices N} (100; serial: 1),
 * {@code --rate HZ} (100), {@code --duration S} measured seconds (20), {@code --warmup S}
 * before measuring (16: calibration, the first faults, JIT), {@code --mode
 * both|engine|echo|echo-echo} (both: echo, then engine, in one run; echo-echo: the echo
 * twice, the second labelled "echo-again", to see what ratio the rig reports when nothing
 * differs), {@code --connections C} device connections (min(N,
 * 100)), {@code --batch B} samples per MQTT message (1), {@code --faulty-every K} (1: every
 * device has faults), {@code --drain S} wait for late answers (3), {@code --handoff
 * inline|queue} how the engine takes a sample (inline: on the transport's thread when the
 * engine is idle, the bridge's default; queue: always through the sample queue to the engine
 * thread), {@code --echo-work none|coach} (none: the echo only answers; coach: it also decodes and
 * coaches every message first, as the engine does, without the bridge around it),
 * {@code --mosquitto PATH}.
 * Prints one table row per mode (lines starting with "| ") and the ratios.
 */
public final class EndToEndLatency {
    record Options(String transport, int devices, double rateHz, double durationS, double warmupS, String mode,
                   int connections, int batch, int faultyEvery, double drainS, int rounds, String handoff,
                   String mosquitto, String echoWork) {
        boolean coachInline() {
            return handoff.equals("inline");
        }
    }

    /** One mode's outcome. */
    record Outcome(String mode, Latencies latencies, Map<String, Double> cores, String notes) {
    }

    /** The second echo of {@code --mode echo-echo}: the same echo, measured as if it were the engine. */
    static final String ECHO_AGAIN = "echo-again";

    private EndToEndLatency() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        System.out.printf(Locale.ROOT, "# %s, %d device(s) at %.0f Hz, %d connection(s), batch %d, %.0f s measured after "
                        + "%.0f s warm-up, engine hand-off %s, echo work %s; load average %s%n", o.transport(), o.devices(),
                o.rateHz(), o.connections(), o.batch(), o.durationS(), o.warmupS(), o.handoff(), o.echoWork(),
                loadAverage());
        List<List<Outcome>> rounds = run(o);
        for (int r = 0; r < rounds.size(); r++) {
            print(o, rounds.get(r), rounds.size() == 1 ? "" : "round " + (r + 1) + " of " + rounds.size());
        }
        if (rounds.size() > 1) {
            print(o, pool(rounds), "pooled " + rounds.size() + " rounds");
        }
        System.out.println("# load average at the end: " + loadAverage());
    }

    /** Each mode's outcomes over all rounds, as one (echo first). */
    static List<Outcome> pool(List<List<Outcome>> rounds) {
        List<Outcome> pooled = new ArrayList<>();
        for (Outcome first : rounds.get(0)) {
            List<Latencies> runs = new ArrayList<>();
            Map<String, Double> cores = new java.util.HashMap<>();
            for (List<Outcome> round : rounds) {
                for (Outcome r : round) {
                    if (r.mode().equals(first.mode())) {
                        runs.add(r.latencies());
                        r.cores().forEach((k, v) -> cores.merge(k, v / rounds.size(), Double::sum));
                    }
                }
            }
            pooled.add(new Outcome(first.mode(), Latencies.pooled(runs), cores, "pooled over " + runs.size()
                    + " runs (cores: their mean)"));
        }
        return pooled;
    }

    /**
     * Runs the modes the options ask for, {@code --rounds} times (echo first in odd rounds,
     * engine first in even ones), and returns what each round measured, echo first.
     */
    static List<List<Outcome>> run(Options o) throws Exception {
        List<List<Outcome>> rounds = new ArrayList<>();
        for (int r = 0; r < o.rounds(); r++) {
            rounds.add(new ArrayList<>());
        }
        runRounds(o, rounds);
        for (List<Outcome> round : rounds) {
            round.sort(java.util.Comparator.comparing(r -> !r.mode().equals("echo")));
        }
        return rounds;
    }

    private static void runRounds(Options o, List<List<Outcome>> rounds) throws Exception {
        double traceSeconds = o.warmupS() + o.durationS() + 2;
        int windowFrom = (int) Math.round(o.warmupS() * o.rateHz());
        int windowTo = (int) Math.round((o.warmupS() + o.durationS()) * o.rateHz());
        if (o.transport().equals("mqtt")) {
            List<FaultTraces.Variant> faulty = FaultTraces.variants(Math.min(FaultTraces.VARIANTS, o.devices()),
                    o.rateHz(), traceSeconds, true);
            FaultTraces.Variant clean = FaultTraces.variant(0, o.rateHz(), traceSeconds, false);
            try (Mosquitto broker = Mosquitto.start(o.mosquitto())) {
                for (int r = 0; r < rounds.size(); r++) {
                    for (String mode : modes(o, r)) {
                        rounds.get(r).add(runMqtt(o, mode, broker, faulty, clean, windowFrom, windowTo));
                    }
                }
                String log = broker.log();
                if (!log.isEmpty()) {
                    System.out.println("# mosquitto said: " + log.replace('\n', ' '));
                }
            }
        } else {
            FaultTraces.Variant v = FaultTraces.variant(0, o.rateHz(), traceSeconds, true);
            for (int r = 0; r < rounds.size(); r++) {
                for (String mode : modes(o, r)) {
                    rounds.get(r).add(runSerial(o, mode, v, windowFrom, windowTo));
                }
            }
        }
    }

    /** The modes of round {@code r} (from 0) in the order they run. */
    private static List<String> modes(Options o, int r) {
        String second = switch (o.mode()) {
            case "both" -> "engine";
            case "echo-echo" -> ECHO_AGAIN;
            default -> null;
        };
        if (second == null) {
            return List.of(o.mode());
        }
        return r % 2 == 0 ? List.of("echo", second) : List.of(second, "echo");
    }

    private static Outcome runMqtt(Options o, String mode, Mosquitto broker, List<FaultTraces.Variant> faulty,
                                   FaultTraces.Variant clean, int windowFrom, int windowTo) throws Exception {
        Latencies latencies = new Latencies();
        EngineCounters counters = new EngineCounters(latencies, o.rateHz());
        MqttEcho echo = null;
        LiveSession session = null;
        CpuMeter cpu = new CpuMeter(broker.pid());
        String notes;
        try {
            if (!mode.equals("engine")) {
                echo = new MqttEcho(broker.url(), o.echoWork().equals("coach"), o.rateHz(), latencies);
            } else {
                MqttTransport transport = new MqttTransport(MqttOptions.of(broker.url()));
                session = LiveSession.builder(Exercise.PLANK, counters).rateHz(o.rateHz())
                        .maxDevices(Math.max(1024, o.devices() + 16)).coachInlineWhenIdle(o.coachInline())
                        .transport(transport).start();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!transport.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (!transport.isConnected()) {
                    throw new IllegalStateException("the engine did not connect to " + broker.url());
                }
            }
            try (MqttFleet fleet = new MqttFleet(broker.url(), o.devices(), o.connections(), o.batch(), faulty, clean,
                    o.faultyEvery(), windowFrom, windowTo, latencies)) {
                settleHeap();
                Thread meter = new Thread(() -> sleepThenStart(cpu, o.warmupS()), "e2e-meter");
                meter.setDaemon(true);
                meter.start();
                fleet.play(o.rateHz());
                Map<String, Double> cores = cpu.stop();
                drain(latencies, o.drainS());
                notes = String.format(Locale.ROOT, "%d samples published, pacing lag max %.1f ms", fleet.published(),
                        fleet.maxLagMillis());
                if (echo != null && echo.failures() > 0) {
                    notes += ", echo publish failures " + echo.failures();
                }
                if (echo != null && o.echoWork().equals("coach")) {
                    notes += String.format(Locale.ROOT, ", echo decoded and coached %d samples", echo.coached());
                }
                fleet.stopListening();
                if (session != null) {
                    session.close();
                    notes += counters.describe(session.engine().coachedInline());
                    session = null;
                }
                return new Outcome(mode, latencies, cores, notes);
            }
        } finally {
            if (session != null) {
                session.close();
            }
            if (echo != null) {
                echo.close();
            }
        }
    }

    private static Outcome runSerial(Options o, String mode, FaultTraces.Variant v, int windowFrom, int windowTo)
            throws Exception {
        Latencies latencies = new Latencies();
        EngineCounters counters = new EngineCounters(latencies, o.rateHz());
        LiveSession session = null;
        SerialTransport transport = null;
        try (SerialRun run = new SerialRun()) {
            CpuMeter cpu = new CpuMeter(run.socatPid());
            boolean engine = mode.equals("engine");
            if (engine) {
                transport = new SerialTransport(SerialOptions.of(run.hostPath()).withDeviceId("dev0"));
                session = LiveSession.builder(Exercise.PLANK, counters).rateHz(o.rateHz())
                        .coachInlineWhenIdle(o.coachInline()).transport(transport).start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!transport.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (!transport.isConnected()) {
                    throw new IllegalStateException("the engine did not open " + run.hostPath());
                }
            } else {
                run.startEcho();
            }
            settleHeap();
            Thread meter = new Thread(() -> sleepThenStart(cpu, o.warmupS()), "e2e-meter");
            meter.setDaemon(true);
            meter.start();
            run.play(v, engine, windowFrom, windowTo, latencies);
            Map<String, Double> cores = cpu.stop();
            drain(latencies, o.drainS());
            run.stopListening();
            String notes = "";
            if (session != null) {
                session.close();
                notes = counters.describe(session.engine().coachedInline())
                        + String.format(Locale.ROOT, "; %d of %d alerts+clears written by the coaching thread itself",
                        transport.writtenDirectly(), transport.delivered());
                session = null;
            }
            return new Outcome(mode, latencies, cores, notes);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /**
     * The harness's own data (encoded traces, every device's send times: tens of MB at 1000
     * devices) is promoted now rather than by a young collection in the middle of the
     * measurement (seen: a 33 ms pause that set the p99.9).
     */
    private static void settleHeap() {
        System.gc();
    }

    private static void sleepThenStart(CpuMeter cpu, double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            return;
        }
        cpu.start();
    }

    /** Waits until every expected answer is in, or {@code seconds} pass. */
    private static void drain(Latencies latencies, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (latencies.answered() < latencies.expected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** What the engine side says it did (from the session's device summaries). */
    private static final class EngineCounters implements LiveListener {
        final Latencies latencies;
        final double rateHz;
        final AtomicLong alerts = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong queueDropped = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong devices = new AtomicLong();
        final AtomicLong samples = new AtomicLong();

        EngineCounters(Latencies latencies, double rateHz) {
            this.latencies = latencies;
            this.rateHz = rateHz;
        }

        @Override
        public void coachEvent(String device, CoachEvent event) {
            if (event instanceof CoachEvent.Alert || event instanceof CoachEvent.Clear) {
                latencies.decided(device, (int) Math.round(event.t() * rateHz), System.nanoTime());
                alerts.incrementAndGet();
            }
        }

        @Override
        public void bridgeEvent(BridgeEvent event) {
            if (event instanceof BridgeEvent.DeviceSummary s) {
                devices.incrementAndGet();
                sent.addAndGet(s.alertsSent());
                delivered.addAndGet(s.alertsDelivered());
                dropped.addAndGet(s.alertsDropped());
                queueDropped.addAndGet(s.queueDropped());
                samples.addAndGet(s.samples());
                gaps.addAndGet(s.gaps());
            }
        }

        String describe(long coachedInline) {
            return String.format(Locale.ROOT, "; engine: %d devices, %d alerts+clears decided, %d sent, %d delivered, "
                            + "%d dropped, %d samples dropped at the engine queue, %d gaps, %.1f %% of %d samples "
                            + "coached on the transport's thread", devices.get(), alerts.get(), sent.get(),
                    delivered.get(), dropped.get(), queueDropped.get(), gaps.get(),
                    100.0 * coachedInline / Math.max(1, samples.get()), samples.get());
        }
    }

    private static void print(Options o, List<Outcome> outcomes, String label) {
        System.out.println();
        if (!label.isEmpty()) {
            System.out.println("# " + label);
        }
        System.out.println("| transport | devices × Hz | connections | batch | mode | answered / expected (lost) "
                + "| p50 ms | p99 ms | p99.9 ms | max ms | cores: engine or echo / devices / broker |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome r : outcomes) {
            Latencies l = r.latencies();
            double side = r.cores().getOrDefault(r.mode().equals("engine") ? "engine" : "echo", 0.0);
            System.out.printf(Locale.ROOT, "| %s | %d × %.0f | %d | %d | %s | %d / %d (%d) | %.3f | %.3f | %.3f | %.3f "
                            + "| %.2f / %.2f / %.2f |%n", o.transport(), o.devices(), o.rateHz(),
                    o.transport().equals("serial") ? 1 : o.connections(), o.batch(), r.mode(), l.answered(),
                    l.expected(), l.lost(), l.millisAt(50), l.millisAt(99), l.millisAt(99.9), l.maxMillis(), side,
                    r.cores().getOrDefault("devices", 0.0), r.cores().getOrDefault("broker", 0.0));
        }
        for (Outcome r : outcomes) {
            Latencies l = r.latencies();
            System.out.printf(Locale.ROOT, "# %s: %s; %d unexpected answers, %d duplicates, %d send failures%n",
                    r.mode(), r.notes(), l.unexpected(), l.duplicates(), l.sendFailures());
            if (!l.split().isEmpty()) {
                System.out.println("# " + r.mode() + ": " + l.split());
            }
        }
        if (outcomes.size() == 2) {
            Latencies echo = outcomes.get(0).latencies();
            Latencies engine = outcomes.get(1).latencies();
            System.out.printf(Locale.ROOT, "RATIO %s/echo, %s, %d device(s), batch %d%s: p50 %.2f×, p99 %.2f×, "
                            + "p99.9 %.2f×%n", outcomes.get(1).mode(), o.transport(), o.devices(), o.batch(),
                    label.isEmpty() ? "" : ", " + label,
                    engine.millisAt(50) / echo.millisAt(50), engine.millisAt(99) / echo.millisAt(99),
                    engine.millisAt(99.9) / echo.millisAt(99.9));
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Options parse(String[] args) {
        String transport = "mqtt";
        int devices = -1;
        double rate = 100;
        double duration = 20;
        double warmup = 16;
        String mode = "both";
        int connections = -1;
        int batch = 1;
        int faultyEvery = 1;
        double drain = 3;
        int rounds = 1;
        String handoff = "inline";
        String echoWork = "none";
        String mosquitto = Mosquitto.findBinary();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (a.equals("--help") || a.equals("-h")) {
                usage(null);
            }
            if (v == null) {
                usage(a + " needs a value");
            }
            i++;
            switch (a) {
                case "--transport" -> transport = v;
                case "--devices" -> devices = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--duration" -> duration = Double.parseDouble(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--mode" -> mode = v;
                case "--connections" -> connections = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--faulty-every" -> faultyEvery = Integer.parseInt(v);
                case "--drain" -> drain = Double.parseDouble(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--handoff" -> handoff = v;
                case "--echo-work" -> echoWork = v;
                case "--mosquitto" -> mosquitto = v;
                default -> usage("unknown option " + a);
            }
        }
        if (!transport.equals("mqtt") && !transport.equals("serial")) {
            usage("--transport is mqtt or serial");
        }
        if (!List.of("both", "engine", "echo", "echo-echo").contains(mode)) {
            usage("--mode is both, engine, echo or echo-echo");
        }
        if (!handoff.equals("inline") && !handoff.equals("queue")) {
            usage("--handoff is inline or queue");
        }
        if (!echoWork.equals("none") && !echoWork.equals("coach")) {
            usage("--echo-work is none or coach");
        }
        if (devices < 0) {
            devices = transport.equals("serial") ? 1 : 100;
        }
        if (transport.equals("serial") && devices != 1) {
            usage("serial runs one device");
        }
        if (devices < 1 || batch < 1 || faultyEvery < 1 || rounds < 1 || !(rate > 0) || !(duration > 0)
                || warmup < 0) {
            usage("devices, batch, faulty-every, rounds, rate and duration must be positive");
        }
        if (connections < 0) {
            connections = Math.min(devices, 100);
        }
        connections = Math.max(1, Math.min(connections, devices));
        return new Options(transport, devices, rate, duration, warmup, mode, connections, batch, faultyEvery, drain,
                rounds, handoff, mosquitto, echoWork);
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("EndToEndLatency: " + problem);
        }
        System.err.println("usage: EndToEndLatency [--transport mqtt|serial] [--devices N] [--rate HZ] [--duration S]\n"
                + "       [--warmup S] [--mode both|engine|echo|echo-echo] [--connections C] [--batch B]\n"
                + "       [--faulty-every K] [--drain S] [--rounds R] [--handoff inline|queue]\n"
                + "       [--echo-work none|coach] [--mosquitto PATH]");
        System.exit(problem == null ? 0 : 2);
    }

}
