package org.formcoach.simulator.evaluate;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Renders evaluation results as a Markdown table (for people and docs) and as JSON (for tools). */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    public static String table(List<TraceScore> scores) {
        StringBuilder b = new StringBuilder();
        b.append("| exercise / sensors / mounting | traces | recall | precision | latency median | latency p90 "
                + "| exact reps | clean without alert |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Summary s : Summary.byGroup(scores)) {
            row(b, s);
        }
        row(b, Summary.of("**all**", scores));
        b.append("\n| fault | episodes | recall | precision | latency median | latency p90 |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Summary s : Summary.byFault(scores)) {
            b.append("| ").append(s.name()).append(" | ").append(s.episodes()).append(" | ")
                    .append(ratio(s.recall(), s.detected(), s.episodes())).append(" | ")
                    .append(ratio(s.precision(), s.matchedAlerts(), s.alerts())).append(" | ")
                    .append(seconds(s.latencyMedian())).append(" | ").append(seconds(s.latencyP90())).append(" |\n");
        }
        Summary all = Summary.of("all", scores);
        if (all.holdSets() > 0 || all.sidesScored() > 0) {
            b.append('\n');
            if (all.holdSets() > 0) {
                b.append(String.format(Locale.ROOT, "Plank holds counted exactly: %s. ",
                        ratio(all.holdsExactShare(), all.holdSetsExact(), all.holdSets())));
            }
            if (all.sidesScored() > 0) {
                b.append(String.format(Locale.ROOT, "Bird-dog side right: %s.",
                        ratio(all.sideAccuracy(), all.sidesCorrect(), all.sidesScored())));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Summary s) {
        b.append("| ").append(s.name()).append(" | ").append(s.traces()).append(" | ")
                .append(ratio(s.recall(), s.detected(), s.episodes())).append(" | ")
                .append(ratio(s.precision(), s.matchedAlerts(), s.alerts())).append(" | ")
                .append(seconds(s.latencyMedian())).append(" | ").append(seconds(s.latencyP90())).append(" | ")
                .append(ratio(s.repsExactShare(), s.repSetsExact(), s.repSets())).append(" | ")
                .append(ratio(s.cleanShare(), s.cleanTracesWithoutAlert(), s.cleanTraces())).append(" |\n");
    }

    private static String ratio(double v, int num, int den) {
        return den == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%d/%d)", v, num, den);
    }

    private static String seconds(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f s", v);
    }

    /** The summaries and every trace's score as JSON. */
    public static void json(List<TraceScore> scores, Goals goals, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("formcoach_evaluation", 1);
            Summary all = Summary.of("all", scores);
            g.writeFieldName("overall");
            summary(g, all);
            if (goals != null) {
                g.writeArrayFieldStart("goals_missed");
                for (String m : goals.missed(all)) {
                    g.writeString(m);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("groups");
            for (Summary s : Summary.byGroup(scores)) {
                summary(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("faults");
            for (Summary s : Summary.byFault(scores)) {
                summary(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("traces");
            for (TraceScore t : scores) {
                g.writeStartObject();
                g.writeStringField("case", t.suiteCase().describe());
                g.writeStringField("group", t.suiteCase().group());
                g.writeNumberField("seed", t.suiteCase().seed());
                g.writeNumberField("reps_expected", t.repsExpected());
                g.writeNumberField("reps_counted", t.repsCounted());
                g.writeNumberField("alerts", t.alerts());
                g.writeArrayFieldStart("false_alerts");
                for (String f : t.falseAlerts()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("missed");
                for (String f : t.missed()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void summary(JsonGenerator g, Summary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeNumberField("traces", s.traces());
        g.writeNumberField("episodes", s.episodes());
        g.writeNumberField("detected", s.detected());
        g.writeNumberField("alerts", s.alerts());
        g.writeNumberField("matched_alerts", s.matchedAlerts());
        number(g, "recall", s.recall());
        number(g, "precision", s.precision());
        number(g, "latency_median_s", s.latencyMedian());
        number(g, "latency_p90_s", s.latencyP90());
        g.writeNumberField("rep_sets", s.repSets());
        g.writeNumberField("rep_sets_exact", s.repSetsExact());
        g.writeNumberField("clean_traces", s.cleanTraces());
        g.writeNumberField("clean_traces_without_alert", s.cleanTracesWithoutAlert());
        g.writeNumberField("plank_holds", s.holdSets());
        g.writeNumberField("plank_holds_exact", s.holdSetsExact());
        g.writeNumberField("sides_scored", s.sidesScored());
        g.writeNumberField("sides_correct", s.sidesCorrect());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Math.round(v * 10000) / 10000.0);
        }
    }
}
