package org.formcoach.cli.demo;

import java.util.List;

import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.bridge.live.SampleTap;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.sample.Sample;

/**
 * A guided workout: the plan says which exercise comes when, so the coach is switched at
 * the planned device time (an {@code exercise} event follows) and the next exercise is
 * announced a few seconds before. Runs in the engine as a {@link SampleTap}, before
 * the coach sees the sample, so the switch happens at the same sample however fast the
 * trace is played. With a loop period the plan repeats on the device clock.
 */
public final class GuidedWorkout implements SampleTap {
    /** How long before a switch the next exercise is announced, device seconds. */
    static final double ANNOUNCE_AHEAD_S = 3;

    private final List<DemoWorkout.Segment> segments;
    private final double period;
    private final Announcer announcer;
    private volatile double origin = Double.NaN;
    private long announcedLoop = -1;
    private int announcedSegment = -1;

    /**
     * @param period    device seconds after which the plan starts again; infinite for no loop
     * @param announcer says "next: plank…"; called by the engine
     */
    public GuidedWorkout(List<DemoWorkout.Segment> segments, double period, Announcer announcer) {
        this.segments = List.copyOf(segments);
        this.period = period;
        this.announcer = announcer;
    }

    @Override
    public void beforeCoach(CoachedDevice device, Sample sample) {
        if (Double.isNaN(origin)) {
            origin = sample.timeS;
        }
        double since = sample.timeS - origin;
        long loop = Double.isInfinite(period) ? 0 : (long) Math.floor(since / period);
        double planTime = loop == 0 ? since : since - loop * period;
        int current = segmentAt(planTime);
        Coach coach = device.coach();
        if (coach.exercise() != segments.get(current).exercise()) {
            coach.setExercise(segments.get(current).exercise());
        }
        int next = current + 1;
        if (next < segments.size() && planTime >= segments.get(next).start() - ANNOUNCE_AHEAD_S
                && (announcedLoop != loop || announcedSegment != next)) {
            announcedLoop = loop;
            announcedSegment = next;
            DemoWorkout.Segment s = segments.get(next);
            announcer.announce(device.id(), sample.timeS, "next: " + s.exercise().cliName() + " (" + s.plan() + ") — " + s.cue());
        }
    }

    /** Where announcements go (the view and the dashboard). */
    @FunctionalInterface
    public interface Announcer {
        void announce(String device, double t, String text);
    }

    private int segmentAt(double planTime) {
        int i = 0;
        while (i + 1 < segments.size() && planTime >= segments.get(i + 1).start()) {
            i++;
        }
        return i;
    }

    /** The segment the plan is in at device time {@code t} (for headers); 0 before the first sample. */
    public int segmentAtDeviceTime(double t) {
        if (Double.isNaN(origin) || Double.isNaN(t)) {
            return 0;
        }
        double since = t - origin;
        double planTime = Double.isInfinite(period) ? since : since - Math.floor(since / period) * period;
        return segmentAt(planTime);
    }
}
