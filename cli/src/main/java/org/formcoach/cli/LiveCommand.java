package org.formcoach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.formcoach.bridge.broker.EmbeddedBroker;
import org.formcoach.bridge.live.LiveSession;
import org.formcoach.bridge.mqtt.MqttOptions;
import org.formcoach.bridge.mqtt.MqttTransport;
import org.formcoach.bridge.serial.SerialFormat;
import org.formcoach.bridge.serial.SerialOptions;
import org.formcoach.bridge.serial.SerialTransport;
import org.formcoach.bridge.session.DeviceIds;
import org.formcoach.bridge.wire.TextColumn;
import org.formcoach.bridge.wire.TextFormat;
import org.formcoach.cli.live.LiveRun;
import org.formcoach.cli.live.OutputMode;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Units;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code formcoach live --serial PORT | --mqtt [URL]}: coach a real sensor (CONTRACT §2). */
@Command(name = "live",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Coaches a real sensor over USB serial or MQTT.",
                "",
                "First it guides calibration (stand tall and still, then one slow forward",
                "movement), then shows the live view: exercise and phase, each fault rule's",
                "angle against its thresholds, reps, the hold timer, alerts in colour with",
                "a beep, the connection and packet loss. Every alert also goes back to the",
                "device (so it can buzz) and to the dashboard in a browser. Ctrl-C (or",
                "q+Enter) ends the session: the summary is printed and everything recorded",
                "is kept. r+Enter recalibrates. Wire formats: docs/protocols.md; a",
                "walk-through: docs/user-guide.md. --mqtt without a URL starts a broker",
                "inside formcoach (127.0.0.1:1883 unless told otherwise)."},
        footer = {"", "Examples:",
                "  formcoach ports",
                "  formcoach live --serial /dev/ttyUSB0 --exercise hinge",
                "  formcoach live --serial /dev/ttyUSB0 --exercise plank --record mon.csv.gz",
                "  formcoach live --serial /dev/ttyACM0 --baud 921600 --wire binary \\",
                "      --exercise squat",
                "  formcoach live --serial COM3 --columns t_ms,ax,ay,az,gx,gy,gz \\",
                "      --accel-unit m/s2 --exercise plank",
                "  formcoach live --mqtt --exercise plank     # embedded broker, port 1883",
                "  formcoach live --mqtt --bind 0.0.0.0 --username coach \\",
                "      --password-file pw.txt --exercise hinge",
                "  formcoach live --mqtt tcp://broker.local:1883 --exercise bird-dog \\",
                "      --format jsonl",
                "  formcoach live --mqtt ssl://broker.local:8883 --tls-ca ca.pem \\",
                "      --username u --password-file pw.txt --exercise squat",
                "  formcoach live --config gym.conf           # ports, alerts, thresholds",
                "  formcoach live --serial /dev/ttyUSB0 --exercise hinge \\",
                "      --dashboard-bind 0.0.0.0               # a phone on the LAN watches"})
public final class LiveCommand implements Callable<Integer> {
    enum Output { text, jsonl }

    enum Wire { text, binary }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--serial", paramLabel = "PORT",
            description = "Serial port: a name from 'formcoach ports' (ttyUSB0, COM3) or a path (/dev/ttyACM0, a socat link).")
    String serial;

    @Option(names = "--mqtt", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "MQTT broker URL (tcp://host:1883, ssl://host:8883); without one, start the embedded broker.")
    String mqtt;

    @Option(names = "--exercise", paramLabel = "EX",
            description = "hinge (deadlift, RDL, good morning, kettlebell swing), squat, plank or bird-dog.")
    String exercise;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Record the raw trace (FILE.csv or FILE.csv.gz) and, beside it, the events (FILE.events.jsonl);"
                    + " flushed every 0.5 s. Read it with 'formcoach report FILE'.")
    Path record;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings, ports and alert channels from a file of 'key = value' lines; flags win over it.")
    Path config;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|jsonl",
            description = "Output: text for people (default) or JSON lines (the replay format plus a device field).")
    Output format;

    @Option(names = "--view", defaultValue = "auto", paramLabel = "MODE",
            description = "Text output: auto (live view on a terminal, plain lines otherwise), plain or interactive.")
    String view;

    @Option(names = "--bell", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Ring the terminal bell on each alert (default on; --no-bell to keep quiet).")
    boolean bell;

    @Option(names = "--alerts-to-device", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send each alert back to the device so it can buzz (default on).")
    boolean alertsToDevice;

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

    @Option(names = "--device", paramLabel = "ID",
            description = "Serial: the device id (default: from the port name). MQTT: the device to record (default: the first to send).")
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

    @Mixin
    DashboardOptions dashboardOptions;

    private int exitCode;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ConfigFile file = config == null ? ConfigFile.none() : ConfigFile.read(config, cl);
        for (String note : file.applyOptions(cl)) {
            System.err.println("formcoach: " + note);
        }
        if ((serial == null) == (mqtt == null)) {
            throw new CommandLine.ParameterException(cl, serial == null
                    ? "give a source: --serial PORT or --mqtt [URL] (or serial.port / mqtt.url in --config)"
                    : "--serial and --mqtt are mutually exclusive: give one source");
        }
        if (exercise == null) {
            throw new CommandLine.ParameterException(cl,
                    "give --exercise EX (hinge, squat, plank or bird-dog), or exercise = … in --config");
        }
        Exercise ex;
        try {
            ex = Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number");
        }
        if (duration != null && !(duration > 0)) {
            throw new CommandLine.ParameterException(cl, "--duration must be a positive number of seconds");
        }
        OutputMode mode = outputMode(cl);
        CoachSettings settings = coachOptions.resolve(cl, file.coachSettings(CoachSettings.defaults(), cl));
        char[] password = readPassword(cl);
        SerialOptions serialOptions = serial != null ? serialOptions(cl) : null;
        MqttOptions mqttOptions = null;
        if (mqtt != null && !mqtt.isEmpty()) {
            mqttOptions = mqttOptions(cl, mqtt, password);
        }
        String recordDevice = serialOptions != null ? serialOptions.deviceId() : device;
        if (recordDevice != null && !DeviceIds.isValid(recordDevice)) {
            throw new CommandLine.ParameterException(cl, "--device: ids are 1-64 characters of A-Z a-z 0-9 _ -");
        }

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        LiveRun.Config c = dashboardOptions.applyTo(new LiveRun.Config(), cl).title("live").exercise(ex)
                .coach(settings).rateHz(rate).output(mode).bell(bell).alertsToDevices(alertsToDevice)
                .record(record, recordDevice).keys(true);
        EmbeddedBroker broker = null;
        if (mqtt != null && mqtt.isEmpty()) {
            broker = startBroker(cl, password);
            mqttOptions = mqttOptions(cl, broker.url(), password);
        }
        LiveRun run;
        try {
            run = LiveRun.prepare(c, out, System.err);
        } catch (java.net.BindException e) {
            if (broker != null) {
                broker.close();
            }
            throw new CommandLine.ParameterException(cl, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        LiveSession.Builder builder = run.sessionBuilder();
        if (serialOptions != null) {
            builder.transport(new SerialTransport(serialOptions));
        } else {
            builder.transport(new MqttTransport(mqttOptions));
        }
        if (broker != null) {
            builder.closeAfterwards(broker);
        }
        try {
            run.start(builder);
        } catch (IllegalArgumentException e) { // a transport refusing its settings (an MQTT URL it cannot use)
            run.finish();
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        try {
            run.awaitEnd(duration);
        } finally {
            exitCode = run.finish();
        }
        return exitCode;
    }

    private OutputMode outputMode(CommandLine cl) {
        if (format == Output.jsonl) {
            return OutputMode.JSONL;
        }
        try {
            return OutputMode.parse(view);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--view: " + e.getMessage());
        }
    }

    private MqttOptions mqttOptions(CommandLine cl, String url, char[] password) {
        try {
            MqttOptions options = MqttOptions.of(url).withCredentials(username, password);
            return tlsCa != null ? options.withTlsCa(tlsCa) : options;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
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
            SerialOptions o = SerialOptions.of(serial).withBaud(baud)
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
}
