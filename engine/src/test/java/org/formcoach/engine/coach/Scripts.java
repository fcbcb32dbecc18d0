package org.formcoach.engine.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;

/** Hand-built exercise scripts for detector tests, and a way to run them through a coach. */
final class Scripts {
    private Scripts() {
    }

    static BodyMotion plank(double[] mounting, double faultInclination) {
        BodyMotion m = BodyMotion.at(100).mounting(mounting).noise(0.1, 0.002, 1).stand(3).move(2.5, 85, 0, 0).hold(8);
        if (!Double.isNaN(faultInclination)) {
            m.move(3, faultInclination, 0, 0).hold(5).move(2, 85, 0, 0);
        }
        return m.hold(4).move(1.5, 0, 0, 0).hold(2);
    }

    /** Bird-dog reps alternating sides with a 2° roll; rep {@code faultRep} (1-based) gets the given roll/heading. */
    static BodyMotion birdDog(double[] mounting, int reps, int faultRep, double faultRoll, double faultHeading) {
        BodyMotion m = BodyMotion.at(100).mounting(mounting).noise(0.1, 0.002, 1).stand(3).move(2.5, 88, 0, 0).hold(3);
        for (int i = 1; i <= reps; i++) {
            double roll = i % 2 == 1 ? 2 : -2;
            double heading = 0;
            if (i == faultRep) {
                roll = Math.signum(roll) * faultRoll;
                heading = faultHeading;
            }
            m.move(1.0, 88, roll, heading).hold(8).move(1.0, 88, 0, 0).hold(3);
        }
        return m;
    }

    /** Hinge reps to 65°; {@code extensionRep} (1-based) ends leaning back to {@code extensionDeg}. */
    static BodyMotion hinge(double[] mounting, int reps, int extensionRep, double extensionDeg) {
        BodyMotion m = BodyMotion.at(100).mounting(mounting).noise(0.1, 0.002, 1).stand(3);
        for (int i = 1; i <= reps; i++) {
            m.move(2.2, 65, 0, 0).hold(0.5);
            if (i == extensionRep) {
                m.move(1.3, -extensionDeg, 0, 0).hold(0.8).move(0.5, 0, 0, 0);
            } else {
                m.move(1.3, 0, 0, 0);
            }
            m.hold(1.5);
        }
        return m;
    }

    static List<Sample> interleave(List<Sample> a, List<Sample> b) {
        List<Sample> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        all.sort(Comparator.comparingDouble((Sample s) -> s.timeS).thenComparingInt(s -> s.sensor));
        return all;
    }

    static List<CoachEvent> run(Exercise exercise, List<Sample> samples) {
        return run(exercise, CoachSettings.defaults(), samples);
    }

    static List<CoachEvent> run(Exercise exercise, CoachSettings settings, List<Sample> samples) {
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(exercise, settings, 100, events::add);
        for (Sample s : samples) {
            coach.accept(s);
        }
        coach.finish(0);
        return events;
    }

    static List<CoachEvent> run(Exercise exercise, BodyMotion motion) {
        return run(exercise, motion.samples(Placement.SACRUM));
    }

    static <T extends CoachEvent> List<T> of(List<CoachEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (CoachEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    static List<CoachEvent.Alert> alerts(List<CoachEvent> events, Fault fault) {
        List<CoachEvent.Alert> out = new ArrayList<>();
        for (CoachEvent.Alert a : of(events, CoachEvent.Alert.class)) {
            if (a.fault() == fault) {
                out.add(a);
            }
        }
        return out;
    }
}
