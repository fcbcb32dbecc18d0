package org.formcoach.simulator.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.simulator.labels.Labels;

/**
 * Scores the coach's events against a trace's labels, exactly as the coaching-core issue
 * defines it:
 * <ul>
 *   <li>an alert is correct when its fault matches a labelled episode of that fault and it
 *       comes between {@value #BEFORE_ONSET_S} s before the episode's onset and
 *       {@value #AFTER_END_S} s after its end (precision = correct alerts / alerts);</li>
 *   <li>an episode is detected when at least one correct alert falls in that window
 *       (recall = detected / episodes);</li>
 *   <li>latency = the first such alert minus the time the fault first passes half its peak;</li>
 *   <li>a set's rep count is exact when the rep events equal the labelled reps;</li>
 *   <li>a clean trace (no labelled fault) passes when it raised no alert at all.</li>
 * </ul>
 */
public final class Scorer {
    public static final double BEFORE_ONSET_S = 0.2;
    public static final double AFTER_END_S = 1.0;

    private Scorer() {
    }

    public static TraceScore score(SuiteCase suiteCase, Labels labels, List<CoachEvent> events) {
        Map<String, List<Labels.Fault>> episodes = new LinkedHashMap<>();
        for (Labels.Fault f : labels.faults()) {
            episodes.computeIfAbsent(f.fault(), k -> new ArrayList<>()).add(f);
        }
        List<CoachEvent.Alert> alerts = new ArrayList<>();
        List<CoachEvent.Rep> reps = new ArrayList<>();
        int holds = 0;
        for (CoachEvent e : events) {
            if (e instanceof CoachEvent.Alert a) {
                alerts.add(a);
                episodes.computeIfAbsent(a.fault().wireName(), k -> new ArrayList<>());
            } else if (e instanceof CoachEvent.Rep r) {
                reps.add(r);
            } else if (e instanceof CoachEvent.Hold) {
                holds++;
            }
        }
        Map<String, TraceScore.FaultScore> scores = new LinkedHashMap<>();
        List<String> falseAlerts = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, List<Labels.Fault>> entry : episodes.entrySet()) {
            String fault = entry.getKey();
            List<Labels.Fault> eps = entry.getValue();
            int detected = 0;
            List<Double> latencies = new ArrayList<>();
            for (Labels.Fault ep : eps) {
                double first = Double.NaN;
                for (CoachEvent.Alert a : alerts) {
                    if (a.fault().wireName().equals(fault) && inWindow(a.t(), ep)) {
                        first = Double.isNaN(first) ? a.t() : Math.min(first, a.t());
                    }
                }
                if (!Double.isNaN(first)) {
                    detected++;
                    latencies.add(first - ep.halfPeak());
                } else {
                    missed.add(String.format(Locale.ROOT, "%s rep %d onset %.2f half %.2f end %.2f peak %.1f° (pelvis %.1f°)",
                            fault, ep.rep(), ep.onset(), ep.halfPeak(), ep.end(), ep.peakDeg(), ep.pelvisTiltDeg()));
                }
            }
            int raised = 0;
            int matched = 0;
            for (CoachEvent.Alert a : alerts) {
                if (!a.fault().wireName().equals(fault)) {
                    continue;
                }
                raised++;
                boolean ok = false;
                for (Labels.Fault ep : eps) {
                    if (inWindow(a.t(), ep)) {
                        ok = true;
                        break;
                    }
                }
                if (ok) {
                    matched++;
                } else {
                    falseAlerts.add(String.format(Locale.ROOT, "%s %s at %.2f (%.1f° vs %.1f°)%s", fault,
                            a.severity().wireName(), a.t(), a.valueDeg(), a.thresholdDeg(),
                            a.rep() > 0 ? " rep " + a.rep() : ""));
                }
            }
            scores.put(fault, new TraceScore.FaultScore(eps.size(), detected, raised, matched, latencies));
        }
        int sidesCorrect = 0;
        int sidesScored = 0;
        for (CoachEvent.Rep r : reps) {
            if (r.side() == null) {
                continue;
            }
            Labels.Rep best = null;
            double bestOverlap = 0;
            for (Labels.Rep l : labels.reps()) {
                double overlap = Math.min(r.end(), l.end()) - Math.max(r.start(), l.start());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = l;
                }
            }
            if (best != null && best.side() != null) {
                sidesScored++;
                if (best.side().equals(r.side().wireName())) {
                    sidesCorrect++;
                }
            }
        }
        boolean repExercise = !"plank".equals(labels.exercise());
        return new TraceScore(suiteCase, scores, repExercise ? labels.reps().size() : 0, repExercise ? reps.size() : 0,
                labels.holds().size(), holds, sidesCorrect, sidesScored, labels.faults().isEmpty(), alerts.size(),
                falseAlerts, missed);
    }

    private static boolean inWindow(double t, Labels.Fault ep) {
        return t >= ep.onset() - BEFORE_ONSET_S && t <= ep.end() + AFTER_END_S;
    }
}
