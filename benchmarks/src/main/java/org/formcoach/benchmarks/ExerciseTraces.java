package org.formcoach.benchmarks;

import java.util.List;

import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;

/**
 * The clean, one-sensor (sacrum) traces the per-sample benchmarks loop over: calibration
 * (stand, first forward movement) and then the exercise's phases — reps for hinges and
 * squats, a long hold for the plank, alternating reaches for the bird-dog — with no fault,
 * so the loop emits no alert (events allocate by design; samples must not).
 */
final class ExerciseTraces {
    private ExerciseTraces() {
    }

    static List<Sample> clean(Exercise exercise) {
        BodyMotion motion = BodyMotion.at(100).mounting(BodyMotion.randomMounting(7)).noise(0.1, 0.002, 1).stand(3);
        switch (exercise) {
            case HINGE, SQUAT -> {
                double depth = exercise == Exercise.HINGE ? 65 : 40;
                for (int i = 0; i < 10; i++) {
                    motion.move(2.2, depth, 0, 0).hold(0.5).move(1.3, 0, 0, 0).hold(1.5);
                }
            }
            case PLANK -> motion.move(2.5, 85, 0, 0).hold(60).move(1.5, 0, 0, 0).hold(2);
            case BIRD_DOG -> {
                motion.move(2.5, 88, 0, 0).hold(3);
                for (int i = 0; i < 6; i++) {
                    motion.move(1.0, 88, i % 2 == 0 ? 2 : -2, 0).hold(8).move(1.0, 88, 0, 0).hold(3);
                }
            }
        }
        return motion.samples(Placement.SACRUM);
    }
}
