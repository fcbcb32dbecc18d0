package org.formcoach.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.formcoach.bridge.serial.SerialFormat;
import org.formcoach.bridge.session.DeviceIds;
import org.formcoach.bridge.virtual.AlertReceipt;
import org.formcoach.bridge.virtual.MqttPayloadFormat;
import org.formcoach.bridge.virtual.VirtualDevice;
import org.formcoach.bridge.virtual.VirtualMqttDevice;
import org.formcoach.bridge.virtual.VirtualSerialDevice;
import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code formcoach stream TRACE --serial PORT | --mqtt URL}: a trace played by a virtual device. */
@Command(name = "stream",
        header = "Play a trace through a virtual device into a serial port or an MQTT broker.",
        mixinStandardHelpOptions = true,
        description = {
                "Plays a trace through a virtual device over the real wire formats: into a serial port (e.g. one",
                "end of a socat pty pair whose other end 'formcoach live --serial' reads) or to an MQTT broker.",
                "Prints each alert command the device receives back and its device-to-alert latency."},
        footer = {"", "Examples:",
                "  socat -d -d pty,raw,echo=0,link=/tmp/fc-dev pty,raw,echo=0,link=/tmp/fc-host &",
                "  formcoach live --serial /tmp/fc-host --exercise plank &",
                "  formcoach stream plank.csv.gz --serial /tmp/fc-dev --speed 1",
                "  formcoach stream set.csv --mqtt tcp://127.0.0.1:1883 --device belt-01 --wire binary --speed 4"})
public final class StreamCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace (.csv or .csv.gz).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--serial", paramLabel = "PORT", description = "Write to this serial port (the device end of a pty pair).")
        String serial;

        @Option(names = "--mqtt", paramLabel = "URL", description = "Publish to this broker (tcp://host:1883).")
        String mqtt;
    }

    @Option(names = "--device", paramLabel = "ID", description = "Device id (default: the trace's device, else virtual-01).")
    String device;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "1|N|max",
            description = "1 = real time (default), N = N times faster, max = as fast as the link takes it.")
    String speed;

    @Option(names = "--wire", paramLabel = "FORMAT",
            description = "Serial: text (default) or binary. MQTT: json, json-array, json-batch (default) or binary.")
    String wire;

    @Option(names = "--batch", defaultValue = "10", description = "MQTT: samples per message for batch formats (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--linger", defaultValue = "2", paramLabel = "S",
            description = "Seconds to keep listening for alerts after the last sample (default ${DEFAULT-VALUE}).")
    double linger;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        double pace = parseSpeed(cl);
        List<Sample> samples = new ArrayList<>();
        String traceDevice;
        double rate;
        try (TraceReader reader = TraceReader.open(file)) {
            traceDevice = reader.header().device();
            rate = Double.isNaN(reader.header().rateHz()) ? OrientationSettings.DEFAULT_RATE_HZ : reader.header().rateHz();
            Sample s = new Sample();
            while (reader.next(s)) {
                Sample copy = new Sample();
                copy.copyFrom(s);
                samples.add(copy);
            }
            if (reader.badRows() > 0) {
                System.err.println("formcoach: " + reader.badRowReport());
            }
        }
        String id = device != null ? device : traceDevice != null && DeviceIds.isValid(traceDevice) ? traceDevice : "virtual-01";
        if (!DeviceIds.isValid(id)) {
            throw new CommandLine.ParameterException(cl, "--device: ids are 1-64 characters of A-Z a-z 0-9 _ -");
        }
        try (VirtualDevice d = open(cl, id)) {
            d.rateHz(rate);
            d.onReceipt(r -> System.out.println(describe(r)));
            d.play(samples, pace);
            Thread.sleep((long) (linger * 1000));
            System.out.println(summary(d));
        }
        return ExitCodes.OK;
    }

    private VirtualDevice open(CommandLine cl, String id) throws Exception {
        String w = wire == null ? null : wire.toLowerCase(Locale.ROOT).replace('_', '-');
        if (target.serial != null) {
            SerialFormat f = w == null || w.equals("text") ? SerialFormat.TEXT
                    : w.equals("binary") ? SerialFormat.BINARY : null;
            if (f == null) {
                throw new CommandLine.ParameterException(cl, "--wire for serial: text or binary");
            }
            return new VirtualSerialDevice(id, target.serial, f);
        }
        MqttPayloadFormat f = switch (w == null ? "json-batch" : w) {
            case "json" -> MqttPayloadFormat.JSON;
            case "json-array" -> MqttPayloadFormat.JSON_ARRAY;
            case "json-batch" -> MqttPayloadFormat.JSON_BATCH;
            case "binary" -> MqttPayloadFormat.BINARY;
            default -> throw new CommandLine.ParameterException(cl, "--wire for MQTT: json, json-array, json-batch or binary");
        };
        try {
            VirtualMqttDevice d = new VirtualMqttDevice(id, target.mqtt, f, batch);
            return d.connect(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--mqtt: " + e.getMessage());
        }
    }

    private double parseSpeed(CommandLine cl) {
        if (speed.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(speed);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new CommandLine.ParameterException(cl, "--speed must be 'max' or a positive number: " + speed);
    }

    private static String describe(AlertReceipt r) {
        var c = r.command();
        String what = c.isAlert() ? "ALERT " + c.fault().wireName() + " " + c.severity().wireName()
                : "CLEAR " + c.fault().wireName();
        return String.format(Locale.ROOT, "%8.2f s  %s (#%d)%s", c.t(), what, c.number(),
                r.latencyNanos() < 0 ? "" : String.format(Locale.ROOT, ", %.1f ms after the sample left", r.latencyMillis()));
    }

    private static String summary(VirtualDevice d) {
        double[] lat = d.receipts().stream().filter(r -> r.latencyNanos() >= 0).mapToDouble(AlertReceipt::latencyMillis)
                .sorted().toArray();
        String latency = lat.length == 0 ? "" : String.format(Locale.ROOT, "; latency median %.1f ms, max %.1f ms",
                lat[lat.length / 2], lat[lat.length - 1]);
        return String.format(Locale.ROOT, "streamed %d samples (%d could not be sent); %d commands received%s",
                d.sent(), d.dropped(), d.receipts().size(), latency);
    }
}
