package org.formcoach.simulator.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregated scores of a group of traces (or of all of them). */
public record Summary(String name, int traces, int episodes, int detected, int alerts, int matchedAlerts,
                      List<Double> latencies, int repSets, int repSetsExact, int holdSets, int holdSetsExact,
                      int cleanTraces, int cleanTracesWithoutAlert, int sidesScored, int sidesCorrect) {

    public static Summary of(String name, List<TraceScore> scores) {
        return of(name, scores, null);
    }

    /** @param fault only this fault's episodes and alerts (null = all) */
    public static Summary of(String name, List<TraceScore> scores, String fault) {
        int episodes = 0, detected = 0, alerts = 0, matched = 0, repSets = 0, repExact = 0, holdSets = 0,
                holdExact = 0, clean = 0, cleanOk = 0, sides = 0, sidesOk = 0;
        List<Double> latencies = new ArrayList<>();
        for (TraceScore s : scores) {
            for (Map.Entry<String, TraceScore.FaultScore> e : s.faults().entrySet()) {
                if (fault != null && !fault.equals(e.getKey())) {
                    continue;
                }
                TraceScore.FaultScore f = e.getValue();
                episodes += f.episodes();
                detected += f.detected();
                alerts += f.alerts();
                matched += f.matchedAlerts();
                latencies.addAll(f.latencies());
            }
            if (fault == null) {
                if (s.repsExpected() > 0) {
                    repSets++;
                    if (s.repsExact()) {
                        repExact++;
                    }
                }
                if ("plank".equals(s.suiteCase().exercise())) {
                    holdSets++;
                    if (s.holdsExact()) {
                        holdExact++;
                    }
                }
                if (s.clean()) {
                    clean++;
                    if (s.alerts() == 0) {
                        cleanOk++;
                    }
                }
                sides += s.sidesScored();
                sidesOk += s.sidesCorrect();
            }
        }
        Collections.sort(latencies);
        return new Summary(name, scores.size(), episodes, detected, alerts, matched, List.copyOf(latencies), repSets,
                repExact, holdSets, holdExact, clean, cleanOk, sides, sidesOk);
    }

    /** Per group (exercise × sensors × mounting), in suite order. */
    public static List<Summary> byGroup(List<TraceScore> scores) {
        Map<String, List<TraceScore>> groups = new LinkedHashMap<>();
        for (TraceScore s : scores) {
            groups.computeIfAbsent(s.suiteCase().group(), k -> new ArrayList<>()).add(s);
        }
        List<Summary> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(of(k, v)));
        return out;
    }

    /** Per fault name, over all traces. */
    public static List<Summary> byFault(List<TraceScore> scores) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (TraceScore s : scores) {
            s.faults().keySet().forEach(k -> names.put(k, true));
        }
        List<Summary> out = new ArrayList<>();
        for (String f : names.keySet()) {
            out.add(of(f, scores, f));
        }
        return out;
    }

    public double recall() {
        return episodes == 0 ? Double.NaN : (double) detected / episodes;
    }

    public double precision() {
        return alerts == 0 ? Double.NaN : (double) matchedAlerts / alerts;
    }

    public double latencyMedian() {
        return quantile(0.5);
    }

    public double latencyP90() {
        return quantile(0.9);
    }

    private double quantile(double q) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        double pos = q * (latencies.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return latencies.get(lo) + (latencies.get(hi) - latencies.get(lo)) * (pos - lo);
    }

    public double repsExactShare() {
        return repSets == 0 ? Double.NaN : (double) repSetsExact / repSets;
    }

    public double holdsExactShare() {
        return holdSets == 0 ? Double.NaN : (double) holdSetsExact / holdSets;
    }

    public double cleanShare() {
        return cleanTraces == 0 ? Double.NaN : (double) cleanTracesWithoutAlert / cleanTraces;
    }

    public double sideAccuracy() {
        return sidesScored == 0 ? Double.NaN : (double) sidesCorrect / sidesScored;
    }
}
