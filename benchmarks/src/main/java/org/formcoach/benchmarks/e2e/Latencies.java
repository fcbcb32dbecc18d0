package org.formcoach.benchmarks.e2e;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What one run measured: the latency of every answered sample (device publish → the device
 * holds the answer) in an HdrHistogram, and the counts that say whether anything was lost.
 * Written from the devices' receiving threads, so every method is synchronized (answers are
 * rare: a few hundred a second at most).
 */
final class Latencies {
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    /** Marked samples sent in the measurement window: each should be answered once. */
    private long expected;
    /** Answers to marked samples of the window. */
    private long answered;
    /** Answers naming a sample that was not marked (the engine decided differently from the dry run). */
    private long unexpected;
    /** Second answers to the same sample (QoS 1 may deliver twice). */
    private long duplicates;
    /** Samples the devices could not hand to their client. */
    private long sendFailures;

    synchronized void expect(long n) {
        expected += n;
    }

    synchronized void answered(long latencyNanos) {
        answered++;
        histogram.recordValue(Math.min(latencyNanos, histogram.getHighestTrackableValue()));
    }

    synchronized void countUnexpected() {
        unexpected++;
    }

    synchronized void countDuplicate() {
        duplicates++;
    }

    synchronized void countSendFailure() {
        sendFailures++;
    }

    synchronized long expected() {
        return expected;
    }

    synchronized long answered() {
        return answered;
    }

    synchronized long lost() {
        return Math.max(0, expected - answered);
    }

    synchronized long unexpected() {
        return unexpected;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long sendFailures() {
        return sendFailures;
    }

    /** Milliseconds at a percentile (NaN when nothing was answered). */
    synchronized double millisAt(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
