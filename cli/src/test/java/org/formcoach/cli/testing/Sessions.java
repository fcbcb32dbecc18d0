package org.formcoach.cli.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.formcoach.cli.record.RecordingException;
import org.formcoach.cli.record.RecordingInfo;
import org.formcoach.cli.record.SessionRecorder;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.testing.BodyMotion;

/**
 * Hand-built sessions for the recording and report tests: a wearer with one sacral sensor
 * does a plank whose hips sag for a while, stands up, and (after the coach is switched to
 * hinge) does hinge reps, one of which ends arching back.
 */
public final class Sessions {
    /** When the coach is switched from plank to hinge: standing, after the plank. */
    public static final double SWITCH_T = 29.0;
    public static final int HINGE_REPS = 4;
    public static final int ARCHING_REP = 3;

    private Sessions() {
    }

    /** The plank-then-hinge motion, sampled at 100 Hz. */
    public static List<Sample> plankThenHinge() {
        BodyMotion m = BodyMotion.at(100).mounting(BodyMotion.randomMounting(11)).noise(0.1, 0.002, 7)
                .stand(3).move(2.5, 85, 0, 0).hold(8)      // down into the plank, settle, baseline
                .move(3, 93, 0, 0).hold(5).move(2, 85, 0, 0) // the hips sag 8° and come back
                .hold(4).move(1.5, 0, 0, 0).hold(3);       // get up and stand: t = 29 s
        for (int i = 1; i <= HINGE_REPS; i++) {
            m.move(2.2, 65, 0, 0).hold(0.5);
            if (i == ARCHING_REP) {
                m.move(1.3, -9, 0, 0).hold(0.8).move(0.5, 0, 0, 0);
            } else {
                m.move(1.3, 0, 0, 0);
            }
            m.hold(1.5);
        }
        return m.samples(Placement.SACRUM);
    }

    /** A coached session as the live command would run it: the events it emitted. */
    public static List<CoachEvent> coach(List<Sample> samples, CoachSettings settings, Consumer<Sample> perSample,
                                         Consumer<CoachEvent> perEvent) {
        List<CoachEvent> events = new ArrayList<>();
        Coach coach = new Coach(Exercise.PLANK, settings, 100, e -> {
            events.add(e);
            perEvent.accept(e);
        });
        boolean switched = false;
        for (Sample s : samples) {
            if (!switched && s.timeS > SWITCH_T) {
                coach.setExercise(Exercise.HINGE);
                switched = true;
            }
            perSample.accept(s);
            coach.accept(s);
        }
        coach.finish(0);
        return events;
    }

    /** Records the session to {@code trace} (and its events file beside it); returns the events. */
    public static List<CoachEvent> record(Path trace, String device, CoachSettings settings) throws RecordingException {
        List<RecordingException> failures = new ArrayList<>();
        RecordingInfo info = new RecordingInfo(Exercise.PLANK, Instant.parse("2024-05-06T09:30:00Z"), device, 100,
                false, settings);
        try (SessionRecorder recorder = SessionRecorder.start(trace, info, failures::add)) {
            List<Sample> samples = plankThenHinge();
            if (samples.size() > SessionRecorder.DEFAULT_SAMPLE_CAPACITY) {
                throw new IllegalStateException("fed faster than real time, a longer session could overrun the ring");
            }
            return coach(samples, settings, recorder::recordSample, recorder::recordEvent);
        } finally {
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
    }

    public static <T extends CoachEvent> List<T> of(List<CoachEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (CoachEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
