package org.formcoach.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A timeline as inline SVG: one lane per row (reps, holds, each fault), bars for the time
 * each thing lasted. Shows at a glance when the reps happened, which were faulty, and when
 * each fault was being signalled.
 */
final class SvgTimeline {
    private static final int TOP = 8;
    private static final int LANE = 22;
    private static final int BOTTOM = 22;

    private record Bar(double from, double to, String cls, String text, String title) {
    }

    private record Lane(String name, List<Bar> bars) {
    }

    private final TimeAxis axis;
    private final String label;
    private final List<Lane> lanes = new ArrayList<>();

    SvgTimeline(double t0, double t1, double origin, String label) {
        this.axis = new TimeAxis(t0, t1, Svg.LEFT, Svg.WIDTH - Svg.RIGHT, origin);
        this.label = label;
    }

    /** Adds a lane and returns its index. */
    int lane(String name) {
        lanes.add(new Lane(name, new ArrayList<>()));
        return lanes.size() - 1;
    }

    void bar(int lane, double from, double to, String cls, String text, String title) {
        lanes.get(lane).bars().add(new Bar(from, to, cls, text, title));
    }

    String render() {
        int height = TOP + LANE * lanes.size() + BOTTOM;
        double bottom = TOP + LANE * lanes.size();
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg class=\"chart timeline\" viewBox=\"0 0 ").append(Svg.WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        out.append("<title>").append(Html.escape(label)).append("</title>\n");
        Svg.rect(out, axis.x0, TOP, axis.x1 - axis.x0, bottom - TOP, "plot-bg", null);
        Svg.timeGrid(out, axis, TOP, bottom);
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double y = TOP + LANE * i;
            if (i > 0) {
                Svg.line(out, axis.x0, y, axis.x1, y, "grid");
            }
            Svg.text(out, axis.x0 - 6, y + LANE / 2.0 + 4, "end", "lane", lane.name());
            for (Bar b : lane.bars()) {
                double x = axis.x(b.from());
                double w = Math.max(1.5, axis.x(b.to()) - x);
                Svg.rect(out, x, y + 4, w, LANE - 8, b.cls(), b.title());
                if (b.text() != null && w >= 6.5 * b.text().length() + 2) {
                    Svg.text(out, x + w / 2, y + LANE / 2.0 + 4, "middle", "bar-label", b.text());
                }
            }
        }
        return out.append("</svg>\n").toString();
    }
}
