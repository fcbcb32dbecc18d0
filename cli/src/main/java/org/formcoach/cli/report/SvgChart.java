package org.formcoach.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot panel as inline SVG: lines of values over time, horizontal bands (threshold
 * zones), shaded time spans (reps, holds) and vertical markers (alerts). Long series are
 * thinned to the minimum and maximum per pixel column, so peaks survive and the file stays
 * small whatever the session's length.
 */
final class SvgChart {
    private static final int TOP = 22;
    private static final int BOTTOM = 22;
    /** Characters per caption line that fit the left margin before the y labels. */
    private static final int CAPTION_CHARS = 18;

    private final TimeAxis axis;
    private final int height;
    private final String label;
    private double lo = 0;
    private double hi = 1;
    private final StringBuilder bands = new StringBuilder();
    private final StringBuilder spans = new StringBuilder();
    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder markers = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();
    private String caption = "";

    /** @param origin the session start (zero of the time labels) */
    SvgChart(double t0, double t1, double origin, int height, String label) {
        this.axis = new TimeAxis(t0, t1, Svg.LEFT, Svg.WIDTH - Svg.RIGHT, origin);
        this.height = height;
        this.label = label;
    }

    /** The y range in degrees; values outside are drawn at the edge. */
    SvgChart yRange(double lo, double hi) {
        this.lo = lo;
        this.hi = hi > lo ? hi : lo + 1;
        return this;
    }

    /** Text in the left margin above the y labels (the quantity). */
    SvgChart caption(String text) {
        this.caption = text;
        return this;
    }

    private double top() {
        return TOP;
    }

    private double bottom() {
        return height - BOTTOM;
    }

    double y(double v) {
        double c = Math.max(lo, Math.min(hi, v));
        return bottom() - (c - lo) / (hi - lo) * (bottom() - top());
    }

    /** A horizontal zone between two values over a time interval. */
    void band(double tFrom, double tTo, double vLo, double vHi, String cls, String title) {
        if (!(vHi > lo) || !(vLo < hi) || !(tTo > tFrom)) {
            return;
        }
        double x = axis.x(tFrom);
        double yTop = y(vHi);
        Svg.rect(bands, x, yTop, axis.x(tTo) - x, y(vLo) - yTop, cls, title);
    }

    /** A shaded time span across the full height, with a short label at its top. */
    void span(double tFrom, double tTo, String cls, String text, String title) {
        double x = axis.x(tFrom);
        double w = axis.x(tTo) - x;
        Svg.rect(spans, x, top(), w, bottom() - top(), cls, title);
        if (text != null && w >= 8) {
            Svg.text(spans, x + w / 2, top() + 10, "middle", "span-label", text);
        }
    }

    /** A vertical marker with a small triangle at the top (an alert). */
    void marker(double t, String cls, String title) {
        double x = axis.x(t);
        markers.append("<g class=\"").append(cls).append("\"><title>").append(Html.escape(title)).append("</title>");
        markers.append("<line x1=\"");
        Svg.num(markers, x).append("\" y1=\"");
        Svg.num(markers, top()).append("\" x2=\"");
        Svg.num(markers, x).append("\" y2=\"");
        Svg.num(markers, bottom()).append("\"/><path d=\"M");
        Svg.num(markers, x - 4).append(',');
        Svg.num(markers, top() - 7).append('L');
        Svg.num(markers, x + 4).append(',');
        Svg.num(markers, top() - 7).append('L');
        Svg.num(markers, x).append(',');
        Svg.num(markers, top()).append("Z\"/></g>\n");
    }

    void legend(String cls, String text) {
        legend.add(new String[]{cls, text});
    }

    /**
     * A series as a path; NaN breaks the line. When there are more points than two per
     * pixel column, each column keeps its minimum and maximum (in time order).
     */
    void line(DoubleColumn time, DoubleColumn values, String cls) {
        int n = time.size();
        StringBuilder d = new StringBuilder(n * 12);
        double columns = axis.x1 - axis.x0;
        if (n <= 2 * columns) {
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                double v = values.get(i);
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                point(d, pen ? 'L' : 'M', axis.x(time.get(i)), y(v));
                pen = true;
            }
        } else {
            boolean pen = false;
            int i = 0;
            while (i < n) {
                int column = column(time.get(i));
                double min = Double.NaN;
                double max = Double.NaN;
                int minAt = -1;
                int maxAt = -1;
                boolean gap = false;
                int j = i;
                for (; j < n && column(time.get(j)) == column; j++) {
                    double v = values.get(j);
                    if (Double.isNaN(v)) {
                        gap = true;
                        continue;
                    }
                    if (minAt < 0 || v < min) {
                        min = v;
                        minAt = j;
                    }
                    if (maxAt < 0 || v > max) {
                        max = v;
                        maxAt = j;
                    }
                }
                if (minAt < 0) {
                    pen = false;
                } else {
                    double x = axis.x0 + column + 0.5;
                    double first = minAt <= maxAt ? min : max;
                    double second = minAt <= maxAt ? max : min;
                    point(d, pen ? 'L' : 'M', x, y(first));
                    point(d, 'L', x, y(second));
                    pen = !gap || Double.isFinite(values.get(j - 1));
                }
                i = j;
            }
        }
        if (d.length() > 0) {
            lines.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\"/>\n");
        }
    }

    private int column(double t) {
        return (int) Math.min(axis.x1 - axis.x0 - 1, Math.floor(axis.x(t) - axis.x0));
    }

    private static void point(StringBuilder d, char command, double x, double y) {
        d.append(command);
        Svg.num(d, x).append(',');
        Svg.num(d, y);
    }

    String render() {
        StringBuilder out = new StringBuilder(4096 + lines.length() + bands.length() + spans.length());
        out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(Svg.WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        out.append("<title>").append(Html.escape(label)).append("</title>\n");
        Svg.rect(out, axis.x0, top(), axis.x1 - axis.x0, bottom() - top(), "plot-bg", null);
        out.append(bands).append(spans);
        for (double v : yTicks()) {
            double y = y(v);
            Svg.line(out, axis.x0, y, axis.x1, y, v == 0 ? "zero" : "grid");
            Svg.text(out, axis.x0 - 6, y + 4, "end", "tick", Svg.num(new StringBuilder(), v).append('°').toString());
        }
        Svg.timeGrid(out, axis, top(), bottom());
        out.append(lines).append(markers);
        double captionY = top() + 12;
        for (String line : wrap(caption, CAPTION_CHARS)) {
            Svg.text(out, 4, captionY, "start", "caption", line);
            captionY += 13;
        }
        double x = axis.x0;
        for (String[] entry : legend) {
            Svg.rect(out, x, 5, 12, 10, entry[0] + " swatch", null);
            Svg.text(out, x + 16, 14, "start", "legend", entry[1]);
            x += 28 + 6.2 * entry[1].length();
        }
        return out.append("</svg>\n").toString();
    }

    /** Splits text at spaces into lines of at most {@code width} characters (longer words stay whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Round y ticks: steps of 1, 2 or 5 × 10^k, at most about six. */
    private List<Double> yTicks() {
        double span = hi - lo;
        double raw = span / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[]{1, 2, 5, 10}) {
            step = m * magnitude;
            if (span / step <= 6) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            ticks.add(Math.abs(v) < 1e-9 ? 0 : v);
        }
        return ticks;
    }
}
