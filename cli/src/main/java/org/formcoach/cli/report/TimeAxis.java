package org.formcoach.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps trace time to x pixels and picks readable ticks, labelled as time since the session started. */
final class TimeAxis {
    private static final double[] STEPS = {0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
    private static final int MAX_TICKS = 9;

    final double t0;
    final double t1;
    final double x0;
    final double x1;
    private final double origin;

    /** @param origin the session's start, the zero of the labels */
    TimeAxis(double t0, double t1, double x0, double x1, double origin) {
        this.t0 = t0;
        this.t1 = t1 > t0 ? t1 : t0 + 1;
        this.x0 = x0;
        this.x1 = x1;
        this.origin = origin;
    }

    double x(double t) {
        double clamped = Math.max(t0, Math.min(t1, t));
        return x0 + (clamped - t0) / (t1 - t0) * (x1 - x0);
    }

    /** Seconds of trace time per pixel. */
    double secondsPerPixel() {
        return (t1 - t0) / (x1 - x0);
    }

    double step() {
        double span = t1 - t0;
        for (double s : STEPS) {
            if (span / s <= MAX_TICKS) {
                return s;
            }
        }
        return Math.ceil(span / MAX_TICKS / 3600) * 3600;
    }

    /** Tick times (trace time) at round numbers of seconds since the session start. */
    List<Double> ticks() {
        double step = step();
        List<Double> out = new ArrayList<>();
        double first = Math.ceil((t0 - origin) / step - 1e-9) * step + origin;
        for (double t = first; t <= t1 + 1e-9; t += step) {
            out.add(t);
        }
        return out;
    }

    String label(double t) {
        double s = Math.max(0, t - origin);
        if (step() < 1) {
            return Texts.clock(s);
        }
        long whole = Math.round(s);
        if (whole >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
