package org.formcoach.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.formcoach.simulator.GeneratedTrace;
import org.formcoach.simulator.Scenario;
import org.formcoach.simulator.TraceGenerator;
import org.formcoach.simulator.labels.Labels;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code formcoach simulate}: writes a synthetic trace and its ground-truth labels (CONTRACT §2). */
@Command(name = "simulate",
        header = "Write a synthetic labelled trace of a simulated wearer.",
        mixinStandardHelpOptions = true,
        description = {
                "Writes a synthetic trace of a simulated wearer (body model, sensor errors,",
                "timing faults) and its ground-truth labels: reps, holds, faults with",
                "onset/peak/end, calibration times. The same seed gives the same trace.",
                "See docs/simulator.md."},
        footer = {"", "Examples:",
                "  formcoach simulate --exercise hinge -o rdl.csv.gz",
                "      (the labels go to rdl.labels.json)",
                "  formcoach simulate --exercise hinge --variant kb-swing --sensors two \\",
                "      --mounting any --preset mpu6050 --seed 7 \\",
                "      --faults lumbar_flexion@2+5,lumbar_extension@7 -o swing.csv",
                "  formcoach simulate --exercise plank --hold 45 --faults hip_sag -o plank.csv",
                "  formcoach simulate --exercise bird-dog --reps 6 --faults none -o bd.csv",
                "  formcoach simulate --exercise workout --mag --rate 50 -o session.csv.gz",
                "  formcoach simulate --exercise squat --labels squat.labels.json > squat.csv",
                "",
                "Faults: hinge lumbar_flexion, lumbar_extension; squat lumbar_flexion,",
                "lumbar_extension, excessive_lean; plank hip_sag, hip_pike (@1 = the hold);",
                "bird-dog trunk_rotation, lateral_tilt; workout: those of hinge, plank and",
                "bird-dog."})
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--exercise", required = true, paramLabel = "EX",
            description = "hinge, squat, plank, bird-dog, standing, walking or workout.")
    String exercise;

    @Option(names = "--variant", paramLabel = "V",
            description = "Hinge (and workout) variant: deadlift, rdl (default), good-morning, kb-swing.")
    String variant;

    @Option(names = "--sensors", defaultValue = "one", paramLabel = "one|two",
            description = "one: the --placement sensor; two: thoracolumbar + the --placement one (default ${DEFAULT-VALUE}).")
    String sensors;

    @Option(names = "--placement", defaultValue = "sacrum", paramLabel = "P",
            description = "The lower sensor: sacrum or lumbar (default ${DEFAULT-VALUE}).")
    String placement;

    @Option(names = "--mounting", defaultValue = "usual", paramLabel = "usual|any",
            description = "usual: sensor axes along the back (within 8°); any: a random rotation (default ${DEFAULT-VALUE}).")
    String mounting;

    @Option(names = "--preset", defaultValue = "icm20948", paramLabel = "P",
            description = "Sensor error model: ideal, mpu6050, icm20948, bmi270, bno055, lsm6dso (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--faults", defaultValue = "auto", paramLabel = "SPEC",
            description = "none, auto (about a third of the reps; default) or e.g. lumbar_flexion@2+5,lumbar_extension@7.")
    String faults;

    @Option(names = "--timing", defaultValue = "none", paramLabel = "SPEC",
            description = "Timing faults of the device stream (default ${DEFAULT-VALUE}).")
    String timing;

    @Option(names = "--reps", paramLabel = "N", description = "Reps of a hinge, squat or bird-dog set (default 8).")
    Integer reps;

    @Option(names = "--hold", paramLabel = "S", description = "Plank hold, seconds (default: random 25–50).")
    Double hold;

    @Option(names = "--duration", paramLabel = "S", description = "Length of a standing or walking trace, seconds (default 30).")
    Double duration;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "HZ", description = "Output rate, Hz (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--mag", description = "Add a magnetometer (the Earth field, about 50 µT).")
    boolean mag;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The trace, .csv or .csv.gz; the labels go beside it as NAME.labels.json. Without it the trace goes to stdout.")
    Path output;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Where to write the labels (default: beside -o; without -o, no labels unless given).")
    Path labels;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = scenario();
        GeneratedTrace trace = TraceGenerator.generate(scenario);
        PrintWriter err = spec.commandLine().getErr();
        Path labelsPath = labels;
        String where;
        if (output != null) {
            trace.writeTrace(output);
            if (labelsPath == null) {
                labelsPath = Labels.pathFor(output);
            }
            where = output.toString();
        } else {
            PrintWriter out = spec.commandLine().getOut();
            trace.writeTrace(out);
            out.flush();
            where = "stdout";
        }
        if (labelsPath != null) {
            trace.labels().write(labelsPath);
        }
        Labels l = trace.labels();
        err.println(String.format(Locale.ROOT, "formcoach: wrote %s to %s: %s, %d rows, %.1f s, %d reps, %d holds, %d faults%s",
                scenario.exercise().cliName() + (scenario.variant() != null ? " (" + scenario.variant().cliName() + ")" : ""),
                where, String.join(" + ", l.sensors()), trace.samples().size(), l.durationS(), l.reps().size(),
                l.holds().size(), l.faults().size(), labelsPath != null ? "; labels " + labelsPath : ""));
        err.flush();
        return ExitCodes.OK;
    }

    private Scenario scenario() {
        try {
            Scenario.Builder b = Scenario.builder()
                    .exercise(exercise)
                    .sensors(sensors)
                    .placement(placement)
                    .mounting(mounting)
                    .preset(preset)
                    .seed(seed)
                    .faults(faults)
                    .timing(timing)
                    .rate(rate)
                    .magnetometer(mag);
            if (variant != null) {
                b.variant(variant);
            }
            if (reps != null) {
                b.reps(reps);
            }
            if (hold != null) {
                b.hold(hold);
            }
            if (duration != null) {
                b.duration(duration);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
