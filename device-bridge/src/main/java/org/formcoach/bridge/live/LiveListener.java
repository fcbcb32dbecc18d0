package org.formcoach.bridge.live;

import org.formcoach.engine.coach.CoachEvent;

/**
 * Receives everything a live session says, in order, one call at a time, from whichever
 * thread is running the engine (the engine thread, or a transport thread coaching a sample
 * inline: see {@link EngineLoop}). Must not block: a slow listener holds up the engine and
 * the transport that is reading. Output that a reader can stall (standard output into a
 * pipe) belongs on a thread of the listener's own, behind a bounded queue.
 */
public interface LiveListener {
    void coachEvent(String device, CoachEvent event);

    void bridgeEvent(BridgeEvent event);

    /** A note for the operator that belongs to no device (broker started, transport failed). */
    default void note(String message) {
    }
}
