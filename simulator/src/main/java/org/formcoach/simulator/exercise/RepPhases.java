package org.formcoach.simulator.exercise;

/**
 * The phase boundaries of one down-and-up rep, true seconds: leaves the rest position at
 * {@code start}, reaches the bottom at {@code bottom}, leaves it at {@code liftOff}, is back
 * at the top at {@code top}; the next movement may start at {@code next}.
 */
record RepPhases(double start, double bottom, double liftOff, double top, double next) {
    double eccentric() {
        return bottom - start;
    }

    double pause() {
        return liftOff - bottom;
    }

    double concentric() {
        return top - liftOff;
    }
}
