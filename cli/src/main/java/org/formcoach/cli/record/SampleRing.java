package org.formcoach.cli.record;

import java.util.concurrent.atomic.AtomicLong;

import org.formcoach.engine.sample.Sample;

/**
 * A bounded single-producer, single-consumer queue of samples held in preallocated
 * primitive arrays: the engine {@link #offer}s without allocating or blocking, the writer
 * thread {@link #poll}s. A full ring refuses the sample (the caller counts it). The
 * producer may be a different thread from one sample to the next (the engine thread, or a
 * transport thread coaching inline) but never two at once: the engine's lock orders them
 * and carries the producer's fields from one to the next.
 */
final class SampleRing {
    private final int mask;
    private final double[] time;
    private final byte[] sensor;
    private final double[] accel;
    private final double[] gyro;
    private final double[] mag;
    private final boolean[] hasMag;
    /** Next slot the producer writes; published with release semantics. */
    private final AtomicLong head = new AtomicLong();
    /** Next slot the consumer reads. */
    private final AtomicLong tail = new AtomicLong();
    /** The producer's last view of {@link #tail}, so a non-full ring needs no cross-core read. */
    private long tailSeen;

    /** @param capacity rounded up to a power of two */
    SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        mask = size - 1;
        time = new double[size];
        sensor = new byte[size];
        accel = new double[3 * size];
        gyro = new double[3 * size];
        mag = new double[3 * size];
        hasMag = new boolean[size];
    }

    int capacity() {
        return mask + 1;
    }

    /** Producer only. @return false when the ring is full (the sample is not taken) */
    boolean offer(Sample s) {
        long h = head.get();
        if (h - tailSeen > mask) {
            tailSeen = tail.get();
            if (h - tailSeen > mask) {
                return false;
            }
        }
        int i = (int) h & mask;
        int j = 3 * i;
        time[i] = s.timeS;
        sensor[i] = (byte) s.sensor;
        accel[j] = s.ax;
        accel[j + 1] = s.ay;
        accel[j + 2] = s.az;
        gyro[j] = s.gx;
        gyro[j + 1] = s.gy;
        gyro[j + 2] = s.gz;
        hasMag[i] = s.hasMag;
        mag[j] = s.mx;
        mag[j + 1] = s.my;
        mag[j + 2] = s.mz;
        head.lazySet(h + 1);
        return true;
    }

    /** Consumer only. @return false when the ring is empty */
    boolean poll(Sample into) {
        long t = tail.get();
        if (t >= head.get()) {
            return false;
        }
        int i = (int) t & mask;
        int j = 3 * i;
        into.timeS = time[i];
        into.sensor = sensor[i];
        into.ax = accel[j];
        into.ay = accel[j + 1];
        into.az = accel[j + 2];
        into.gx = gyro[j];
        into.gy = gyro[j + 1];
        into.gz = gyro[j + 2];
        into.hasMag = hasMag[i];
        into.mx = mag[j];
        into.my = mag[j + 1];
        into.mz = mag[j + 2];
        into.receiveNanos = 0;
        tail.lazySet(t + 1);
        return true;
    }

    boolean isEmpty() {
        return tail.get() >= head.get();
    }
}
