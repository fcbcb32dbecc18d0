package org.formcoach.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.importer.ColumnMapping;
import org.formcoach.simulator.importer.CsvImporter;
import org.formcoach.simulator.importer.ImportException;
import org.formcoach.simulator.importer.ImportLayout;
import org.formcoach.simulator.importer.TraceImport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code formcoach import IN -o OUT}: another tool's IMU CSV as a formcoach trace. */
@Command(name = "import",
        header = "Convert a recording in another CSV layout into a formcoach trace.",
        mixinStandardHelpOptions = true,
        description = {
                "Converts an IMU recording in another CSV layout into a formcoach trace",
                "(seconds, g, deg/s, uT), so what your own sensor recorded can be replayed.",
                "Known layouts are recognised from the header:",
                "  arduino   IMU_Capture aX,aY,aZ,gX,gY,gZ in g and deg/s, no time (give --rate)",
                "  adafruit  accel_x.. m/s2, gyro_x.. rad/s, mag_x.. uT, timestamp in ms",
                "  movella   Movella DOT export: SampleTimeFine us, Acc_X.. m/s2, Gyr_X.. deg/s",
                "Anything else: --map. Tab and semicolon separators and decimal commas are",
                "handled; malformed rows are skipped and counted."},
        footer = {"", "Examples:",
                "  formcoach import IMU_Capture.csv -o set.csv.gz --rate 119",
                "  formcoach import dot_export.csv -o set.csv --placement sacrum",
                "  formcoach import log.csv -o set.csv --map \\",
                "      \"time=timestamp_ms:ms,ax=AccX:m/s2,ay=AccY:m/s2,az=AccZ:m/s2,\\",
                "gx=GyrX:rad/s,gy=GyrY:rad/s,gz=GyrZ:rad/s\"",
                "  formcoach import serial.txt -o set.csv --rate 100 \\",
                "      --map \"ax=1:g,ay=2:g,az=3:g,gx=4,gy=5,gz=6\"",
                "",
                "--map items are FIELD=COLUMN[:UNIT], separated by commas.",
                "  FIELD   time, ax, ay, az, gx, gy, gz, and optionally mx, my, mz",
                "  COLUMN  the header name, or the 1-based position in a file without header",
                "  UNIT    time s|ms|us|ns (default s); accel g|mg|m/s2 (default g);",
                "          gyro deg/s|mdps|rad/s|mrad/s (default deg/s); mag uT|nT|gauss (uT)",
                "",
                "Exit codes: 0 ok, 2 usage error, 3 input that cannot be mapped (the message",
                "names the file and the columns it has), 1 anything else."})
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The CSV to import (plain or gzip).")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The trace to write; a name ending in .gz is compressed.")
    Path out;

    @Option(names = "--map", paramLabel = "MAP", description = "Which column holds what, and in which unit (see below).")
    String map;

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "LAYOUT",
            description = "arduino, adafruit, movella or auto (default: recognise from the header).")
    String layout;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate: needed for a file without a time column; otherwise the nominal rate "
                    + "written to the trace (default: measured from the time column).")
    Double rate;

    @Option(names = "--placement", defaultValue = "lumbar", paramLabel = "P",
            description = "Where the sensor was worn: sacrum, lumbar or thoracolumbar (default ${DEFAULT-VALUE}).")
    String placement;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number: " + rate);
        }
        Placement where = Placement.fromTraceName(placement);
        if (where == null) {
            throw new CommandLine.ParameterException(cl, "unknown placement '" + placement
                    + "' (use sacrum, lumbar or thoracolumbar)");
        }
        ImportLayout named = null;
        if (!layout.equalsIgnoreCase("auto")) {
            try {
                named = ImportLayout.parse(layout);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        ColumnMapping mapping = null;
        if (map != null) {
            if (named != null) {
                throw new CommandLine.ParameterException(cl, "give --map or --layout, not both");
            }
            try {
                mapping = ColumnMapping.parse(map);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--map: " + e.getMessage());
            }
        }
        CsvImporter.Options options = new CsvImporter.Options(named, mapping, rate == null ? Double.NaN : rate, where);
        PrintWriter err = cl.getErr();
        TraceImport.Result result;
        try (CsvImporter importer = TraceImport.open(in, options)) {
            if (!importer.hasTimeColumn() && rate == null) {
                throw new CommandLine.ParameterException(cl, in + " has no time column (columns: "
                        + String.join(", ", importer.header()) + "); give the sample rate with --rate HZ");
            }
            result = TraceImport.convert(importer, out, options);
        } catch (ImportException e) {
            throw new BadInputException(e.getMessage());
        }
        CsvImporter importer = result.importer();
        if (importer.badRows() > 0) {
            err.println("formcoach: " + importer.badRowReport());
        }
        err.printf("formcoach: imported %d samples from %s (%s: %s) to %s%s%n", result.samples(), in,
                importer.layoutName(), importer.mapping().describe(), out,
                Double.isNaN(result.rateHz()) ? ""
                        : String.format(java.util.Locale.ROOT, ", %s %.3f Hz",
                        result.rateMeasured() ? "measured" : "nominal", result.rateHz()));
        if (result.samples() == 0) {
            java.nio.file.Files.deleteIfExists(out); // an empty trace would only fail later, further from the cause
            throw new BadInputException(in + ": no importable rows");
        }
        err.flush();
        return ExitCodes.OK;
    }
}
