package org.formcoach.cli;

import java.util.Locale;

import org.formcoach.bridge.live.BridgeEvent;

/** The bridge's own events in plain English, one line each (coach events use {@link TextEvents}). */
public final class LiveText {
    private LiveText() {
    }

    public static String describe(BridgeEvent e) {
        String when = String.format(Locale.ROOT, "%8.2f s  ", e.t());
        if (e instanceof BridgeEvent.DeviceSeen d) {
            return when + "device connected (" + d.transport() + ")";
        } else if (e instanceof BridgeEvent.LinkLost l) {
            return when + "link lost: " + l.reason();
        } else if (e instanceof BridgeEvent.LinkRestored r) {
            return when + String.format(Locale.ROOT, "link back after %.1f s", r.downSeconds());
        } else if (e instanceof BridgeEvent.Gap g) {
            return when + String.format(Locale.ROOT, "gap: no %s samples for %.2f s (%d missing)", g.sensor(),
                    g.seconds(), g.missing());
        } else if (e instanceof BridgeEvent.BadInput b) {
            return when + "bad input so far: " + b.counts();
        } else if (e instanceof BridgeEvent.DeviceSummary s) {
            return when + String.format(Locale.ROOT,
                    "device totals: %d samples, %d bad, %d duplicates, %d backwards, %d gaps (%d missing, %.1f s),"
                            + " %d dropped by a full queue, %d link losses; alerts %d sent, %d delivered, %d dropped%s",
                    s.samples(), s.badInput(), s.duplicates(), s.backwards(), s.gaps(), s.missing(), s.gapSeconds(),
                    s.queueDropped(), s.linkLosses(), s.alertsSent(), s.alertsDelivered(), s.alertsDropped(),
                    s.badDetail().isEmpty() ? "" : " (" + s.badDetail() + ")");
        }
        return when + e;
    }
}
