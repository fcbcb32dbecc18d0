package org.formcoach.engine.coach;

import org.formcoach.engine.util.DecimalFormatter;
import org.formcoach.engine.util.JsonStrings;

/**
 * Writes events as the JSON objects of CONTRACT §2, one per line, fields in the
 * contract's order: {@code t}, {@code type}, then the type's own fields.
 */
public final class EventJson {
    private EventJson() {
    }

    public static String toJson(CoachEvent event) {
        return append(new StringBuilder(160), event).toString();
    }

    public static StringBuilder append(StringBuilder out, CoachEvent event) {
        out.append("{\"t\":");
        time(out, event.t());
        out.append(",\"type\":\"").append(event.type()).append('"');
        if (event instanceof CoachEvent.Calibrated c) {
            out.append(",\"sensor\":\"").append(c.sensor().traceName()).append('"');
            out.append(",\"method\":");
            string(out, c.method());
        } else if (event instanceof CoachEvent.Rep r) {
            out.append(",\"exercise\":\"").append(r.exercise().cliName()).append('"');
            out.append(",\"rep\":").append(r.rep());
            out.append(",\"start\":");
            time(out, r.start());
            out.append(",\"end\":");
            time(out, r.end());
            if (r.side() != null) {
                out.append(",\"side\":\"").append(r.side().wireName()).append('"');
            }
            out.append(",\"faults\":[");
            for (int i = 0; i < r.faults().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"').append(r.faults().get(i).wireName()).append('"');
            }
            out.append(']');
        } else if (event instanceof CoachEvent.Alert a) {
            out.append(",\"exercise\":\"").append(a.exercise().cliName()).append('"');
            out.append(",\"fault\":\"").append(a.fault().wireName()).append('"');
            out.append(",\"severity\":\"").append(a.severity().wireName()).append('"');
            out.append(",\"value_deg\":");
            number(out, a.valueDeg(), 2);
            out.append(",\"threshold_deg\":");
            number(out, a.thresholdDeg(), 2);
            if (a.rep() > 0) {
                out.append(",\"rep\":").append(a.rep());
            }
        } else if (event instanceof CoachEvent.Clear c) {
            out.append(",\"exercise\":\"").append(c.exercise().cliName()).append('"');
            out.append(",\"fault\":\"").append(c.fault().wireName()).append('"');
        } else if (event instanceof CoachEvent.Hold h) {
            out.append(",\"exercise\":\"").append(h.exercise().cliName()).append('"');
            out.append(",\"start\":");
            time(out, h.start());
            out.append(",\"end\":");
            time(out, h.end());
            out.append(",\"duration_s\":");
            number(out, h.durationS(), 3);
        } else if (event instanceof CoachEvent.Warning w) {
            out.append(",\"code\":");
            string(out, w.code());
            out.append(",\"message\":");
            string(out, w.message());
        } else if (event instanceof CoachEvent.ExerciseStarted x) {
            out.append(",\"exercise\":\"").append(x.exercise().cliName()).append('"');
        } else if (event instanceof CoachEvent.Summary s) {
            out.append(",\"reps\":").append(s.reps());
            out.append(",\"alerts\":").append(s.alerts());
            out.append(",\"samples\":").append(s.samples());
            out.append(",\"bad_rows\":").append(s.badRows());
        }
        return out.append('}');
    }

    private static void time(StringBuilder out, double t) {
        number(out, t, 3);
    }

    private static void number(StringBuilder out, double v, int decimals) {
        if (!Double.isFinite(v)) {
            out.append("null");
            return;
        }
        int before = out.length();
        DecimalFormatter.append(out, v, decimals);
        if (out.length() == before) {
            out.append('0');
        }
    }

    private static void string(StringBuilder out, String s) {
        JsonStrings.append(out, s, false);
    }
}
