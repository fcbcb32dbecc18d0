package org.formcoach.engine.coach;

/** Receives the coach's events on the thread that feeds the samples. Must not block. */
@FunctionalInterface
public interface CoachListener {
    void onEvent(CoachEvent event);

    CoachListener NONE = event -> {
    };
}
