package org.formcoach.cli.report;

/** Small helpers shared by the SVG charts: compact numbers and the common frame. */
final class Svg {
    /** The drawing's width in SVG units; it scales to the page. */
    static final int WIDTH = 900;
    /** Left margin: room for lane names and y labels, the same in every chart so time axes line up. */
    static final int LEFT = 158;
    static final int RIGHT = 14;

    private Svg() {
    }

    /** Appends v rounded to 0.1 without a locale or exponent. */
    static StringBuilder num(StringBuilder out, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        if (tenths % 10 != 0) {
            out.append('.').append(tenths % 10);
        }
        return out;
    }

    static void rect(StringBuilder out, double x, double y, double w, double h, String cls, String title) {
        if (title != null) {
            out.append("<g><title>").append(Html.escape(title)).append("</title>");
        }
        out.append("<rect class=\"").append(cls).append("\" x=\"");
        num(out, x).append("\" y=\"");
        num(out, y).append("\" width=\"");
        num(out, Math.max(0.5, w)).append("\" height=\"");
        num(out, Math.max(0, h)).append("\"/>");
        if (title != null) {
            out.append("</g>");
        }
        out.append('\n');
    }

    static void text(StringBuilder out, double x, double y, String anchor, String cls, String text) {
        out.append("<text x=\"");
        num(out, x).append("\" y=\"");
        num(out, y).append("\" text-anchor=\"").append(anchor).append("\" class=\"").append(cls).append("\">")
                .append(Html.escape(text)).append("</text>\n");
    }

    static void line(StringBuilder out, double x1, double y1, double x2, double y2, String cls) {
        out.append("<line class=\"").append(cls).append("\" x1=\"");
        num(out, x1).append("\" y1=\"");
        num(out, y1).append("\" x2=\"");
        num(out, x2).append("\" y2=\"");
        num(out, y2).append("\"/>\n");
    }

    /** The time axis under a plot area: tick lines across it and labels below. */
    static void timeGrid(StringBuilder out, TimeAxis axis, double top, double bottom) {
        for (double t : axis.ticks()) {
            double x = axis.x(t);
            line(out, x, top, x, bottom, "grid");
            text(out, x, bottom + 14, "middle", "tick", axis.label(t));
        }
    }
}
