package org.formcoach.bridge.live;

import org.formcoach.engine.coach.CoachEvent;

/**
 * Receives everything a live session says, on the engine thread, in order. Must not block
 * for long (printing a line is fine).
 */
public interface LiveListener {
    void coachEvent(String device, CoachEvent event);

    void bridgeEvent(BridgeEvent event);

    /** A note for the operator that belongs to no device (broker started, transport failed). */
    default void note(String message) {
    }
}
