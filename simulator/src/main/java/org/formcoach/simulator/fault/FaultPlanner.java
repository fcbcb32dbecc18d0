package org.formcoach.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Decides which reps (or holds) of a set get which faults, from the {@link FaultSpec} and
 * the faults' own random stream, so that the body's movement never depends on the faults:
 * the same seed with and without faults gives the same reps, and the difference is the
 * faults alone.
 */
public final class FaultPlanner {
    /** Share of faulty reps in {@code auto}. */
    static final double AUTO_REP_SHARE = 1.0 / 3;
    /** Share of faulty plank holds in {@code auto} (a set has only one). */
    static final double AUTO_HOLD_SHARE = 0.5;
    /** Chance that an auto-faulty rep has a second, different fault. */
    static final double AUTO_SECOND_FAULT = 0.15;

    private final FaultSpec spec;
    private final SplittableRandom rng;

    public FaultPlanner(FaultSpec spec, SplittableRandom rng) {
        this.spec = spec;
        this.rng = rng;
    }

    /**
     * The faults of each rep of a set (index 0 = rep 1).
     *
     * @param allowed the exercise's faults
     * @param count   reps (or holds) in the set
     * @param holds   whether the set is of holds (plank), which changes the auto share and
     *                forbids two faults at once in auto
     */
    public List<List<FaultType>> assign(Set<FaultType> allowed, int count, boolean holds, String exerciseName) {
        List<List<FaultType>> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(new ArrayList<>(2));
        }
        List<FaultType> choices = List.copyOf(allowed);
        switch (spec.mode()) {
            case NONE -> {
            }
            case AUTO -> {
                if (choices.isEmpty()) {
                    break;
                }
                double share = holds ? AUTO_HOLD_SHARE : AUTO_REP_SHARE;
                for (List<FaultType> rep : result) {
                    if (rng.nextDouble() < share) {
                        FaultType first = choices.get(rng.nextInt(choices.size()));
                        rep.add(first);
                        if (!holds && choices.size() > 1 && rng.nextDouble() < AUTO_SECOND_FAULT) {
                            FaultType second = choices.get(rng.nextInt(choices.size()));
                            if (second != first) {
                                rep.add(second);
                            }
                        }
                    }
                }
            }
            case LISTED -> {
                for (Map.Entry<FaultType, Set<Integer>> e : spec.listed().entrySet()) {
                    if (!allowed.contains(e.getKey())) {
                        continue; // belongs to another exercise of a workout
                    }
                    if (e.getValue().isEmpty()) {
                        int faulty = Math.max(1, (int) Math.round(count * AUTO_REP_SHARE));
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            order.add(i);
                        }
                        for (int i = 0; i < faulty; i++) {
                            int pick = i + rng.nextInt(count - i);
                            Integer tmp = order.get(i);
                            order.set(i, order.get(pick));
                            order.set(pick, tmp);
                            result.get(order.get(i)).add(e.getKey());
                        }
                    } else {
                        for (int rep : e.getValue()) {
                            if (rep > count) {
                                throw new IllegalArgumentException(e.getKey().contractName() + "@" + rep + ": the "
                                        + exerciseName + " set has only " + count + (holds ? " hold" : " rep")
                                        + (count == 1 ? "" : "s"));
                            }
                            result.get(rep - 1).add(e.getKey());
                        }
                    }
                }
                // Keep a stable order inside a rep whatever the order on the command line.
                for (List<FaultType> rep : result) {
                    rep.sort(null);
                }
            }
        }
        return result;
    }
}
