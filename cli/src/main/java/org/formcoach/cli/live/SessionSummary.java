package org.formcoach.cli.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.cli.TextEvents;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * Adds up a live session per device and exercise — reps good and faulty, holds, alerts,
 * the link's counters — and writes the summary a wearer reads at the end. Fed the
 * session's events (the engine); {@link #render} afterwards on any thread.
 */
public final class SessionSummary implements LiveListener {
    private final Map<String, DeviceTotals> devices = new LinkedHashMap<>();
    private final Exercise startExercise;

    public SessionSummary(Exercise startExercise) {
        this.startExercise = startExercise;
    }

    /** One stretch of one exercise. */
    static final class Section {
        final Exercise exercise;
        int reps;
        int faultyReps;
        final Map<Fault, Integer> repFaults = new EnumMap<>(Fault.class);
        final Map<Fault, Integer> alertsByFault = new EnumMap<>(Fault.class);
        int warnAlerts;
        int faultAlerts;
        int holds;
        double heldSeconds;
        double longestHold;

        Section(Exercise exercise) {
            this.exercise = exercise;
        }

        boolean isEmpty() {
            return reps == 0 && holds == 0 && warnAlerts + faultAlerts == 0;
        }
    }

    static final class DeviceTotals {
        final List<Section> sections = new ArrayList<>();
        double firstT = Double.NaN;
        double lastT = Double.NaN;
        String transport = "";
        BridgeEvent.DeviceSummary link;
        CoachEvent.Summary coach;
        int linkLosses;
        int calibrations;
        int warnings;

        Section current() {
            return sections.get(sections.size() - 1);
        }
    }

    private synchronized DeviceTotals totals(String device) {
        return devices.computeIfAbsent(device, d -> {
            DeviceTotals t = new DeviceTotals();
            t.sections.add(new Section(startExercise));
            return t;
        });
    }

    @Override
    public synchronized void coachEvent(String device, CoachEvent event) {
        DeviceTotals d = totals(device);
        if (Double.isNaN(d.firstT)) {
            d.firstT = event.t();
        }
        d.lastT = Math.max(Double.isNaN(d.lastT) ? event.t() : d.lastT, event.t());
        Section s = d.current();
        if (event instanceof CoachEvent.ExerciseStarted x) {
            if (s.isEmpty()) {
                d.sections.remove(d.sections.size() - 1);
            }
            d.sections.add(new Section(x.exercise()));
        } else if (event instanceof CoachEvent.Rep r) {
            s.reps++;
            if (!r.faults().isEmpty()) {
                s.faultyReps++;
                for (Fault f : r.faults()) {
                    s.repFaults.merge(f, 1, Integer::sum);
                }
            }
        } else if (event instanceof CoachEvent.Alert a) {
            if (a.severity() == Severity.FAULT) {
                s.faultAlerts++;
            } else {
                s.warnAlerts++;
            }
            s.alertsByFault.merge(a.fault(), 1, Integer::sum);
        } else if (event instanceof CoachEvent.Hold h) {
            s.holds++;
            s.heldSeconds += h.durationS();
            s.longestHold = Math.max(s.longestHold, h.durationS());
        } else if (event instanceof CoachEvent.Calibrated) {
            d.calibrations++;
        } else if (event instanceof CoachEvent.Warning) {
            d.warnings++;
        } else if (event instanceof CoachEvent.Summary sum) {
            d.coach = sum;
        }
    }

    @Override
    public synchronized void bridgeEvent(BridgeEvent event) {
        DeviceTotals d = totals(event.device());
        if (event instanceof BridgeEvent.DeviceSeen seen) {
            d.transport = seen.transport();
            if (Double.isNaN(d.firstT)) {
                d.firstT = seen.t();
            }
        } else if (event instanceof BridgeEvent.DeviceSummary s) {
            d.link = s;
            d.lastT = Double.isNaN(d.lastT) ? s.t() : Math.max(d.lastT, s.t());
        } else if (event instanceof BridgeEvent.LinkLost) {
            d.linkLosses++;
        }
    }

    /** Total alerts so far over all devices. */
    public synchronized int alerts() {
        int n = 0;
        for (DeviceTotals d : devices.values()) {
            for (Section s : d.sections) {
                n += s.warnAlerts + s.faultAlerts;
            }
        }
        return n;
    }

    /** Reps so far over all devices. */
    public synchronized int reps() {
        int n = 0;
        for (DeviceTotals d : devices.values()) {
            for (Section s : d.sections) {
                n += s.reps;
            }
        }
        return n;
    }

    /** The summary, one line per row, no trailing newline; "no device sent any data" when empty. */
    public synchronized List<String> render() {
        List<String> out = new ArrayList<>();
        if (devices.isEmpty()) {
            out.add("Session summary: no device sent any data.");
            return out;
        }
        for (Map.Entry<String, DeviceTotals> e : devices.entrySet()) {
            DeviceTotals d = e.getValue();
            double span = Double.isNaN(d.firstT) ? 0 : d.lastT - d.firstT;
            out.add(String.format(Locale.ROOT, "Session summary: %s, %s of coaching", e.getKey(), clock(span)));
            int reps = 0;
            int holds = 0;
            int alerts = 0;
            for (Section s : d.sections) {
                if (s.isEmpty() && d.sections.size() > 1) {
                    continue;
                }
                out.add(String.format(Locale.ROOT, "  %-9s %s", s.exercise.cliName(), describe(s)));
                reps += s.reps;
                holds += s.holds;
                alerts += s.warnAlerts + s.faultAlerts;
            }
            out.add(String.format(Locale.ROOT, "  %-9s %d rep%s, %d hold%s, %d alert%s%s", "total", reps, plural(reps),
                    holds, plural(holds), alerts, plural(alerts),
                    d.warnings > 0 ? ", " + d.warnings + " note" + plural(d.warnings) + " (calibration)" : ""));
            out.add(String.format(Locale.ROOT, "  %-9s %s", "link", link(d)));
        }
        return out;
    }

    private static String describe(Section s) {
        List<String> parts = new ArrayList<>();
        if (s.exercise.countsReps()) {
            int good = s.reps - s.faultyReps;
            String reps = s.reps + " rep" + plural(s.reps);
            if (s.reps > 0) {
                reps += ": " + good + " good, " + s.faultyReps + " faulty";
                if (!s.repFaults.isEmpty()) {
                    reps += " (" + faults(s.repFaults) + ")";
                }
            }
            parts.add(reps);
        }
        if (s.holds > 0 || s.exercise == Exercise.PLANK) {
            if (s.holds == 0) {
                parts.add("no hold completed");
            } else if (s.exercise == Exercise.PLANK) {
                parts.add(String.format(Locale.ROOT, "held %.1f s%s", s.heldSeconds,
                        s.holds > 1 ? String.format(Locale.ROOT, " in %d holds (longest %.1f s)", s.holds, s.longestHold)
                                : ""));
            } else {
                parts.add(String.format(Locale.ROOT, "holds %.1f s on average", s.heldSeconds / s.holds));
            }
        }
        int alerts = s.warnAlerts + s.faultAlerts;
        parts.add(alerts == 0 ? "no alerts" : alerts + " alert" + plural(alerts) + " (" + faults(s.alertsByFault) + ")");
        return String.join("; ", parts);
    }

    private static String faults(Map<Fault, Integer> counts) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Fault, Integer> e : counts.entrySet()) {
            out.add(TextEvents.words(e.getKey()) + " " + e.getValue() + "×");
        }
        return String.join(", ", out);
    }

    private static String link(DeviceTotals d) {
        BridgeEvent.DeviceSummary l = d.link;
        if (l == null) {
            return d.linkLosses == 0 ? "connected throughout" : d.linkLosses + " link loss" + (d.linkLosses == 1 ? "" : "es");
        }
        long total = l.samples() + l.missing();
        double loss = total == 0 ? 0 : 100.0 * l.missing() / total;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d samples over %s, %d lost (%.1f %%)", l.samples(),
                l.transport().isEmpty() ? d.transport : l.transport(), l.missing(), loss));
        b.append(l.linkLosses() == 0 ? ", no link losses" : ", " + l.linkLosses() + " link loss"
                + (l.linkLosses() == 1 ? "" : "es"));
        if (l.badInput() > 0) {
            b.append(", ").append(l.badInput()).append(" bad input");
        }
        if (l.alertsSent() > 0) {
            b.append(String.format(Locale.ROOT, "; alerts to the device: %d sent, %d delivered", l.alertsSent(),
                    l.alertsDelivered()));
            if (l.alertsDropped() > 0) {
                b.append(", ").append(l.alertsDropped()).append(" dropped");
            }
        }
        return b.toString();
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    /** m:ss */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
