package org.formcoach.simulator;

import java.util.List;
import java.util.Locale;

import org.formcoach.engine.sample.Placement;
import org.formcoach.simulator.body.Mounting;
import org.formcoach.simulator.exercise.Exercise;
import org.formcoach.simulator.exercise.HingeVariant;
import org.formcoach.simulator.fault.FaultSpec;
import org.formcoach.simulator.fault.FaultType;
import org.formcoach.simulator.sensor.SensorPreset;
import org.formcoach.simulator.timing.TimingFaultSpec;

/**
 * Everything that decides a synthetic trace. Built with {@link #builder()}; every setting
 * has the default of {@code formcoach simulate}, and {@link Builder#build()} checks them
 * all (IllegalArgumentException with a message fit for the command line).
 *
 * <pre>{@code
 * Scenario scenario = Scenario.builder().exercise("hinge").variant("rdl").sensors(2)
 *         .mounting("any").preset(SensorPreset.MPU6050).faults("auto").seed(7).build();
 * GeneratedTrace trace = TraceGenerator.generate(scenario);
 * }</pre>
 */
public final class Scenario {
    public static final int DEFAULT_REPS = 8;
    public static final double DEFAULT_RATE_HZ = 100;
    public static final double DEFAULT_DURATION_S = 30;
    public static final double MIN_RATE_HZ = 10;
    public static final double MAX_RATE_HZ = 1000;

    private final Exercise exercise;
    private final HingeVariant variant;
    private final List<Placement> placements;
    private final Mounting mounting;
    private final SensorPreset preset;
    private final FaultSpec faults;
    private final TimingFaultSpec timing;
    private final String timingText;
    private final long seed;
    private final int reps;
    private final double holdS;
    private final double durationS;
    private final double rateHz;
    private final boolean magnetometer;

    private Scenario(Builder b, HingeVariant variant, List<Placement> placements, FaultSpec faults,
                     TimingFaultSpec timing) {
        this.exercise = b.exercise;
        this.variant = variant;
        this.placements = placements;
        this.mounting = b.mounting;
        this.preset = b.preset;
        this.faults = faults;
        this.timing = timing;
        this.timingText = b.timing.trim();
        this.seed = b.seed;
        this.reps = b.reps;
        this.holdS = b.holdS;
        this.durationS = b.durationS;
        this.rateHz = b.rateHz;
        this.magnetometer = b.magnetometer;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Exercise exercise() {
        return exercise;
    }

    /** The hinge variant for a hinge or a workout; null otherwise. */
    public HingeVariant variant() {
        return variant;
    }

    /** The sensors, in trace order: the lower one first, then the thoracolumbar one if there are two. */
    public List<Placement> placements() {
        return placements;
    }

    public Mounting mounting() {
        return mounting;
    }

    public SensorPreset preset() {
        return preset;
    }

    public FaultSpec faults() {
        return faults;
    }

    public TimingFaultSpec timing() {
        return timing;
    }

    /** The timing spec as given ("none" by default). */
    public String timingText() {
        return timingText;
    }

    public long seed() {
        return seed;
    }

    public int reps() {
        return reps;
    }

    /** The plank hold, s; NaN = drawn at random (25–50 s). */
    public double holdS() {
        return holdS;
    }

    /** How long a standing or walking trace lasts (after the quiet start), s. */
    public double durationS() {
        return durationS;
    }

    public double rateHz() {
        return rateHz;
    }

    public boolean magnetometer() {
        return magnetometer;
    }

    /** A copy with another seed (the evaluator generates many traces of one scenario). */
    public Scenario withSeed(long newSeed) {
        Builder b = toBuilder();
        b.seed = newSeed;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.exercise = exercise;
        b.variant = variant == null ? null : variant.cliName();
        b.sensors = placements.size();
        b.placement = placements.get(0);
        b.mounting = mounting;
        b.preset = preset;
        b.faults = faults.toString();
        b.timing = timingText;
        b.seed = seed;
        b.reps = reps;
        b.holdS = holdS;
        b.durationS = durationS;
        b.rateHz = rateHz;
        b.magnetometer = magnetometer;
        return b;
    }

    @Override
    public String toString() {
        return exercise.cliName() + (variant != null ? "/" + variant.cliName() : "") + " seed " + seed
                + ", " + placements.size() + " sensor" + (placements.size() == 1 ? "" : "s")
                + ", mounting " + mounting.cliName() + ", " + preset.cliName() + ", faults " + faults;
    }

    /** The settings of a scenario, each defaulting as in {@code formcoach simulate}. */
    public static final class Builder {
        private Exercise exercise;
        private String variant;
        private int sensors = 1;
        private Placement placement = Placement.SACRUM;
        private Mounting mounting = Mounting.USUAL;
        private SensorPreset preset = SensorPreset.ICM20948;
        private String faults = "auto";
        private String timing = "none";
        private long seed = 1;
        private int reps = DEFAULT_REPS;
        private double holdS = Double.NaN;
        private double durationS = DEFAULT_DURATION_S;
        private double rateHz = DEFAULT_RATE_HZ;
        private boolean magnetometer;

        private Builder() {
        }

        public Builder exercise(Exercise value) {
            exercise = value;
            return this;
        }

        /** hinge, squat, plank, bird-dog, standing, walking or workout. */
        public Builder exercise(String value) {
            exercise = Exercise.parse(value);
            return this;
        }

        /** deadlift, rdl (default), good-morning or kb-swing; hinge and workout only. */
        public Builder variant(String value) {
            variant = value;
            return this;
        }

        public Builder variant(HingeVariant value) {
            variant = value.cliName();
            return this;
        }

        /** 1 (the lower placement alone) or 2 (thoracolumbar + the lower one). */
        public Builder sensors(int value) {
            sensors = value;
            return this;
        }

        /** "one" or "two" (or "1", "2"). */
        public Builder sensors(String value) {
            sensors = switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "one", "1" -> 1;
                case "two", "2" -> 2;
                default -> throw new IllegalArgumentException("--sensors must be one or two: '" + value + "'");
            };
            return this;
        }

        /** The lower sensor: sacrum (default) or lumbar. */
        public Builder placement(Placement value) {
            placement = value;
            return this;
        }

        public Builder placement(String value) {
            Placement p = Placement.fromTraceName(value.trim());
            if (p == null || !p.isLower()) {
                throw new IllegalArgumentException("--placement must be sacrum or lumbar: '" + value + "'");
            }
            placement = p;
            return this;
        }

        public Builder mounting(Mounting value) {
            mounting = value;
            return this;
        }

        /** usual (default) or any. */
        public Builder mounting(String value) {
            mounting = Mounting.parse(value);
            return this;
        }

        public Builder preset(SensorPreset value) {
            preset = value;
            return this;
        }

        public Builder preset(String value) {
            preset = SensorPreset.parse(value);
            return this;
        }

        /** none, auto (default) or a list such as {@code lumbar_flexion@2+5,lumbar_extension@7}. */
        public Builder faults(String value) {
            faults = value;
            return this;
        }

        /** A timing-fault spec; "none" (default). */
        public Builder timing(String value) {
            timing = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Reps of a hinge, squat or bird-dog set (default 8). */
        public Builder reps(int value) {
            reps = value;
            return this;
        }

        /** Plank hold, s (default: random 25–50 s). */
        public Builder hold(double seconds) {
            holdS = seconds;
            return this;
        }

        /** Length of a standing or walking trace after the quiet start, s (default 30). */
        public Builder duration(double seconds) {
            durationS = seconds;
            return this;
        }

        /** Output rate, Hz (default 100). */
        public Builder rate(double hz) {
            rateHz = hz;
            return this;
        }

        public Builder magnetometer(boolean value) {
            magnetometer = value;
            return this;
        }

        public Scenario build() {
            if (exercise == null) {
                throw new IllegalArgumentException("an exercise is needed (hinge, squat, plank, bird-dog, standing, walking, workout)");
            }
            HingeVariant v = null;
            if (exercise == Exercise.HINGE || exercise == Exercise.WORKOUT) {
                v = variant == null ? HingeVariant.RDL : HingeVariant.parse(variant);
            } else if (variant != null) {
                throw new IllegalArgumentException("--variant applies to hinge (and workout) only, not " + exercise.cliName());
            }
            if (sensors != 1 && sensors != 2) {
                throw new IllegalArgumentException("sensors must be 1 or 2: " + sensors);
            }
            if (placement == null || !placement.isLower()) {
                throw new IllegalArgumentException("the placement must be sacrum or lumbar");
            }
            List<Placement> placements = sensors == 1 ? List.of(placement) : List.of(placement, Placement.THORACOLUMBAR);
            if (mounting == null || preset == null) {
                throw new IllegalArgumentException("mounting and preset must be set");
            }
            if (reps < 1 || reps > 200) {
                throw new IllegalArgumentException("--reps must be 1..200: " + reps);
            }
            if (!Double.isNaN(holdS) && !(holdS >= 5 && holdS <= 600)) {
                throw new IllegalArgumentException("--hold must be 5..600 s: " + holdS);
            }
            if (!(durationS >= 10 && durationS <= 3600)) {
                throw new IllegalArgumentException("--duration must be 10..3600 s: " + durationS);
            }
            if (!(rateHz >= MIN_RATE_HZ && rateHz <= MAX_RATE_HZ)) {
                throw new IllegalArgumentException("--rate must be " + (int) MIN_RATE_HZ + ".." + (int) MAX_RATE_HZ
                        + " Hz: " + rateHz);
            }
            FaultSpec spec = FaultSpec.parse(faults, exercise.faults(), exercise.cliName());
            checkRepNumbers(spec);
            TimingFaultSpec timingSpec = TimingFaultSpec.parse(timing);
            return new Scenario(this, v, placements, spec, timingSpec);
        }

        /** Listed rep numbers must exist in the set they belong to (a plank has one hold). */
        private void checkRepNumbers(FaultSpec spec) {
            for (var e : spec.listed().entrySet()) {
                boolean hold = e.getKey() == FaultType.HIP_SAG || e.getKey() == FaultType.HIP_PIKE;
                int count = hold ? 1 : reps;
                for (int rep : e.getValue()) {
                    if (rep > count) {
                        throw new IllegalArgumentException(e.getKey().contractName() + "@" + rep + ": there "
                                + (hold ? "is only 1 plank hold" : "are only " + reps + " reps")
                                + (hold ? "" : " (set --reps)"));
                    }
                }
            }
        }
    }
}
