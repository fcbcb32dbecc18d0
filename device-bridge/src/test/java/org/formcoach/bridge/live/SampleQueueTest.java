package org.formcoach.bridge.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;

class SampleQueueTest {
    @Test
    void shouldHandSamplesOverInOrderWithEveryField() {
        SampleQueue q = new SampleQueue(8);
        Sample s = new Sample().set(1.5, Placement.THORACOLUMBAR, 1, 2, 3, 4, 5, 6).setMag(7, 8, 9);
        s.receiveNanos = 42;
        assertTrue(q.offer(3, s, 77));
        s.timeS = 1.51;
        q.offer(4, s, 78);
        List<String> seen = new ArrayList<>();
        q.drain((device, x, seq) -> seen.add(device + ":" + x.timeS + ":" + seq + ":" + x.sensor + ":" + x.gz + ":"
                + x.mz + ":" + x.hasMag + ":" + x.receiveNanos), 10);
        assertEquals(List.of("3:1.5:77:2:6.0:9.0:true:42", "4:1.51:78:2:6.0:9.0:true:42"), seen);
    }

    @Test
    void shouldRefuseAndCountWhenFullWithoutBlocking() {
        SampleQueue q = new SampleQueue(4);
        Sample s = new Sample();
        for (int i = 0; i < 4; i++) {
            assertTrue(q.offer(0, s, i));
        }
        assertFalse(q.offer(0, s, 4));
        assertEquals(1, q.dropped());
        assertEquals(2, q.drain((d, x, seq) -> { }, 2));
        assertTrue(q.offer(0, s, 5), "room again after the consumer took some");
    }

    @Test
    void shouldLoseNothingWithManyProducers() throws Exception {
        SampleQueue q = new SampleQueue(1 << 12);
        int producers = 4;
        int each = 20_000;
        long[] sums = new long[1];
        int[] count = new int[1];
        Thread consumer = new Thread(() -> {
            try {
                while (count[0] < producers * each) {
                    if (q.drain((d, x, seq) -> {
                        sums[0] += seq;
                        count[0]++;
                    }, 256) == 0) {
                        q.await(10);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Thread t = new Thread(() -> {
                Sample s = new Sample();
                for (int i = 0; i < each; i++) {
                    while (!q.offer(0, s, i)) {
                        Thread.onSpinWait();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        consumer.join(30_000);
        assertEquals(producers * each, count[0]);
        assertEquals((long) producers * each * (each - 1) / 2, sums[0]);
    }
}
