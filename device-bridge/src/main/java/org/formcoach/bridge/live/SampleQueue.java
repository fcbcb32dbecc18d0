package org.formcoach.bridge.live;

import org.formcoach.engine.sample.Sample;

/**
 * The bounded hand-off from transport threads (many producers) to the engine thread (one
 * consumer): a ring of preallocated primitive slots, so passing a sample creates no object.
 * A full ring refuses the sample ({@link #offer} returns false) and the caller counts the
 * drop against the device; the engine is never blocked and a producer never waits.
 *
 * <p>The lock is held only to copy one sample in or to move the indices; the consumer
 * processes the slots between the indices without it (producers cannot reach them until
 * the consumer advances its index).
 */
public final class SampleQueue {
    private static final int VALUES = 10;

    /** What the consumer does with each sample. */
    @FunctionalInterface
    public interface Consumer {
        void sample(int device, Sample sample, long sequence);
    }

    private final int capacity;
    private final int mask;
    private final int[] device;
    private final int[] sensor;
    private final long[] sequence;
    private final long[] receiveNanos;
    private final boolean[] hasMag;
    private final double[] values;
    private final Sample out = new Sample();
    private final Object lock = new Object();
    private long head;
    private long tail;
    private boolean consumerWaiting;
    private long dropped;

    /** @param capacity rounded up to a power of two */
    public SampleQueue(int capacity) {
        int c = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.capacity = c;
        this.mask = c - 1;
        device = new int[c];
        sensor = new int[c];
        sequence = new long[c];
        receiveNanos = new long[c];
        hasMag = new boolean[c];
        values = new double[c * VALUES];
    }

    public int capacity() {
        return capacity;
    }

    /** @return false when the ring is full (the sample is dropped) */
    public boolean offer(int deviceIndex, Sample s, long seq) {
        synchronized (lock) {
            if (tail - head == capacity) {
                dropped++;
                return false;
            }
            int i = (int) (tail & mask);
            device[i] = deviceIndex;
            sensor[i] = s.sensor;
            sequence[i] = seq;
            receiveNanos[i] = s.receiveNanos;
            hasMag[i] = s.hasMag;
            int v = i * VALUES;
            values[v] = s.timeS;
            values[v + 1] = s.ax;
            values[v + 2] = s.ay;
            values[v + 3] = s.az;
            values[v + 4] = s.gx;
            values[v + 5] = s.gy;
            values[v + 6] = s.gz;
            values[v + 7] = s.mx;
            values[v + 8] = s.my;
            values[v + 9] = s.mz;
            tail++;
            if (consumerWaiting) {
                lock.notify();
            }
        }
        return true;
    }

    /**
     * Hands up to {@code max} queued samples to the consumer (one thread only).
     *
     * @return how many
     */
    public int drain(Consumer consumer, int max) {
        long from;
        long to;
        synchronized (lock) {
            from = head;
            to = Math.min(tail, head + max);
        }
        for (long k = from; k < to; k++) {
            int i = (int) (k & mask);
            Sample s = out;
            int v = i * VALUES;
            s.timeS = values[v];
            s.sensor = sensor[i];
            s.ax = values[v + 1];
            s.ay = values[v + 2];
            s.az = values[v + 3];
            s.gx = values[v + 4];
            s.gy = values[v + 5];
            s.gz = values[v + 6];
            s.mx = values[v + 7];
            s.my = values[v + 8];
            s.mz = values[v + 9];
            s.hasMag = hasMag[i];
            s.receiveNanos = receiveNanos[i];
            consumer.sample(device[i], s, sequence[i]);
        }
        if (to > from) {
            synchronized (lock) {
                head = to;
            }
        }
        return (int) (to - from);
    }

    /** Waits until a sample is queued, {@link #wakeUp} is called, or the timeout passes. */
    public void await(long timeoutMillis) throws InterruptedException {
        synchronized (lock) {
            if (tail == head) {
                consumerWaiting = true;
                try {
                    lock.wait(timeoutMillis);
                } finally {
                    consumerWaiting = false;
                }
            }
        }
    }

    public void wakeUp() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    public int size() {
        synchronized (lock) {
            return (int) (tail - head);
        }
    }

    /** Samples refused because the ring was full, over all devices. */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }
}
