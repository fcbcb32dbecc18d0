package org.formcoach.cli.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.formcoach.cli.TextEvents;
import org.formcoach.cli.live.LiveStatus;
import org.formcoach.engine.coach.Exercise;

/**
 * Draws one device's live status as a few lines of text: link state and packet loss, the
 * exercise and phase with the rep count and hold timer, each fault rule's value as a bar
 * against its warn and fault thresholds, the posture angles, and a prompt. Pure: the same
 * status gives the same lines, so it is tested without a terminal.
 */
public final class StatusRenderer {
    static final int BAR_WIDTH = 24;
    private static final int NAME_WIDTH = 24;

    private final boolean colour;
    private final Glyphs g;

    public StatusRenderer(boolean colour, boolean unicode) {
        this.colour = colour;
        this.g = Glyphs.of(unicode);
    }

    /**
     * @param prompt    what to ask the wearer now (calibration), or null
     * @param nowNanos  the wall clock, for "no data for N s"
     */
    public List<String> render(LiveStatus s, String prompt, long nowNanos) {
        List<String> lines = new ArrayList<>(6);
        lines.add(linkLine(s, nowNanos));
        if (!s.seen()) {
            if (prompt != null) {
                lines.add(" " + style(Ansi.BOLD_CYAN, g.prompt() + " " + prompt));
            }
            return lines;
        }
        lines.add(exerciseLine(s));
        for (int i = 0; i < s.ruleCount(); i++) {
            lines.add(ruleLine(s, i));
        }
        lines.add(postureLine(s));
        if (prompt != null) {
            lines.add(" " + style(Ansi.BOLD_CYAN, g.prompt() + " " + prompt));
        }
        return lines;
    }

    private String linkLine(LiveStatus s, long nowNanos) {
        StringBuilder b = new StringBuilder(" ").append(style(Ansi.BOLD, s.device())).append("  ");
        double silent = s.silentSeconds(nowNanos);
        if (!s.seen()) {
            b.append(style(Ansi.YELLOW, g.waiting() + " waiting for data"));
        } else if (!s.linkUp()) {
            b.append(style(Ansi.BOLD_RED, g.lost() + " link lost"));
        } else if (silent >= 1.5) {
            b.append(style(Ansi.YELLOW, String.format(Locale.ROOT, "%s no data for %.0f s", g.waiting(), silent)));
        } else {
            b.append(style(Ansi.GREEN, g.live() + " receiving"));
        }
        if (s.seen()) {
            double loss = s.lossPercent();
            String lossText = String.format(Locale.ROOT, "%.1f %% lost", loss);
            b.append(" · ").append(loss >= 10 ? style(Ansi.BOLD_RED, lossText)
                    : loss >= 1 ? style(Ansi.YELLOW, lossText) : lossText);
            if (s.linkLosses() > 0) {
                b.append(" · ").append(s.linkLosses()).append(s.linkLosses() == 1 ? " link loss" : " link losses");
            }
            b.append(" · ").append(clock(s.elapsed()));
        }
        return b.toString();
    }

    private String exerciseLine(LiveStatus s) {
        Exercise ex = s.exercise();
        String name = ex.cliName().toUpperCase(Locale.ROOT);
        String phase = s.phase();
        StringBuilder b = new StringBuilder(" ").append(style(Ansi.BOLD_CYAN, name)).append(" · ")
                .append(s.calibrated() ? phase : style(Ansi.YELLOW, phase));
        int pad = 34 - name.length() - 3 - phase.length();
        b.append(" ".repeat(Math.max(2, pad)));
        if (ex.countsReps()) {
            b.append(style(Ansi.BOLD, "reps " + s.exerciseReps())).append("   ");
        }
        double hold = s.holdSeconds();
        if (ex == Exercise.PLANK || ex == Exercise.BIRD_DOG || !Double.isNaN(hold)) {
            b.append(Double.isNaN(hold) ? "hold  -  " : style(Ansi.BOLD, "hold " + holdClock(hold))).append("   ");
        }
        b.append("alerts ").append(s.alerts());
        return b.toString();
    }

    private String ruleLine(LiveStatus s, int i) {
        String name = TextEvents.words(s.ruleFault(i));
        double v = s.ruleValue(i);
        double warn = s.ruleWarn(i);
        double fault = s.ruleFaultDeg(i);
        String value = Double.isNaN(v) ? "    -  " : String.format(Locale.ROOT, "%5.1f%s", v, g.degree().strip());
        StringBuilder b = new StringBuilder(" ");
        b.append(pad(name, NAME_WIDTH)).append(' ').append(pad(value, 7)).append(' ');
        b.append(bar(v, warn, fault));
        b.append(String.format(Locale.ROOT, "  warn %s  fault %s", degrees(warn), degrees(fault)));
        String line = b.toString();
        int level = s.ruleLevel(i);
        if (level == 2) {
            return " " + style(Ansi.INVERSE_RED, line.substring(1));
        }
        if (level == 1) {
            return " " + style(Ansi.INVERSE_YELLOW, line.substring(1));
        }
        return line;
    }

    /**
     * The value on a scale from 0 to 1.5× the fault threshold, with marks at warn and
     * fault; the filled part coloured by the zone the value is in.
     */
    String bar(double value, double warn, double fault) {
        double max = Math.max(fault * 1.5, 1);
        int warnAt = cell(warn, max);
        int faultAt = Math.max(warnAt + 1, cell(fault, max));
        int filled = Double.isNaN(value) ? 0 : Math.min(BAR_WIDTH, Math.max(0, (int) Math.round(value / max * BAR_WIDTH)));
        StringBuilder plain = new StringBuilder(BAR_WIDTH + 2);
        for (int c = 0; c < BAR_WIDTH; c++) {
            if (c == warnAt || c == faultAt) {
                plain.append(g.mark());
            } else {
                plain.append(c < filled ? g.filled() : g.empty());
            }
        }
        String zone = Double.isNaN(value) ? null : value >= fault ? Ansi.RED : value >= warn ? Ansi.YELLOW : Ansi.GREEN;
        String fill = plain.substring(0, filled);
        return "[" + style(zone, fill) + plain.substring(filled) + "]";
    }

    private static int cell(double threshold, double max) {
        return Math.min(BAR_WIDTH - 1, Math.max(0, (int) Math.round(threshold / max * BAR_WIDTH)));
    }

    private String postureLine(LiveStatus s) {
        if (!s.calibrated()) {
            return " " + style(Ansi.DIM, "posture: not calibrated yet");
        }
        StringBuilder b = new StringBuilder(" pelvis ");
        b.append(String.format(Locale.ROOT, "%.1f%s forward · %.1f%s sideways", s.inclinationDeg(), g.degree(),
                s.lateralDeg(), g.degree()));
        if (!Double.isNaN(s.lumbarDeg())) {
            b.append(String.format(Locale.ROOT, " · lumbar angle %.1f%s", s.lumbarDeg(), g.degree()));
        }
        return style(Ansi.DIM, b.toString());
    }

    private String degrees(double v) {
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + g.degree().strip();
    }

    private String style(String code, String text) {
        return Ansi.style(code, text, colour);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** m:ss */
    static String clock(double seconds) {
        long t = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    /** m:ss.s */
    static String holdClock(double seconds) {
        double t = Math.max(0, seconds);
        long m = (long) (t / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", m, t - 60 * m);
    }
}
