package org.formcoach.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.formcoach.simulator.Scenario;
import org.formcoach.simulator.exercise.Exercise;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void shouldRejectAFaultOfAnotherExerciseListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().exercise("plank").faults("lumbar_flexion@2").build());
        assertTrue(e.getMessage().contains("hip_sag") && e.getMessage().contains("hip_pike"), e.getMessage());
        assertTrue(e.getMessage().contains("lumbar_flexion"), "names the bad fault: " + e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownFaultName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().exercise("hinge").faults("wobble").build());
        assertTrue(e.getMessage().contains("lumbar_extension"), e.getMessage());
    }

    @Test
    void shouldRejectARepPastTheEndOfTheSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().exercise("hinge").reps(6).faults("lumbar_flexion@7").build());
        assertTrue(e.getMessage().contains("6"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().exercise("plank").faults("hip_sag@2").build());
    }

    @Test
    void shouldRejectBadRepNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().exercise("hinge").faults("lumbar_flexion@0").build());
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().exercise("hinge").faults("lumbar_flexion@x").build());
    }

    @Test
    void shouldRejectAnyFaultForAnExerciseWithoutFaults() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().exercise("walking").faults("hip_sag").build());
        assertTrue(e.getMessage().contains("no faults"), e.getMessage());
    }

    @Test
    void shouldPutListedFaultsOnTheListedReps() {
        FaultSpec spec = FaultSpec.parse("lumbar_flexion@2+5,lumbar_extension@5", Exercise.HINGE.faults(), "hinge");
        List<List<FaultType>> plan = new FaultPlanner(spec, new SplittableRandom(1))
                .assign(Exercise.HINGE.faults(), 8, false, "hinge");
        for (int i = 0; i < 8; i++) {
            List<FaultType> expected = switch (i + 1) {
                case 2 -> List.of(FaultType.LUMBAR_FLEXION);
                case 5 -> List.of(FaultType.LUMBAR_FLEXION, FaultType.LUMBAR_EXTENSION);
                default -> List.of();
            };
            assertEquals(expected, plan.get(i), "rep " + (i + 1));
        }
    }

    @Test
    void shouldPutABareFaultNameIntoAboutAThirdOfTheReps() {
        FaultSpec spec = FaultSpec.parse("lumbar_extension", Exercise.HINGE.faults(), "hinge");
        List<List<FaultType>> plan = new FaultPlanner(spec, new SplittableRandom(2))
                .assign(Exercise.HINGE.faults(), 9, false, "hinge");
        assertEquals(3, plan.stream().filter(r -> r.contains(FaultType.LUMBAR_EXTENSION)).count());
        List<List<FaultType>> one = new FaultPlanner(spec, new SplittableRandom(2)).assign(Exercise.HINGE.faults(), 1, false, "hinge");
        assertEquals(List.of(FaultType.LUMBAR_EXTENSION), one.get(0), "at least one rep");
    }

    @Test
    void shouldMakeAboutAThirdOfRepsFaultyInAuto() {
        FaultPlanner planner = new FaultPlanner(FaultSpec.auto(), new SplittableRandom(3));
        Set<FaultType> allowed = Exercise.SQUAT.faults();
        int faulty = 0;
        int reps = 0;
        for (int set = 0; set < 200; set++) {
            for (List<FaultType> rep : planner.assign(allowed, 8, false, "squat")) {
                reps++;
                if (!rep.isEmpty()) {
                    faulty++;
                    assertTrue(allowed.containsAll(rep));
                }
            }
        }
        double share = (double) faulty / reps;
        assertEquals(1.0 / 3, share, 0.04, "auto share " + share);
    }

    @Test
    void shouldAssignNothingForNone() {
        List<List<FaultType>> plan = new FaultPlanner(FaultSpec.none(), new SplittableRandom(4))
                .assign(Exercise.BIRD_DOG.faults(), 8, false, "bird-dog");
        assertTrue(plan.stream().allMatch(List::isEmpty));
    }

    @Test
    void shouldPrintTheSpecItParsed() {
        assertEquals("lumbar_flexion@2+5,lumbar_extension@7",
                FaultSpec.parse("lumbar_flexion@5+2, lumbar_extension@7", Exercise.HINGE.faults(), "hinge").toString());
    }
}
