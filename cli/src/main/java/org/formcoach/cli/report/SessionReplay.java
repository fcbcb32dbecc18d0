package org.formcoach.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.formcoach.cli.io.TraceInput;
import org.formcoach.cli.terminal.ProgressBar;
import org.formcoach.engine.coach.Coach;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.CoachSettings;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceReader;

/**
 * Replays a recorded trace through a {@link Coach} to recover what the events alone do not
 * hold: the posture angles and every fault rule's value over time. The exercise changes
 * at the given times (the recorded {@code exercise} events), exactly where the live coach
 * changed it, so each stretch is replayed with the right detector.
 */
final class SessionReplay {
    /** The wearer moved on to {@code exercise} after trace time {@code t}. */
    record Switch(double t, Exercise exercise) {
    }

    /**
     * @param events   what the replayed coach said
     * @param sections one per stretch: the initial exercise, then one per switch, in order
     */
    record Result(List<CoachEvent> events, List<SectionTrace> sections, Set<Placement> sensors, double firstT,
                  double lastT, long samples, long badRows, String badRowReport, long rejected, String cutShort) {
    }

    private SessionReplay() {
    }

    static Result run(TraceInput input, Exercise initial, List<Switch> switches, CoachSettings settings,
                      double rateHz, ProgressBar progress) throws IOException {
        TraceReader reader = input.reader();
        List<CoachEvent> events = new ArrayList<>();
        List<SectionTrace> sections = new ArrayList<>();
        Coach coach = new Coach(initial, settings, rateHz, events::add);
        SectionTracer tracer = new SectionTracer(initial, Double.NaN);
        int nextSwitch = 0;
        int sensorMask = 0;
        double first = Double.NaN;
        double lastStep = Double.NaN;
        Sample s = new Sample();
        long n = 0;
        progress.start(input.size());
        while (reader.next(s)) {
            if (Double.isNaN(first)) {
                first = s.timeS;
            }
            while (nextSwitch < switches.size() && s.timeS > switches.get(nextSwitch).t()) {
                Switch next = switches.get(nextSwitch++);
                sections.add(tracer.finish(next.t()));
                coach.setExercise(next.exercise());
                tracer = new SectionTracer(next.exercise(), next.t());
            }
            coach.accept(s);
            sensorMask |= 1 << s.sensor;
            // With two sensors, rows of one instant arrive together: read the rules once per instant.
            if (!(s.timeS <= lastStep)) {
                tracer.onStep(coach, s.timeS);
                lastStep = s.timeS;
            }
            if ((++n & 1023) == 0) {
                progress.update(input.bytesRead());
            }
        }
        progress.finish();
        double last = Double.isNaN(lastStep) ? 0 : lastStep;
        // Switches recorded after the last sample that survived (a cut-off file) still make their stretch.
        while (nextSwitch < switches.size()) {
            Switch next = switches.get(nextSwitch++);
            sections.add(tracer.finish(Math.max(last, next.t())));
            coach.setExercise(next.exercise());
            tracer = new SectionTracer(next.exercise(), next.t());
        }
        coach.finish(reader.badRows());
        sections.add(tracer.finish(last));
        Set<Placement> sensors = EnumSet.noneOf(Placement.class);
        for (Placement p : Placement.values()) {
            if ((sensorMask & (1 << p.ordinal())) != 0) {
                sensors.add(p);
            }
        }
        return new Result(events, sections, sensors, Double.isNaN(first) ? 0 : first, last, reader.rows(),
                reader.badRows(), reader.badRows() > 0 ? reader.badRowReport() : null, coach.rejectedSamples(),
                input.cutShort());
    }
}
