package org.formcoach.cli.live;

import java.util.List;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.engine.coach.CoachEvent;

/** Hands each event of a live session to several listeners, in order (view, dashboard, recorder, summary). */
public final class Fanout implements LiveListener {
    private final List<LiveListener> listeners;

    public Fanout(List<LiveListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void coachEvent(String device, CoachEvent event) {
        for (LiveListener l : listeners) {
            l.coachEvent(device, event);
        }
    }

    @Override
    public void bridgeEvent(BridgeEvent event) {
        for (LiveListener l : listeners) {
            l.bridgeEvent(event);
        }
    }

    @Override
    public void note(String message) {
        for (LiveListener l : listeners) {
            l.note(message);
        }
    }
}
