package org.formcoach.cli.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;
import org.formcoach.engine.sample.Placement;

/**
 * Turns a session's events (recorded or replayed) and, when there is a trace, the replay's
 * measurements into a {@link SessionReport}: one section per stretch of one exercise,
 * alerts paired with their clears, time in alert and time over threshold per fault.
 */
final class SessionAssembler {
    /** A section this short with nothing in it is the moment of an exercise switch, not a stretch worth a section. */
    private static final double EMPTY_SECTION_S = 1.0;
    /** Events alone: a first event this early means the clock started with the session. */
    private static final double CLOCK_FROM_ZERO_S = 60;

    private SessionAssembler() {
    }

    /** What the report is made from. {@code replay}, {@code recorded} and {@code device} may be null. */
    record Input(String source, List<CoachEvent> events, String eventsOrigin, Exercise initial,
                 SessionReplay.Result replay, String recorded, String device, List<String> notes) {
    }

    /** The exercise switches in the events, in order. */
    static List<SessionReplay.Switch> switches(List<CoachEvent> events) {
        List<SessionReplay.Switch> out = new ArrayList<>();
        for (CoachEvent e : events) {
            if (e instanceof CoachEvent.ExerciseStarted x) {
                out.add(new SessionReplay.Switch(x.t(), x.exercise()));
            }
        }
        return out;
    }

    /** The exercise the events start with: the first one an event names before any switch; null if none does. */
    static Exercise firstExercise(List<CoachEvent> events) {
        for (CoachEvent e : events) {
            Exercise x = exerciseOf(e);
            if (x != null) {
                return x;
            }
        }
        return null;
    }

    private static Exercise exerciseOf(CoachEvent e) {
        if (e instanceof CoachEvent.Rep r) {
            return r.exercise();
        } else if (e instanceof CoachEvent.Alert a) {
            return a.exercise();
        } else if (e instanceof CoachEvent.Clear c) {
            return c.exercise();
        } else if (e instanceof CoachEvent.Hold h) {
            return h.exercise();
        } else if (e instanceof CoachEvent.ExerciseStarted x) {
            return x.exercise();
        }
        return null;
    }

    static SessionReport assemble(Input in) {
        SessionReplay.Result replay = in.replay();
        List<CoachEvent> events = in.events();
        double start;
        double end;
        if (replay != null) {
            start = replay.firstT();
            end = replay.lastT();
        } else {
            start = Double.POSITIVE_INFINITY;
            end = Double.NEGATIVE_INFINITY;
            for (CoachEvent e : events) {
                start = Math.min(start, e instanceof CoachEvent.Rep r ? r.start()
                        : e instanceof CoachEvent.Hold h ? h.start() : e.t());
                end = Math.max(end, e.t());
            }
            if (start > end) {
                start = 0;
                end = 0;
            }
            // The events do not say when the first sample came; calibration takes a few seconds of standing
            // first. A clock that started with the session (the recorder's, the simulator's) starts at 0.
            if (start >= 0 && start < CLOCK_FROM_ZERO_S) {
                start = 0;
            }
        }

        // Split the events at each exercise switch; stretch i pairs with the replay's section i.
        List<List<CoachEvent>> stretches = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        stretches.add(new ArrayList<>());
        exercises.add(in.initial());
        starts.add(start);
        for (CoachEvent e : events) {
            if (e instanceof CoachEvent.ExerciseStarted x) {
                stretches.add(new ArrayList<>());
                exercises.add(x.exercise());
                starts.add(x.t());
            } else {
                stretches.get(stretches.size() - 1).add(e);
            }
        }

        List<ExerciseSection> sections = new ArrayList<>();
        List<CoachEvent.Calibrated> calibrations = new ArrayList<>();
        for (int i = 0; i < stretches.size(); i++) {
            double from = starts.get(i);
            double to = i + 1 < starts.size() ? starts.get(i + 1) : Math.max(end, from);
            SectionTrace trace = replay != null && i < replay.sections().size() ? replay.sections().get(i) : null;
            Exercise exercise = exercises.get(i);
            if (exercise == null) {
                exercise = firstExercise(stretches.get(i));
            }
            ExerciseSection section = section(sections.size() + 1, exercise, from, to, stretches.get(i), trace);
            for (CoachEvent e : stretches.get(i)) {
                if (e instanceof CoachEvent.Calibrated c) {
                    calibrations.add(c);
                }
            }
            boolean empty = section.reps().isEmpty() && section.holds().isEmpty() && section.alerts().isEmpty()
                    && section.warnings().isEmpty() && section.end() - section.start() < EMPTY_SECTION_S;
            if (exercise != null && !empty) {
                sections.add(section);
            }
        }

        List<String> notes = new ArrayList<>(in.notes());
        List<String> sensors = new ArrayList<>();
        long samples = -1;
        if (replay != null) {
            for (Placement p : replay.sensors()) {
                sensors.add(p.traceName());
            }
            samples = replay.samples();
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (CoachEvent.Calibrated c : calibrations) {
                seen.add(c.sensor().traceName());
            }
            sensors.addAll(seen);
            for (CoachEvent e : events) {
                if (e instanceof CoachEvent.Summary s) {
                    samples = s.samples();
                }
            }
        }
        return new SessionReport(in.source(), in.recorded(), in.device(), start, end, sensors, calibrations, samples,
                in.eventsOrigin(), replay != null, sections, notes);
    }

    private static ExerciseSection section(int number, Exercise exercise, double from, double to,
                                           List<CoachEvent> events, SectionTrace trace) {
        List<CoachEvent.Rep> reps = new ArrayList<>();
        List<CoachEvent.Hold> holds = new ArrayList<>();
        List<CoachEvent.Warning> warnings = new ArrayList<>();
        List<CoachEvent.Calibrated> calibrations = new ArrayList<>();
        List<AlertRow> alerts = new ArrayList<>();
        // Open episode per fault: indices of its alert rows, start, and when it reached fault severity.
        Map<Fault, List<Integer>> open = new EnumMap<>(Fault.class);
        Map<Fault, double[]> episodeStart = new EnumMap<>(Fault.class);
        Map<Fault, double[]> totals = new EnumMap<>(Fault.class); // {warn alerts, fault alerts, episodes, in alert, at fault}
        for (CoachEvent e : events) {
            if (e instanceof CoachEvent.Rep r) {
                reps.add(r);
            } else if (e instanceof CoachEvent.Hold h) {
                holds.add(h);
            } else if (e instanceof CoachEvent.Warning w) {
                warnings.add(w);
            } else if (e instanceof CoachEvent.Calibrated c) {
                calibrations.add(c);
            } else if (e instanceof CoachEvent.Alert a) {
                double[] total = totals.computeIfAbsent(a.fault(), f -> new double[5]);
                total[a.severity() == Severity.WARN ? 0 : 1]++;
                List<Integer> rows = open.computeIfAbsent(a.fault(), f -> new ArrayList<>());
                double[] since = episodeStart.computeIfAbsent(a.fault(), f -> new double[]{Double.NaN, Double.NaN});
                if (rows.isEmpty()) {
                    since[0] = a.t();
                    since[1] = Double.NaN;
                    total[2]++;
                }
                if (a.severity() == Severity.FAULT && Double.isNaN(since[1])) {
                    since[1] = a.t();
                }
                rows.add(alerts.size());
                alerts.add(new AlertRow(a.t(), a.fault(), a.severity(), a.valueDeg(), a.thresholdDeg(), a.rep(),
                        Double.NaN));
            } else if (e instanceof CoachEvent.Clear c) {
                closeEpisode(c.fault(), c.t(), open, episodeStart, totals, alerts);
            }
        }
        for (Fault f : List.copyOf(open.keySet())) {
            closeEpisode(f, to, open, episodeStart, totals, alerts);
        }

        Set<Fault> faults = new LinkedHashSet<>();
        if (exercise != null) {
            faults.addAll(Fault.of(exercise));
        }
        faults.addAll(totals.keySet());
        if (trace != null) {
            faults.addAll(trace.faultTimes().keySet());
        }
        List<FaultSummary> summaries = new ArrayList<>();
        for (Fault f : Fault.values()) {
            if (!faults.contains(f)) {
                continue;
            }
            double[] t = totals.getOrDefault(f, new double[5]);
            summaries.add(new FaultSummary(f, (int) t[0], (int) t[1], (int) t[2], t[3], t[4],
                    trace == null ? null : trace.faultTime(f)));
        }
        return new ExerciseSection(number, exercise, from, to, reps, holds, alerts, warnings, calibrations, summaries,
                trace);
    }

    private static void closeEpisode(Fault fault, double t, Map<Fault, List<Integer>> open,
                                     Map<Fault, double[]> episodeStart, Map<Fault, double[]> totals,
                                     List<AlertRow> alerts) {
        List<Integer> rows = open.get(fault);
        if (rows == null || rows.isEmpty()) {
            return; // a clear without an alert (e.g. the recording started mid-episode)
        }
        double[] since = episodeStart.get(fault);
        double[] total = totals.get(fault);
        total[3] += Math.max(0, t - since[0]);
        if (!Double.isNaN(since[1])) {
            total[4] += Math.max(0, t - since[1]);
        }
        for (int index : rows) {
            AlertRow a = alerts.get(index);
            alerts.set(index, new AlertRow(a.t(), a.fault(), a.severity(), a.valueDeg(), a.thresholdDeg(), a.rep(), t));
        }
        rows.clear();
    }

    /** A note comparing what the replay found with what was recorded, or null when they agree. */
    static String compare(List<CoachEvent> recorded, List<CoachEvent> replayed) {
        int[] a = counts(recorded);
        int[] b = counts(replayed);
        if (a[0] == b[0] && a[1] == b[1]) {
            return null;
        }
        return String.format(Locale.ROOT, "Replaying the trace gave %d reps and %d alerts where %d reps and %d alerts "
                + "were recorded live. The tables show what was recorded (what the wearer was told); the plots and the "
                + "time over threshold come from the replay. Different settings, or samples the live session lost, "
                + "explain such differences.", b[0], b[1], a[0], a[1]);
    }

    private static int[] counts(List<CoachEvent> events) {
        int reps = 0;
        int alerts = 0;
        for (CoachEvent e : events) {
            if (e instanceof CoachEvent.Rep) {
                reps++;
            } else if (e instanceof CoachEvent.Alert) {
                alerts++;
            }
        }
        return new int[]{reps, alerts};
    }
}
