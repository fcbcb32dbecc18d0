package org.formcoach.simulator.timing;

// PLACEHOLDER: replaced by the sensor/timing work
/** Which timing faults to inject. This placeholder knows only "none". */
public record TimingFaultSpec(String text) {
    public static TimingFaultSpec none() {
        return new TimingFaultSpec("none");
    }

    public static TimingFaultSpec parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return none();
        }
        throw new IllegalArgumentException("timing faults are not available yet: '" + spec + "' (use none)");
    }
}
