package org.formcoach.benchmarks.e2e;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Publish → the engine decided, or the echo found the mark (inbound); from then → the
     * device has the answer (outbound). Splitting both modes at the same point tells on which
     * side of the engine's code a longer tail is.
     */
    private final Histogram inbound = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final Histogram outbound = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    /** When the engine decided on a sample ("device@index" → nanoTime), reported by its listener or the echo. */
    private final ConcurrentHashMap<String, Long> decisions = new ConcurrentHashMap<>();
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

    /** The engine decided an alert or clear on {@code device}'s sample {@code index} (or the echo saw its mark) at {@code nanos}. */
    void decided(String device, int index, long nanos) {
        decisions.put(device + "@" + index, nanos);
    }

    /** The answer to {@code device}'s sample {@code index}, sent at {@code sentNanos}, arrived at {@code nowNanos}. */
    void answered(String device, int index, long sentNanos, long nowNanos) {
        Long decided = decisions.remove(device + "@" + index);
        synchronized (this) {
            answered++;
            record(histogram, nowNanos - sentNanos);
            if (decided != null) {
                record(inbound, decided - sentNanos);
                record(outbound, nowNanos - decided);
            }
        }
    }

    private static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(0, Math.min(nanos, h.getHighestTrackableValue())));
    }

    /** "inbound p50/p99/p99.9 … ms, outbound …"; empty when nothing was split. */
    synchronized String split() {
        if (inbound.getTotalCount() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "publish → decided p50/p99/p99.9 %.3f/%.3f/%.3f ms, "
                        + "decided → device %.3f/%.3f/%.3f ms", inbound.getValueAtPercentile(50) / 1e6,
                inbound.getValueAtPercentile(99) / 1e6, inbound.getValueAtPercentile(99.9) / 1e6,
                outbound.getValueAtPercentile(50) / 1e6, outbound.getValueAtPercentile(99) / 1e6,
                outbound.getValueAtPercentile(99.9) / 1e6);
    }

    /** Answers whose latency was split (their decision or mark was noted before the answer came). */
    synchronized long splitAnswers() {
        return inbound.getTotalCount();
    }

    /** Pools several runs of one mode: every histogram and count of each is added to a new one. */
    static Latencies pooled(List<Latencies> runs) {
        Latencies all = new Latencies();
        for (Latencies l : runs) {
            synchronized (l) {
                all.histogram.add(l.histogram);
                all.inbound.add(l.inbound);
                all.outbound.add(l.outbound);
                all.expected += l.expected;
                all.answered += l.answered;
                all.unexpected += l.unexpected;
                all.duplicates += l.duplicates;
                all.sendFailures += l.sendFailures;
            }
        }
        return all;
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
