package org.formcoach.cli.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * Writes a {@link SessionReport} as one self-contained HTML page: inline CSS and SVG, no
 * scripts, fonts, images or links outside the page, so it opens offline, can be mailed as
 * one file and prints on paper. Every string from the data is escaped.
 */
public final class HtmlReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int POSTURE_HEIGHT = 230;
    private static final int FAULT_HEIGHT = 160;

    private final SessionReport report;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport(SessionReport report) {
        this.report = report;
    }

    public static String render(SessionReport report) {
        return new HtmlReport(report).page();
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        out.append("<title>").append(esc("formcoach session report – " + dateText())).append("</title>\n");
        out.append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
        header();
        overview();
        howToRead();
        for (ExerciseSection s : report.sections()) {
            section(s);
        }
        notes();
        out.append("<footer>Made by formcoach from ").append(esc(report.source()))
                .append(". Times are minutes:seconds since the session started.</footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    // ----- header and overview -----

    private void header() {
        out.append("<header>\n<h1>Session report</h1>\n<table class=\"facts\">\n");
        fact("Date", dateText());
        fact("Duration", Texts.duration(report.duration()));
        fact("Device", report.device() == null ? "not recorded" : report.device());
        fact("Sensors", sensorsText());
        fact("Calibration", calibrationText());
        fact("Exercises", report.sections().isEmpty() ? "none recognised"
                : String.join(", ", report.sections().stream().map(s -> Texts.title(s.exercise())).toList()));
        if (report.samples() >= 0) {
            fact("Samples", String.valueOf(report.samples()));
        }
        fact("Events", report.eventsOrigin());
        out.append("</table>\n</header>\n");
    }

    private void fact(String name, String value) {
        out.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private String dateText() {
        if (report.recorded() == null) {
            return "not recorded";
        }
        try {
            return DATE.format(Instant.parse(report.recorded().strip()));
        } catch (DateTimeParseException e) {
            return report.recorded();
        }
    }

    private String sensorsText() {
        if (report.sensors().isEmpty()) {
            return "not known";
        }
        String names = String.join(" + ", report.sensors());
        return report.sensors().size() > 1 && report.sensors().contains("thoracolumbar")
                ? names + " (two sensors: the lumbar angle between them is measured)" : names;
    }

    private String calibrationText() {
        if (report.calibrations().isEmpty()) {
            return "never calibrated: no reps or alerts could be judged (stand tall and still for 2 s at the start)";
        }
        List<String> parts = new ArrayList<>();
        for (CoachEvent.Calibrated c : report.calibrations()) {
            parts.add(Texts.clock(c.t() - report.start()) + " " + c.sensor().traceName() + " (" + c.method() + ")");
        }
        return String.join("; ", parts);
    }

    private void overview() {
        if (report.sections().isEmpty()) {
            out.append("<p class=\"verdict\">No exercise was recognised in this session.</p>\n");
            return;
        }
        out.append("<h2>Overview</h2>\n<table class=\"data overview\">\n<thead><tr><th>#</th><th>Exercise</th>"
                + "<th>From</th><th>To</th><th>Reps</th><th>Good</th><th>Faulty</th><th>Held</th>"
                + "<th>Alerts</th></tr></thead>\n<tbody>\n");
        for (ExerciseSection s : report.sections()) {
            out.append("<tr><td>").append(s.number()).append("</td><td><a href=\"#section-").append(s.number())
                    .append("\">").append(esc(Texts.title(s.exercise()))).append("</a></td>");
            cell(clock(s.start()));
            cell(clock(s.end()));
            boolean reps = s.exercise() == null || s.exercise().countsReps() || !s.reps().isEmpty();
            cell(reps ? String.valueOf(s.reps().size()) : "–");
            cell(reps ? String.valueOf(s.goodReps()) : "–");
            cell(reps ? String.valueOf(s.faultyReps()) : "–");
            cell(s.holds().isEmpty() ? "–" : Texts.duration(s.holdSeconds()));
            cell(String.valueOf(s.alertCount()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void howToRead() {
        out.append("<aside class=\"howto\">\n<h2>How to read this report</h2>\n<ul>\n");
        li("Each exercise has its own section. A rep is <b>good</b> when no fault was signalled during it and "
                + "<b>faulty</b> when at least one was; the fault is named in plain words.");
        li("An <b>alert</b> is what the wearer was told live: <b>warn</b> when a measure stayed past its warn "
                + "line for a moment, <b>fault</b> when it went past the fault line. It is <b>cleared</b> once the "
                + "measure is back under the warn line for a moment.");
        if (report.hasTrace()) {
            li("The <b>posture plot</b> shows how far the lower back was tilted forward (90° is horizontal) and "
                    + "sideways. Below it, one plot per fault shows its measure in degrees past the wearer's own "
                    + "neutral, with the <span class=\"key warn\">warn zone</span> and the "
                    + "<span class=\"key fault\">fault zone</span>. Shaded columns are reps (numbered) and holds; "
                    + "triangles mark alerts.");
            li("<b>Time over threshold</b> adds up the time the measure was at or above the warn (or fault) line, "
                    + "sample by sample, while the rule applied. It can be a little longer than the alerts show, "
                    + "because an alert needs the measure to stay over the line briefly first.");
        } else {
            li("This report was made from the events alone, so it has no angle plots and no measured time over "
                    + "threshold; <b>time in alert</b> (from each alert to its clear) stands in for it.");
        }
        li("Angles are relative to the wearer's own calibrated posture, not absolute ideals. A few degrees of "
                + "difference are within the sensor's error.");
        out.append("</ul>\n</aside>\n");
    }

    private void li(String html) {
        out.append("<li>").append(html).append("</li>\n");
    }

    // ----- one exercise -----

    private void section(ExerciseSection s) {
        out.append("<section id=\"section-").append(s.number()).append("\">\n<h2>").append(s.number()).append(". ")
                .append(esc(Texts.title(s.exercise()))).append(" <span class=\"when\">")
                .append(esc(clock(s.start()) + " – " + clock(s.end()) + " (" + Texts.duration(s.end() - s.start())
                        + ")"))
                .append("</span></h2>\n");
        out.append("<p class=\"verdict\">").append(esc(verdict(s))).append("</p>\n");
        repsTable(s);
        holdsTable(s);
        thresholdTable(s);
        if (s.trace() != null) {
            anglesTable(s);
            out.append("<figure>\n").append(postureChart(s));
            for (FaultSummary f : s.faults()) {
                String chart = faultChart(s, f.fault());
                if (chart != null) {
                    out.append(chart);
                }
            }
            out.append("</figure>\n");
        }
        alertTimeline(s);
        sectionNotes(s);
        out.append("</section>\n");
    }

    private String verdict(ExerciseSection s) {
        List<String> parts = new ArrayList<>();
        if (!s.reps().isEmpty() || (s.exercise() != null && s.exercise().countsReps())) {
            String text = s.reps().size() + " rep" + (s.reps().size() == 1 ? "" : "s");
            if (!s.reps().isEmpty()) {
                text += ": " + s.goodReps() + " good, " + s.faultyReps() + " faulty ("
                        + Texts.percent(s.goodReps(), s.reps().size()) + " good)";
            }
            parts.add(text);
        }
        if (!s.holds().isEmpty()) {
            parts.add("held " + Texts.duration(s.holdSeconds()) + " in " + s.holds().size() + " hold"
                    + (s.holds().size() == 1 ? "" : "s"));
        }
        List<String> faults = new ArrayList<>();
        for (FaultSummary f : s.faults()) {
            if (f.episodes() > 0) {
                faults.add(Texts.words(f.fault()) + " " + f.episodes() + "×");
            }
        }
        parts.add(s.alertCount() == 0 ? "no alerts" : s.alertCount() + " alert" + (s.alertCount() == 1 ? "" : "s")
                + " (" + String.join(", ", faults) + ")");
        return Texts.capitalised(String.join("; ", parts)) + ".";
    }

    private void repsTable(ExerciseSection s) {
        if (s.reps().isEmpty()) {
            return;
        }
        boolean sides = s.reps().stream().anyMatch(r -> r.side() != null);
        out.append("<h3>Reps</h3>\n<table class=\"data reps\">\n<thead><tr><th>Rep</th><th>Start</th>"
                + "<th>Duration</th>").append(sides ? "<th>Arm lifted</th>" : "")
                .append("<th>Result</th></tr></thead>\n<tbody>\n");
        for (CoachEvent.Rep r : s.reps()) {
            boolean good = r.faults().isEmpty();
            out.append("<tr class=\"").append(good ? "good" : "faulty").append("\">");
            cell(String.valueOf(r.rep()));
            cell(clock(r.start()));
            cell(Texts.duration(r.end() - r.start()));
            if (sides) {
                cell(r.side() == null ? "–" : r.side().wireName());
            }
            cell(good ? "good" : "faulty: " + Texts.words(r.faults()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void holdsTable(ExerciseSection s) {
        if (s.holds().isEmpty()) {
            return;
        }
        out.append("<h3>Holds</h3>\n<table class=\"data holds\">\n<thead><tr><th>Hold</th><th>Start</th><th>End</th>"
                + "<th>Duration</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (CoachEvent.Hold h : s.holds()) {
            out.append("<tr>");
            cell(String.valueOf(++n));
            cell(clock(h.start()));
            cell(clock(h.end()));
            cell(Texts.duration(h.durationS()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void thresholdTable(ExerciseSection s) {
        if (s.faults().isEmpty()) {
            return;
        }
        boolean measured = s.trace() != null;
        out.append("<h3>Time over threshold</h3>\n<table class=\"data thresholds\">\n<thead><tr><th>Fault</th>");
        if (measured) {
            out.append("<th>Rule applied</th><th>Above warn</th><th>Share</th><th>Above fault</th>"
                    + "<th>Largest</th>");
        }
        out.append("<th>Alerts (warn / fault)</th><th>Time in alert</th></tr></thead>\n<tbody>\n");
        for (FaultSummary f : s.faults()) {
            out.append("<tr>");
            cell(Texts.capitalised(Texts.words(f.fault())));
            if (measured) {
                FaultTime m = f.measured();
                cell(Texts.duration(m.ruleActiveS()));
                cell(Texts.duration(m.aboveWarnS()));
                cell(Texts.percent(m.aboveWarnS(), m.ruleActiveS()));
                cell(Texts.duration(m.aboveFaultS()));
                cell(Texts.degrees(m.maxValueDeg()));
            }
            cell(f.warnAlerts() + " / " + f.faultAlerts());
            cell(Texts.duration(f.inAlertS()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void anglesTable(ExerciseSection s) {
        out.append("<h3>Posture angles</h3>\n<table class=\"data angles\">\n<thead><tr><th>Angle</th><th>Min</th>"
                + "<th>Max</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        for (AngleRange a : s.trace().angles()) {
            out.append("<tr>");
            cell(a.name());
            cell(Texts.degrees(a.minDeg()));
            cell(Texts.degrees(a.maxDeg()));
            cell(a.meaning());
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    // ----- charts -----

    private String postureChart(ExerciseSection s) {
        SectionTrace trace = s.trace();
        PlotSeries plot = trace.plot();
        double lo = 0;
        double hi = 10;
        for (AngleRange a : trace.angles()) {
            if (a.measured()) {
                lo = Math.min(lo, a.minDeg());
                hi = Math.max(hi, a.maxDeg());
            }
        }
        double pad = 0.06 * (hi - lo);
        SvgChart chart = new SvgChart(s.start(), s.end(), report.start(), POSTURE_HEIGHT,
                Texts.title(s.exercise()) + ": posture angles over time")
                .yRange(lo - pad, hi + pad).caption("posture");
        repSpans(chart, s);
        chart.line(plot.time, plot.inclination, "s-incl");
        chart.legend("s-incl", "forward tilt");
        chart.line(plot.time, plot.lateral, "s-lat");
        chart.legend("s-lat", "sideways tilt");
        if (s.twoSensors()) {
            chart.line(plot.time, plot.lumbar, "s-lumbar");
            chart.legend("s-lumbar", "lumbar angle");
        }
        for (AlertRow a : s.alerts()) {
            chart.marker(a.t(), a.severity() == Severity.FAULT ? "mark-fault" : "mark-warn", alertTitle(a));
        }
        return chart.render();
    }

    /** One fault rule's value with its warn and fault zones; null when the rule never applied. */
    private String faultChart(ExerciseSection s, Fault fault) {
        PlotSeries.FaultColumns c = s.trace().plot().faults().get(fault);
        if (c == null) {
            return null;
        }
        PlotSeries plot = s.trace().plot();
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        double thresholdMax = 0;
        for (int i = 0; i < plot.size(); i++) {
            double v = c.value().get(i);
            if (!Double.isNaN(v)) {
                vMin = Math.min(vMin, v);
                vMax = Math.max(vMax, v);
            }
            double f = c.fault().get(i);
            if (!Double.isNaN(f)) {
                thresholdMax = Math.max(thresholdMax, f);
            }
        }
        if (vMin > vMax) {
            return null;
        }
        // Values far below zero (the rule's "nowhere near") would squash the zones: they are drawn at the bottom.
        double lo = Math.min(0, Math.max(vMin, -Math.max(2, thresholdMax)));
        double hi = Math.max(Math.max(vMax, 1.3 * thresholdMax), 1);
        double pad = 0.05 * (hi - lo);
        String name = Texts.capitalised(Texts.words(fault));
        SvgChart chart = new SvgChart(s.start(), s.end(), report.start(), FAULT_HEIGHT,
                Texts.title(s.exercise()) + ": " + name + " (" + Texts.valueMeaning(fault, s.twoSensors())
                        + "), degrees, with warn and fault zones")
                .yRange(lo - pad, hi + pad).caption(name);
        thresholdBands(chart, plot, c, hi + pad);
        repSpans(chart, s);
        chart.line(plot.time, c.value(), "s-value");
        chart.legend("s-value", Texts.valueMeaning(fault, s.twoSensors()) + " (°)");
        chart.legend("band-warn", "warn zone");
        chart.legend("band-fault", "fault zone");
        for (AlertRow a : s.alerts()) {
            if (a.fault() == fault) {
                chart.marker(a.t(), a.severity() == Severity.FAULT ? "mark-fault" : "mark-warn", alertTitle(a));
            }
        }
        return chart.render();
    }

    /** Warn and fault zones, one rectangle per stretch over which the thresholds stay the same. */
    private static void thresholdBands(SvgChart chart, PlotSeries plot, PlotSeries.FaultColumns c, double top) {
        int n = plot.size();
        int runStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean same = i < n && runStart >= 0
                    && Math.abs(c.warn().get(i) - c.warn().get(runStart)) < 0.05
                    && Math.abs(c.fault().get(i) - c.fault().get(runStart)) < 0.05;
            if (same) {
                continue;
            }
            if (runStart >= 0) {
                double from = plot.time.get(runStart);
                double to = i < n ? plot.time.get(i) : plot.time.get(n - 1);
                double warn = c.warn().get(runStart);
                double fault = c.fault().get(runStart);
                String title = String.format(Locale.ROOT, "warn from %.1f°, fault from %.1f°", warn, fault);
                chart.band(from, to, warn, fault, "band-warn", title);
                chart.band(from, to, fault, top, "band-fault", title);
            }
            runStart = i < n && !Double.isNaN(c.warn().get(i)) && !Double.isNaN(c.fault().get(i)) ? i : -1;
        }
    }

    private void repSpans(SvgChart chart, ExerciseSection s) {
        for (CoachEvent.Hold h : s.holds()) {
            chart.span(h.start(), h.end(), "span-hold", null, "hold " + Texts.duration(h.durationS()));
        }
        for (CoachEvent.Rep r : s.reps()) {
            chart.span(r.start(), r.end(), r.faults().isEmpty() ? "span-rep" : "span-rep faulty",
                    String.valueOf(r.rep()), repTitle(r));
        }
    }

    private void alertTimeline(ExerciseSection s) {
        out.append("<h3>Alert timeline</h3>\n");
        SvgTimeline timeline = new SvgTimeline(s.start(), s.end(), report.start(),
                Texts.title(s.exercise()) + ": reps, holds and alerts over time");
        if (!s.reps().isEmpty() || (s.exercise() != null && s.exercise().countsReps())) {
            int lane = timeline.lane("reps");
            for (CoachEvent.Rep r : s.reps()) {
                timeline.bar(lane, r.start(), r.end(), r.faults().isEmpty() ? "bar-good" : "bar-faulty",
                        String.valueOf(r.rep()), repTitle(r));
            }
        }
        if (!s.holds().isEmpty() || s.exercise() == Exercise.PLANK) {
            int lane = timeline.lane("holds");
            for (CoachEvent.Hold h : s.holds()) {
                timeline.bar(lane, h.start(), h.end(), "bar-hold", Texts.duration(h.durationS()),
                        "hold " + Texts.duration(h.durationS()));
            }
        }
        for (FaultSummary f : s.faults()) {
            int lane = timeline.lane(Texts.words(f.fault()));
            List<AlertRow> rows = s.alerts().stream().filter(a -> a.fault() == f.fault()).toList();
            for (int i = 0; i < rows.size(); i++) {
                AlertRow a = rows.get(i);
                double end = Double.isNaN(a.endT()) ? s.end() : a.endT();
                if (i + 1 < rows.size() && rows.get(i + 1).t() < end) {
                    end = rows.get(i + 1).t(); // escalated from warn to fault
                }
                timeline.bar(lane, a.t(), end, a.severity() == Severity.FAULT ? "bar-fault" : "bar-warn", null,
                        alertTitle(a));
            }
        }
        out.append(timeline.render());
        if (s.alerts().isEmpty()) {
            out.append("<p>No alerts.</p>\n");
            return;
        }
        out.append("<table class=\"data alerts\">\n<thead><tr><th>Time</th><th>Severity</th><th>Fault</th>"
                + "<th>Value</th><th>Threshold</th><th>Rep</th><th>Cleared after</th></tr></thead>\n<tbody>\n");
        for (AlertRow a : s.alerts()) {
            out.append("<tr class=\"").append(a.severity().wireName()).append("\">");
            cell(clock(a.t()));
            cell(a.severity().wireName());
            cell(Texts.words(a.fault()));
            cell(Texts.degrees(a.valueDeg()));
            cell(Texts.degrees(a.thresholdDeg()));
            cell(a.rep() > 0 ? String.valueOf(a.rep()) : "–");
            cell(Double.isNaN(a.endT()) ? "not cleared" : Texts.duration(a.endT() - a.t()));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void sectionNotes(ExerciseSection s) {
        if (s.warnings().isEmpty()) {
            return;
        }
        out.append("<h3>Notes</h3>\n<ul class=\"notes\">\n");
        for (CoachEvent.Warning w : s.warnings()) {
            out.append("<li>").append(esc(clock(w.t()) + ": " + w.message())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void notes() {
        if (report.notes().isEmpty()) {
            return;
        }
        out.append("<section class=\"data-notes\">\n<h2>About the data</h2>\n<ul class=\"notes\">\n");
        for (String note : report.notes()) {
            out.append("<li>").append(esc(note)).append("</li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    // ----- small helpers -----

    private String repTitle(CoachEvent.Rep r) {
        return "Rep " + r.rep() + (r.side() == null ? "" : " (" + r.side().wireName() + " arm)") + ", "
                + clock(r.start()) + ", " + Texts.duration(r.end() - r.start()) + ": "
                + (r.faults().isEmpty() ? "good" : Texts.words(r.faults()));
    }

    private String alertTitle(AlertRow a) {
        return clock(a.t()) + " " + a.severity().wireName() + ": " + Texts.words(a.fault()) + ", "
                + Texts.degrees(a.valueDeg()) + " (threshold " + Texts.degrees(a.thresholdDeg()) + ")"
                + (a.rep() > 0 ? ", rep " + a.rep() : "");
    }

    private String clock(double t) {
        return Texts.clock(t - report.start());
    }

    private void cell(String text) {
        out.append("<td>").append(esc(text)).append("</td>");
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
