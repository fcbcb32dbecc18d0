package org.formcoach.simulator.timing;

/**
 * One fault the injector put into a stream, for the ground truth. Times are on the clock
 * of the delivered stamps (the trace's time column).
 *
 * @param kind    what happened: {@code drop}, {@code burst-drop}, {@code gap}, {@code dup-stamp},
 *                {@code dup-data}, {@code stall}, {@code poll-repeat}, {@code poll-skip}, and one
 *                summary each for the stream-wide {@code clock}, {@code jitter} and {@code batch}
 * @param startS  where it starts, seconds
 * @param endS    where it ends (equal to the start for a single sample)
 * @param samples how many samples it affected (dropped, repeated, delayed, re-stamped)
 */
public record TimingFaultEvent(String kind, double startS, double endS, int samples) {
}
