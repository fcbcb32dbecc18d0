package org.formcoach.simulator.labels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.formcoach.simulator.body.UnitQuaternion;

/**
 * The ground truth of a synthetic trace, as written beside it in {@code NAME.labels.json}
 * ({@code docs/simulator.md} gives the schema). Every time is in the trace's own time
 * axis (the device clock), seconds.
 *
 * @param mountingRotations per sensor, the rotation of the sensor frame relative to the
 *                          back-mounted segment frame (x cranial, y left, z dorsal):
 *                          {@code v_segment = q ⊗ v_sensor ⊗ q*}
 * @param variant           the hinge variant, null for other exercises
 * @param faultsSpec        what {@code --faults} asked for
 * @param timingSpec        what {@code --timing} asked for
 */
public record Labels(int formatVersion, String generator, long seed, String exercise, String variant,
                     List<String> sensors, String mounting, Map<String, UnitQuaternion> mountingRotations,
                     String preset, double rateHz, boolean magnetometer, String faultsSpec, String timingSpec,
                     double durationS, Calibration calibration, List<Segment> segments, List<Rep> reps,
                     List<Fault> faults, List<Hold> holds, List<TimingFault> timingFaults) {

    public static final int FORMAT_VERSION = 1;
    public static final String GENERATOR = "formcoach-simulator 0.1";

    public Labels {
        sensors = List.copyOf(sensors);
        mountingRotations = Map.copyOf(mountingRotations);
        segments = List.copyOf(segments);
        reps = List.copyOf(reps);
        faults = List.copyOf(faults);
        holds = List.copyOf(holds);
        timingFaults = List.copyOf(timingFaults);
    }

    /**
     * The still upright start the engine calibrates from.
     *
     * @param firstForwardMovement null when the wearer never moves forward (quiet standing)
     */
    public record Calibration(double quietStart, double quietEnd, Double firstForwardMovement) {
    }

    /** A stretch of one exercise (or of standing or walking between sets). */
    public record Segment(String exercise, double start, double end) {
    }

    /**
     * One repetition: starts when the movement leaves the rest position, ends when it is
     * back (after any fault has recovered).
     *
     * @param side                 bird-dog: the lifted arm, {@code left} or {@code right}; null otherwise
     * @param peakInclinationDeg   the largest pelvic (sacral segment) inclination in the rep,
     *                             from standing neutral
     * @param peakLumbarFlexionDeg the largest lumbar flexion λ (thoracolumbar relative to pelvis)
     */
    public record Rep(int rep, String exercise, double start, double end, String side, List<String> faults,
                      double peakInclinationDeg, double peakLumbarFlexionDeg) {
        public Rep {
            faults = List.copyOf(faults);
        }
    }

    /**
     * One injected fault.
     *
     * @param rep           the rep it belongs to (plank: the hold, 1)
     * @param halfPeak      when the fault first passes half its peak (detection latency is measured from here)
     * @param peakDeg       its size in {@code angle}, positive
     * @param angle         the model angle: {@code lumbar_flexion}, {@code lumbar_extension} (−λ),
     *                      {@code pelvic_inclination}, {@code pelvic_roll}, {@code pelvic_yaw}
     * @param pelvisTiltDeg the change of pelvic inclination at the peak, forward positive
     *                      (what one sacral sensor sees in the sagittal plane)
     * @param heightCm      plank: hips down (+) or up (−) at the peak; null otherwise
     */
    public record Fault(String fault, String exercise, int rep, double onset, double halfPeak, double peak,
                        double end, double peakDeg, String angle, double pelvisTiltDeg, Double heightCm) {
    }

    /** The steady part of a static hold (plank hold; bird-dog limbs up). */
    public record Hold(String exercise, int rep, double start, double end) {
        public double durationS() {
            return end - start;
        }
    }

    /** A timing fault the device stream was given. */
    public record TimingFault(String kind, double start, double end, int samples) {
    }

    /** Reads a labels file. */
    public static Labels read(Path path) throws IOException {
        return LabelsReader.read(path);
    }

    /** Writes this to a file (replacing it). */
    public void write(Path path) throws IOException {
        LabelsWriter.write(this, path);
    }

    /** Where the labels of a trace live: {@code x.csv} or {@code x.csv.gz} → {@code x.labels.json}. */
    public static Path pathFor(Path trace) {
        String name = trace.getFileName().toString();
        String base = name;
        if (base.endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        if (base.endsWith(".csv")) {
            base = base.substring(0, base.length() - 4);
        }
        return trace.resolveSibling(base + ".labels.json");
    }
}
