package org.formcoach.bridge.live;

import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.coach.EventJson;
import org.formcoach.engine.util.DecimalFormatter;

/**
 * Live output as JSON lines: the coach's events exactly as {@code replay --format jsonl}
 * writes them (CONTRACT §2) with a {@code device} field added last, and the bridge's own
 * events in the same shape ({@code t}, {@code type}, {@code device}, then their fields).
 */
public final class LiveJson {
    private LiveJson() {
    }

    public static StringBuilder append(StringBuilder out, String device, CoachEvent event) {
        EventJson.append(out, event);
        out.setLength(out.length() - 1); // reopen the object
        return out.append(",\"device\":\"").append(device).append("\"}");
    }

    public static StringBuilder append(StringBuilder out, BridgeEvent event) {
        out.append("{\"t\":");
        number(out, event.t(), 3);
        out.append(",\"type\":\"").append(event.type()).append('"');
        out.append(",\"device\":\"").append(event.device()).append('"');
        if (event instanceof BridgeEvent.DeviceSeen d) {
            field(out, "transport", d.transport());
        } else if (event instanceof BridgeEvent.LinkLost l) {
            field(out, "reason", l.reason());
        } else if (event instanceof BridgeEvent.LinkRestored r) {
            out.append(",\"down_s\":");
            number(out, r.downSeconds(), 3);
        } else if (event instanceof BridgeEvent.Gap g) {
            field(out, "sensor", g.sensor());
            out.append(",\"gap_s\":");
            number(out, g.seconds(), 3);
            out.append(",\"missing\":").append(g.missing());
        } else if (event instanceof BridgeEvent.BadInput b) {
            field(out, "counts", b.counts());
        } else if (event instanceof BridgeEvent.DeviceSummary s) {
            field(out, "transport", s.transport());
            out.append(",\"samples\":").append(s.samples());
            out.append(",\"bad_input\":").append(s.badInput());
            field(out, "bad_detail", s.badDetail());
            out.append(",\"duplicates\":").append(s.duplicates());
            out.append(",\"backwards\":").append(s.backwards());
            out.append(",\"gaps\":").append(s.gaps());
            out.append(",\"missing\":").append(s.missing());
            out.append(",\"gap_s\":");
            number(out, s.gapSeconds(), 3);
            out.append(",\"queue_dropped\":").append(s.queueDropped());
            out.append(",\"link_losses\":").append(s.linkLosses());
            out.append(",\"alerts_sent\":").append(s.alertsSent());
            out.append(",\"alerts_delivered\":").append(s.alertsDelivered());
            out.append(",\"alerts_dropped\":").append(s.alertsDropped());
        }
        return out.append('}');
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
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
}
