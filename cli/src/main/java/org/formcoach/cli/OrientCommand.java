package org.formcoach.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.formcoach.engine.orientation.OrientationFilter;
import org.formcoach.engine.orientation.OrientationSettings;
import org.formcoach.engine.orientation.SensorOrientation;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;
import org.formcoach.engine.util.DecimalFormatter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code formcoach orient FILE}: the orientation filter alone, one CSV row per sample (CONTRACT §2). */
@Command(name = "orient",
        header = "The orientation filter alone: one CSV row of quaternion and Euler angles per sample.",
        mixinStandardHelpOptions = true,
        description = {
                "Orientation only: runs the orientation filter over one sensor of a trace and prints",
                "time_s,qw,qx,qy,qz,roll_deg,pitch_deg,yaw_deg, one row per sample.",
                "The quaternion is the sensor frame relative to an Earth frame with Z up (NWU);",
                "Euler angles are ZYX, in degrees."},
        footer = {"", "Examples:",
                "  formcoach orient trace.csv.gz > orientation.csv",
                "  formcoach orient sensor_data.csv --gyro-range 2000 --accel-rejection 10 \\",
                "      --mag-rejection 10 --rejection-timeout 5 --bias",
                "  formcoach orient two-sensors.csv --sensor thoracolumbar --no-mag --dt fixed --rate 100"})
public final class OrientCommand implements Callable<Integer> {
    enum Step { fixed, measured }

    @Parameters(index = "0", paramLabel = "FILE", description = "A trace (.csv or .csv.gz), formcoach or Fusion columns.")
    Path file;

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "Which sensor of a multi-sensor trace: sacrum, lumbar or thoracolumbar (default: the first).")
    String sensor;

    @Option(names = "--gain", defaultValue = "0.5", description = "Filter gain (default ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--gyro-range", defaultValue = "0", paramLabel = "DPS",
            description = "Gyroscope range in deg/s; readings past 98%% of it restart start-up. 0 = off (default).")
    double gyroRange;

    @Option(names = "--accel-rejection", defaultValue = "0", paramLabel = "DEG",
            description = "Ignore accelerometer readings this far from the predicted up, degrees. 0 = off (default).")
    double accelRejection;

    @Option(names = "--mag-rejection", defaultValue = "0", paramLabel = "DEG",
            description = "Ignore magnetometer readings this far from the predicted heading, degrees. 0 = off (default).")
    double magRejection;

    @Option(names = "--rejection-timeout", defaultValue = "0", paramLabel = "S",
            description = "Trust rejected readings again after this many seconds. 0 = off (default).")
    double rejectionTimeout;

    @Option(names = "--bias", description = "Estimate and remove the gyroscope offset while the sensor is still.")
    boolean bias;

    @Option(names = "--no-mag", description = "Do not use the magnetometer even when the trace has one.")
    boolean noMag;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Nominal sample rate (default: the trace's rate_hz, else 100).")
    Double rate;

    @Option(names = "--dt", defaultValue = "measured", paramLabel = "fixed|measured",
            description = "Time step: measured from the time column (default) or fixed at 1/rate.")
    Step dt;

    @Override
    public Integer call() throws IOException {
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--rate must be a positive number: " + rate);
        }
        for (double v : new double[]{gain, gyroRange, accelRejection, magRejection, rejectionTimeout}) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "filter settings must be numbers >= 0");
            }
        }
        int wanted = -1;
        if (sensor != null) {
            Placement p = Placement.fromTraceName(sensor);
            if (p == null) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "unknown sensor '" + sensor + "' (use sacrum, lumbar or thoracolumbar)");
            }
            wanted = p.ordinal();
        }
        try (TraceReader reader = TraceReader.open(file)) {
            double nominal = rate != null ? rate
                    : (Double.isNaN(reader.header().rateHz()) ? OrientationSettings.DEFAULT_RATE_HZ : reader.header().rateHz());
            boolean useMag = reader.header().hasMagColumns() && !noMag;
            OrientationSettings settings = new OrientationSettings(gain, gyroRange, accelRejection, magRejection,
                    rejectionTimeout, nominal, useMag);
            SensorOrientation orientation = new SensorOrientation(settings, bias,
                    dt == Step.fixed ? SensorOrientation.TimeStep.FIXED : SensorOrientation.TimeStep.MEASURED,
                    Double.POSITIVE_INFINITY);
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            out.write("time_s,qw,qx,qy,qz,roll_deg,pitch_deg,yaw_deg\n");
            StringBuilder row = new StringBuilder(128);
            Sample s = new Sample();
            long written = 0;
            while (reader.next(s)) {
                if (wanted < 0) {
                    wanted = s.sensor;
                }
                if (s.sensor != wanted) {
                    continue;
                }
                orientation.update(s);
                OrientationFilter f = orientation.filter();
                row.setLength(0);
                DecimalFormatter.append(row, s.timeS, 9).append(',');
                DecimalFormatter.append(row, f.qw(), 9).append(',');
                DecimalFormatter.append(row, f.qx(), 9).append(',');
                DecimalFormatter.append(row, f.qy(), 9).append(',');
                DecimalFormatter.append(row, f.qz(), 9).append(',');
                DecimalFormatter.append(row, f.rollDeg(), 6).append(',');
                DecimalFormatter.append(row, f.pitchDeg(), 6).append(',');
                DecimalFormatter.append(row, f.yawDeg(), 6).append('\n');
                out.append(row);
                written++;
            }
            out.flush();
            if (reader.badRows() > 0) {
                System.err.println("formcoach: " + reader.badRowReport());
            }
            if (written == 0) {
                System.err.println("formcoach: " + file + ": no samples"
                        + (sensor != null ? " of sensor " + sensor : ""));
            }
        }
        return ExitCodes.OK;
    }
}
