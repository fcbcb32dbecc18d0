package org.formcoach.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.formcoach.bridge.broker.EmbeddedBroker;
import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveJson;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.mqtt.MqttOptions;
import org.formcoach.bridge.mqtt.MqttTransport;
import org.formcoach.bridge.serial.SerialFormat;
import org.formcoach.bridge.serial.SerialOptions;
import org.formcoach.bridge.serial.SerialTransport;
import org.formcoach.bridge.session.DeviceIds;
import org.formcoach.bridge.wire.TextColumn;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Units;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code formcoach live --serial PORT | --mqtt [URL]}: coach a real sensor (CONTRACT §2). */
@Command(name = "live",
        mixinStandardHelpOptions = true,
        description = {
                "Coaches a real sensor: reads it over USB serial or MQTT, prints what the coach says as it",
                "happens, and sends each alert back to the device (so it can buzz). Ctrl-C ends the session",
                "and prints the totals. Wire formats and topics: docs/protocols.md.",
                "--mqtt without a URL starts a broker inside formcoach (127.0.0.1:1883 unless told otherwise)."},
        footer = {"", "Examples:",
                "  formcoach ports",
                "  formcoach live --serial /dev/ttyUSB0 --exercise hinge",
                "  formcoach live --serial /dev/ttyACM0 --baud 921600 --wire binary --exercise squat",
                "  formcoach live --serial COM3 --columns t_ms,ax,ay,az,gx,gy,gz --accel-unit m/s2 --exercise plank",
                "  formcoach live --mqtt --exercise plank                      # embedded broker on 127.0.0.1:1883",
                "  formcoach live --mqtt --bind 0.0.0.0 --username coach --password-file pw.txt --exercise hinge",
                "  formcoach live --mqtt tcp://broker.local:1883 --exercise bird-dog --format jsonl",
                "  formcoach live --mqtt ssl://broker.local:8883 --tls-ca ca.pem --username u --password-file pw.txt \\",
                "      --exercise squat"})
public final class LiveCommand implements Callable<Integer> {
    enum Output { text, jsonl }

    enum Wire { text, binary }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--serial", paramLabel = "PORT",
                description = "Serial port: a name from 'formcoach ports' (ttyUSB0, COM3) or a path (/dev/ttyACM0, a socat link).")
        String serial;

        @Option(names = "--mqtt", paramLabel = "URL", arity = "0..1", fallbackValue = "",
                description = "MQTT broker URL (tcp://host:1883, ssl://host:8883); without one, start the embedded broker.")
        String mqtt;
    }

    @Option(names = "--exercise", required = true, paramLabel = "EX",
            description = "hinge (deadlift, RDL, good morning, kettlebell swing), squat, plank or bird-dog.")
    String exercise;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|jsonl",
            description = "Output: text for people (default) or JSON lines (the replay format plus a device field).")
    Output format;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "HZ",
            description = "Nominal sample rate of devices that do not announce one (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "S", description = "End the session after this many seconds (default: at Ctrl-C).")
    Double duration;

    // serial
    @Option(names = "--baud", defaultValue = "115200", description = "Serial: baud rate (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--wire", defaultValue = "text", paramLabel = "text|binary",
            description = "Serial: the device prints text lines (default) or binary frames.")
    Wire wire;

    @Option(names = "--columns", paramLabel = "LIST",
            description = "Serial text: the fields of a line, e.g. t_ms,ax,ay,az,gx,gy,gz (default: the header line, else by field count).")
    String columns;

    @Option(names = "--accel-unit", defaultValue = "g", paramLabel = "g|m/s2", description = "Serial text: accelerometer unit (default g).")
    String accelUnit;

    @Option(names = "--gyro-unit", defaultValue = "deg/s", paramLabel = "deg/s|rad/s", description = "Serial text: gyroscope unit (default deg/s).")
    String gyroUnit;

    @Option(names = "--sensor", defaultValue = "lumbar", paramLabel = "NAME",
            description = "Serial text without a sensor column: where the sensor sits, sacrum, lumbar or thoracolumbar (default lumbar).")
    String sensor;

    @Option(names = "--device", paramLabel = "ID", description = "Serial: the device id (default: from the port name).")
    String device;

    // mqtt
    @Option(names = "--username", paramLabel = "USER", description = "MQTT username (and, for the embedded broker, the one it accepts).")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the MQTT password.")
    Path passwordFile;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "MQTT over ssl://: trust the CA certificates in this PEM file.")
    Path tlsCa;

    @Option(names = "--bind", defaultValue = EmbeddedBroker.DEFAULT_HOST, paramLabel = "ADDR",
            description = "Embedded broker: address to listen on (default ${DEFAULT-VALUE}; others need --username and --password-file).")
    String bind;

    @Option(names = "--port", defaultValue = "1883", description = "Embedded broker: port (default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    CoachOptions coachOptions;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Exercise ex;
        try {
            ex = Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number");
        }
        CoachSettings settings = coachOptions.resolve(cl);
        char[] password = readPassword(cl);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        LiveSession.Builder builder = LiveSession.builder(ex, listener(out)).settings(settings).rateHz(rate);
        try {
            if (source.serial != null) {
                builder.transport(new SerialTransport(serialOptions(cl)));
            } else {
                String url = source.mqtt;
                if (url.isEmpty()) {
                    EmbeddedBroker broker = startBroker(cl, password);
                    builder.closeAfterwards(broker);
                    url = broker.url();
                }
                MqttOptions options;
                try {
                    options = MqttOptions.of(url).withCredentials(username, password);
                    if (tlsCa != null) {
                        options = options.withTlsCa(tlsCa);
                    }
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
                builder.transport(new MqttTransport(options));
            }
        } catch (CommandLine.ParameterException e) {
            throw e;
        }
        return run(builder, out);
    }

    private int run(LiveSession.Builder builder, PrintWriter out) throws InterruptedException {
        LiveSession session = builder.start();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.close();
            out.flush();
            closed.countDown();
        }, "formcoach-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration != null) {
            Thread.sleep((long) (duration * 1000));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                closed.await();
                return ExitCodes.OK;
            }
            session.close();
            out.flush();
        } else {
            closed.await();
        }
        return ExitCodes.OK;
    }

    private SerialOptions serialOptions(CommandLine cl) {
        Units.Accel a = Units.Accel.parse(accelUnit);
        Units.Gyro g = Units.Gyro.parse(gyroUnit);
        if (a == null || g == null) {
            throw new CommandLine.ParameterException(cl, "unknown unit: use --accel-unit g|m/s2 and --gyro-unit deg/s|rad/s");
        }
        Placement p = Placement.fromTraceName(sensor);
        if (p == null) {
            throw new CommandLine.ParameterException(cl, "unknown sensor '" + sensor + "' (use sacrum, lumbar or thoracolumbar)");
        }
        try {
            List<TextColumn> cols = columns == null ? null : TextColumn.parseList(columns);
            TextFormat text = new TextFormat(cols, a, g, p, rate);
            SerialOptions o = SerialOptions.of(source.serial).withBaud(baud)
                    .withFormat(wire == Wire.binary ? SerialFormat.BINARY : SerialFormat.TEXT).withText(text);
            return device == null ? o : o.withDeviceId(DeviceIds.require(device));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private EmbeddedBroker startBroker(CommandLine cl, char[] password) throws IOException {
        try {
            EmbeddedBroker broker = EmbeddedBroker.start(bind, port, username, password);
            System.err.println("formcoach: embedded MQTT broker listening on " + bind + ":" + port
                    + (username == null ? " (anonymous, this machine only)" : " (username and password required)"));
            return broker;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private char[] readPassword(CommandLine cl) throws IOException {
        if (passwordFile == null) {
            return null;
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new CommandLine.ParameterException(cl, "--password-file: " + passwordFile + ": no such file");
        }
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--password-file: " + passwordFile + " is empty");
        }
        return lines.get(0).toCharArray();
    }

    private LiveListener listener(PrintWriter out) {
        boolean json = format == Output.jsonl;
        StringBuilder line = new StringBuilder(256);
        return new LiveListener() {
            @Override
            public void coachEvent(String device, CoachEvent event) {
                line.setLength(0);
                if (json) {
                    LiveJson.append(line, device, event);
                } else {
                    line.append('[').append(device).append("] ").append(TextEvents.describe(event));
                }
                out.println(line);
                out.flush();
            }

            @Override
            public void bridgeEvent(BridgeEvent event) {
                line.setLength(0);
                if (json) {
                    LiveJson.append(line, event);
                } else {
                    line.append('[').append(event.device()).append("] ").append(LiveText.describe(event));
                }
                out.println(line);
                out.flush();
            }

            @Override
            public void note(String message) {
                System.err.println("formcoach: " + message);
            }
        };
    }
}
