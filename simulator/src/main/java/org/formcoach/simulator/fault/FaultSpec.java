package org.formcoach.simulator.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code --faults} asks for:
 * <ul>
 *   <li>{@code none}: a clean trace;</li>
 *   <li>{@code auto}: a realistic random mix, about a third of the reps (half of the plank
 *       holds) faulty, each with one of the exercise's faults;</li>
 *   <li>{@code lumbar_flexion@2+5,lumbar_extension@7}: those faults at those reps (for a
 *       plank, at those holds: {@code hip_sag@1}); a name without {@code @} puts that fault
 *       into a random third of the reps, at least one.</li>
 * </ul>
 */
public final class FaultSpec {
    public enum Mode { NONE, AUTO, LISTED }

    private final Mode mode;
    /** Listed faults → the reps asked for (empty set = "some random reps"). */
    private final Map<FaultType, Set<Integer>> listed;

    private FaultSpec(Mode mode, Map<FaultType, Set<Integer>> listed) {
        this.mode = mode;
        this.listed = listed;
    }

    public static FaultSpec none() {
        return new FaultSpec(Mode.NONE, Map.of());
    }

    public static FaultSpec auto() {
        return new FaultSpec(Mode.AUTO, Map.of());
    }

    /**
     * Parses the text of {@code --faults}. Names are checked against the faults that can
     * happen in {@code allowed} (the exercise's), with a message listing them.
     *
     * @throws IllegalArgumentException on unknown names, bad rep numbers or bad syntax
     */
    public static FaultSpec parse(String text, Set<FaultType> allowed, String exerciseName) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("--faults needs none, auto or a list such as lumbar_flexion@2+5");
        }
        if (t.equalsIgnoreCase("none")) {
            return none();
        }
        if (t.equalsIgnoreCase("auto")) {
            return auto();
        }
        Map<FaultType, Set<Integer>> listed = new EnumMap<>(FaultType.class);
        for (String item : t.split(",")) {
            String it = item.trim();
            if (it.isEmpty()) {
                continue;
            }
            int at = it.indexOf('@');
            String name = at < 0 ? it : it.substring(0, at);
            FaultType type = FaultType.fromContractName(name);
            if (type == null || !allowed.contains(type)) {
                throw new IllegalArgumentException("unknown fault '" + name.trim() + "' for " + exerciseName
                        + " (valid: " + describe(allowed) + ")");
            }
            Set<Integer> reps = listed.computeIfAbsent(type, k -> new TreeSet<>());
            if (at >= 0) {
                for (String number : it.substring(at + 1).split("\\+")) {
                    try {
                        int rep = Integer.parseInt(number.trim());
                        if (rep < 1) {
                            throw new NumberFormatException();
                        }
                        reps.add(rep);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad rep number '" + number.trim() + "' in '" + it
                                + "' (reps count from 1, e.g. lumbar_flexion@2+5)");
                    }
                }
            }
        }
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("--faults lists no faults: '" + text + "'");
        }
        return new FaultSpec(Mode.LISTED, Collections.unmodifiableMap(listed));
    }

    /** The valid names, or "(none)". */
    public static String describe(Set<FaultType> allowed) {
        if (allowed.isEmpty()) {
            return "none: this exercise has no faults";
        }
        return "none, auto, " + allowed.stream().map(FaultType::contractName).collect(Collectors.joining(", "));
    }

    public Mode mode() {
        return mode;
    }

    public Map<FaultType, Set<Integer>> listed() {
        return listed;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case NONE -> "none";
            case AUTO -> "auto";
            case LISTED -> listed.entrySet().stream()
                    .map(e -> e.getKey().contractName() + (e.getValue().isEmpty() ? ""
                            : "@" + e.getValue().stream().map(String::valueOf).collect(Collectors.joining("+"))))
                    .collect(Collectors.joining(","));
        };
    }
}
