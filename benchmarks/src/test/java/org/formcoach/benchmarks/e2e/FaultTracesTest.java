package org.formcoach.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.formcoach.bridge.wire.JsonSampleDecoder;
import org.formcoach.bridge.wire.WireCounters;
import org.junit.jupiter.api.Test;

class FaultTracesTest {
    private static int count(boolean[] marks) {
        int n = 0;
        for (boolean m : marks) {
            n += m ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldMarkAWarnAFaultAndAClearForEverySagCycle() {
        FaultTraces.Variant v = FaultTraces.variant(0, 100, 30, true);
        // The first sag starts at 9.5 s; each 3.9 s cycle warns, escalates and clears.
        int cycles = (int) ((30 - 9.5) / FaultTraces.CYCLE_S);
        assertTrue(count(v.markedJson) >= 3 * (cycles - 1), count(v.markedJson) + " JSON marks for " + cycles + " cycles");
        assertTrue(count(v.markedText) >= 3 * (cycles - 1), count(v.markedText) + " text marks for " + cycles + " cycles");
    }

    @Test
    void shouldMarkNothingInACleanPlank() {
        FaultTraces.Variant v = FaultTraces.variant(0, 100, 30, false);
        assertEquals(0, count(v.markedJson));
        assertEquals(0, count(v.markedText));
    }

    @Test
    void shouldCarryTheMarkOnlyInTheMarkedSamplesPayloads() {
        FaultTraces.Variant v = FaultTraces.variant(1, 100, 20, true);
        for (int k = 0; k < v.count; k++) {
            boolean carries = Answers.indexOf(v.single[k], "\"mark\":[", 0) >= 0;
            assertEquals(v.markedJson[k], carries, "sample " + k);
        }
    }

    /** Marks are found on single-sample payloads; a batch must decode to the very same times. */
    @Test
    void shouldDecodeABatchToTheSameTimesAsTheSameSamplesSentOneByOne() {
        FaultTraces.Variant v = FaultTraces.variant(2, 100, 12, true);
        List<Double> single = new ArrayList<>();
        JsonSampleDecoder one = new JsonSampleDecoder(new WireCounters(), (s, seq) -> single.add(s.timeS));
        for (int k = 300; k < 340; k++) {
            one.decode(v.single[k], 0, v.single[k].length, 0);
        }
        List<Double> batched = new ArrayList<>();
        JsonSampleDecoder many = new JsonSampleDecoder(new WireCounters(), (s, seq) -> batched.add(s.timeS));
        StringBuilder text = new StringBuilder();
        for (int from = 300; from < 340; from += 10) {
            byte[] batch = v.batch(from, from + 9, text);
            many.decode(batch, 0, batch.length, 0);
        }
        assertEquals(40, batched.size());
        assertArrayEquals(single.stream().mapToDouble(Double::doubleValue).toArray(),
                batched.stream().mapToDouble(Double::doubleValue).toArray(), 0.0);
    }

    @Test
    void shouldReadTheTimeAnAlertNames() {
        byte[] alert = "{\"type\":\"clear\",\"n\":3,\"t\":22.53,\"exercise\":\"plank\",\"fault\":\"hip_sag\"}".getBytes();
        assertEquals(22.53, Answers.time(alert), 0.0);
        assertTrue(Double.isNaN(Answers.time("{\"type\":\"clear\"}".getBytes())));
    }
}
