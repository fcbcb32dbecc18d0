package org.formcoach.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.GeneratedTrace;
import org.formcoach.simulator.Scenario;
import org.formcoach.simulator.TraceGenerator;
import org.formcoach.simulator.labels.Labels;
import org.formcoach.simulator.sensor.SensorPreset;

/**
 * The demo's scripted workout, made with the simulator: a short Romanian-deadlift set with
 * a rounded rep, a plank whose hips sag near the end, and bird-dogs with one rep in which
 * the pelvis rotates. One wearer, one sacral sensor (ICM-20948 error model), 100 Hz.
 *
 * <p>Each part is simulated on its own (same seed, so the same wearer, mounting and sensor),
 * cut to its movement with a little standing either side, and joined where the wearer
 * stands still, on one continuous device clock. The faults are chosen explicitly so every
 * part has something to alert on; with the default seed each is detected: both rounded
 * deadlifts (reps 2 and 3), the plank's sag, the bird-dog's rotation. With one sacral
 * sensor rounding is the hardest fault to see (docs/accuracy.md): with many other seeds
 * only one of the two rounded reps alerts, so the default was chosen to show both.
 */
public final class DemoWorkout {
    public static final long DEFAULT_SEED = 5;
    public static final double RATE_HZ = 100;
    /** Standing kept before a later part's first movement, s. */
    private static final double LEAD_S = 1.0;
    /** Kept after a part's last movement so its last rep or hold is reported, s. */
    private static final double TAIL_S = 1.5;
    private static final double PLANK_HOLD_S = 15;

    /** One part of the workout on the demo's clock. */
    public record Segment(Exercise exercise, double start, double end, String plan, String cue) {
        public double duration() {
            return end - start;
        }
    }

    private final List<Sample> samples;
    private final List<Segment> segments;
    private final long seed;

    private DemoWorkout(List<Sample> samples, List<Segment> segments, long seed) {
        this.samples = samples;
        this.segments = segments;
        this.seed = seed;
    }

    /**
     * The demo's workout for a seed ({@link #DEFAULT_SEED} by default).
     *
     * @param loopable end standing, as it started, so the workout can be played again on the
     *                 same clock ({@code --loop}); otherwise it ends on all fours once the last
     *                 bird-dog rep is done
     */
    public static DemoWorkout generate(long seed, boolean loopable) {
        Part[] parts = {
                new Part(Exercise.HINGE, Scenario.builder().exercise("hinge").variant("rdl").reps(3)
                        .faults("lumbar_flexion@2+3"), "3 Romanian deadlifts",
                        "hinge at the hips, back flat: stand tall, push the hips back, bar along the legs"),
                new Part(Exercise.PLANK, Scenario.builder().exercise("plank").hold(PLANK_HOLD_S).faults("hip_sag@1"),
                        "a " + (int) PLANK_HOLD_S + " s plank", "down onto your forearms, body in one straight line, hold"),
                new Part(Exercise.BIRD_DOG, Scenario.builder().exercise("bird-dog").reps(2)
                        .faults("trunk_rotation@2"), "2 bird-dogs",
                        "on hands and knees: reach one arm and the opposite leg out, hips level, hold")};
        List<Sample> out = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        double offset = 0;
        for (int k = 0; k < parts.length; k++) {
            Part p = parts[k];
            GeneratedTrace trace = TraceGenerator.generate(p.scenario.preset(SensorPreset.ICM20948).rate(RATE_HZ)
                    .seed(seed).build());
            Labels.Segment seg = trace.labels().segments().stream()
                    .filter(s -> s.exercise().equals(p.exercise.cliName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the simulator labelled no " + p.exercise.cliName()));
            // The first part keeps its whole quiet start: the coach calibrates on it.
            double from = k == 0 ? Double.NEGATIVE_INFINITY : seg.start() - LEAD_S;
            double to = seg.end() + TAIL_S;
            if (k == parts.length - 1 && !loopable) {
                to = lastRepEnd(trace.labels(), p.exercise) + TAIL_S;
            }
            double first = Double.NaN;
            double segStart = out.isEmpty() ? 0 : offset;
            for (Sample s : trace.samples()) {
                if (s.timeS < from || s.timeS > to) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = s.timeS;
                }
                Sample copy = new Sample();
                copy.copyFrom(s);
                copy.timeS = offset + (s.timeS - first);
                out.add(copy);
            }
            double end = out.get(out.size() - 1).timeS;
            segments.add(new Segment(p.exercise, segStart, end, p.plan, p.cue));
            offset = end + 1 / RATE_HZ;
        }
        return new DemoWorkout(List.copyOf(out), List.copyOf(segments), seed);
    }

    private static double lastRepEnd(Labels labels, Exercise exercise) {
        return labels.reps().stream().filter(r -> r.exercise().equals(exercise.cliName()))
                .mapToDouble(Labels.Rep::end).max().orElseThrow();
    }

    private record Part(Exercise exercise, Scenario.Builder scenario, String plan, String cue) {
    }

    /** Every sample, on the demo's clock (0 at the first), in order. */
    public List<Sample> samples() {
        return samples;
    }

    public List<Segment> segments() {
        return segments;
    }

    public long seed() {
        return seed;
    }

    /** Device seconds from the first sample to one sample period after the last (one loop of {@code --loop}). */
    public double period() {
        return samples.get(samples.size() - 1).timeS - samples.get(0).timeS + 1 / RATE_HZ;
    }

    /** "hinge ▸ plank ▸ bird-dog" */
    public String outline(String arrow) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            if (b.length() > 0) {
                b.append(arrow);
            }
            b.append(s.exercise().cliName());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            if (b.length() > 0) {
                b.append(", then ");
            }
            b.append(s.plan()).append(String.format(Locale.ROOT, " (%.0f s)", s.duration()));
        }
        return b.toString();
    }
}
