package org.formcoach.simulator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimingFaultInjectorTest {
    private static final double RATE = 100;

    /** One sensor; ax holds the sample's index so that data can be told apart. */
    private static List<Sample> clean(double seconds) {
        List<Sample> out = new ArrayList<>();
        int n = (int) Math.round(seconds * RATE);
        for (int k = 0; k < n; k++) {
            out.add(new Sample().set(k / RATE, Placement.SACRUM, k, 0, 1, 0, 0, 0));
        }
        return out;
    }

    /** Two sensors of one device, interleaved, sharing each time. */
    private static List<Sample> twoSensors(double seconds) {
        List<Sample> out = new ArrayList<>();
        int n = (int) Math.round(seconds * RATE);
        for (int k = 0; k < n; k++) {
            out.add(new Sample().set(k / RATE, Placement.THORACOLUMBAR, k, 0, 1, 0, 0, 0));
            out.add(new Sample().set(k / RATE, Placement.SACRUM, k, 0, 1, 0, 0, 0));
        }
        return out;
    }

    private static TimingFaultInjector injector(String spec, long seed) {
        return new TimingFaultInjector(TimingFaultSpec.parse(spec), RATE, new SplittableRandom(seed));
    }

    private static int count(List<TimingFaultEvent> log, String kind) {
        int n = 0;
        for (TimingFaultEvent e : log) {
            if (e.kind().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    private static int samplesOf(List<TimingFaultEvent> log, String kind) {
        int n = 0;
        for (TimingFaultEvent e : log) {
            if (e.kind().equals(kind)) {
                n += e.samples();
            }
        }
        return n;
    }

    @Test
    void shouldLeaveTheStreamAloneWithNone() {
        List<Sample> in = clean(10);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("none", 1).apply(in, log);
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(in.get(i).timeS, out.get(i).timeS);
            assertEquals(in.get(i).ax, out.get(i).ax);
            assertEquals(Math.round(in.get(i).timeS * 1e9), out.get(i).receiveNanos);
        }
        assertTrue(log.isEmpty());
    }

    @Test
    void shouldDropAtTheConfiguredRateWithinBinomialTolerance() {
        double p = 0.02;
        List<Sample> in = clean(600);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("drop=" + p, 3).apply(in, log);
        int n = in.size();
        int dropped = n - out.size();
        double sd = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, dropped, 4 * sd, "dropped " + dropped + " of " + n);
        assertEquals(dropped, count(log, "drop"));
    }

    @Test
    void shouldDropInBurstsOfTheConfiguredMeanLength() {
        List<Sample> in = clean(3000);
        List<TimingFaultEvent> log = new ArrayList<>();
        injector("burst=0.002:50ms", 5).apply(in, log);
        int bursts = count(log, "burst-drop");
        double meanPackets = (double) samplesOf(log, "burst-drop") / bursts;
        // 50 ms at 100 Hz: 5 packets on average (geometric); 0.2 % of packets start one.
        assertEquals(5.0, meanPackets, 0.5);
        double expectedBursts = in.size() * 0.002 * (1 - 0.01);
        assertEquals(expectedBursts, bursts, 4 * Math.sqrt(expectedBursts));
    }

    @Test
    void shouldFollowTheDeviceClockDriftWithinOnePercent() {
        double epsilon = 0.02;
        List<Sample> in = clean(120);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("drift=20000ppm,offset=5,jitter=1ms", 7).apply(in, log);
        double[] fit = fit(in, out);
        assertEquals(epsilon, fit[1] - 1, 0.01 * epsilon, "slope of device time against true time");
        assertEquals(5, fit[0], 0.01);
        assertEquals(1, count(log, "clock"));
    }

    /** Least-squares intercept and slope of output stamps against the clean times (same length). */
    private static double[] fit(List<Sample> in, List<Sample> out) {
        int n = out.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = in.get(i).timeS;
            double y = out.get(i).timeS;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[]{(sy - slope * sx) / n, slope};
    }

    @Test
    void shouldDrawARandomDriftUniformlyWithinTwoPercent() {
        int seeds = 2000;
        double sumSq = 0;
        for (int k = 0; k < seeds; k++) {
            double e = injector("drift=random", k).rateError();
            assertTrue(Math.abs(e) <= 0.02, "epsilon " + e);
            sumSq += e * e;
        }
        assertEquals(0.02 / Math.sqrt(3), Math.sqrt(sumSq / seeds), 0.05 * 0.02 / Math.sqrt(3));
    }

    @Test
    void shouldRepeatStampsWithNewDataForStampDuplicates() {
        List<Sample> in = clean(300);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("dup=0.01:stamp", 9).apply(in, log);
        int repeatedStamps = 0;
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).timeS == out.get(i - 1).timeS) {
                repeatedStamps++;
                assertNotEquals(out.get(i - 1).ax, out.get(i).ax, "the data is new");
            }
        }
        assertTrue(repeatedStamps > 100, "repeated stamps: " + repeatedStamps);
        assertEquals(count(log, "dup-stamp"), repeatedStamps);
        assertEquals(in.size(), out.size());
    }

    @Test
    void shouldRepeatDataWithNewStampsForDataDuplicates() {
        List<Sample> in = clean(300);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("dup=0.01:data", 9).apply(in, log);
        int repeatedData = 0;
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i).timeS > out.get(i - 1).timeS, "stamps stay new");
            if (out.get(i).ax == out.get(i - 1).ax) {
                repeatedData++;
            }
        }
        assertTrue(repeatedData > 100, "repeated data: " + repeatedData);
        assertEquals(count(log, "dup-data"), repeatedData);
    }

    @Test
    void shouldKeepDeviceStampsIntactWhenBatching() {
        List<Sample> in = clean(60);
        List<TimingFaultEvent> log = new ArrayList<>();
        TimingFaultInjector injector = injector("batch=45ms:10,drift=1%", 2);
        List<Sample> out = injector.apply(in, log);
        assertEquals(in.size(), out.size());
        int clumped = 0;
        long longest = 0;
        for (int i = 0; i < out.size(); i++) {
            assertEquals(injector.deviceTime(in.get(i).timeS), out.get(i).timeS, 0.0);
            assertTrue(out.get(i).receiveNanos >= Math.round(in.get(i).timeS * 1e9), "nothing arrives before it is made");
            if (i > 0) {
                long delta = out.get(i).receiveNanos - out.get(i - 1).receiveNanos;
                if (delta <= 1_500_000) {
                    clumped++;
                }
                longest = Math.max(longest, delta);
            }
        }
        assertTrue(clumped > out.size() / 2, "most deliveries come in clumps: " + clumped);
        assertEquals(45e6, longest, 10e6, "and the clumps ~45 ms apart");
        assertEquals(1, count(log, "batch"));
    }

    @Test
    void shouldShowClumpsInTheStampsWhenTheHostStamps() {
        List<Sample> in = clean(20);
        List<Sample> out = injector("batch=45ms:10,clock=host", 2).apply(in, new ArrayList<>());
        int oneMs = 0;
        for (int i = 1; i < out.size(); i++) {
            double dt = out.get(i).timeS - out.get(i - 1).timeS;
            if (Math.abs(dt - 0.001) < 1e-6) {
                oneMs++;
            }
        }
        assertTrue(oneMs > out.size() / 2, "host stamps follow arrival: " + oneMs);
    }

    @Test
    void shouldStopTheStreamForTheWholeGap() {
        List<Sample> in = clean(30);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("gap=12.5:3", 1).apply(in, log);
        double longest = 0;
        for (int i = 1; i < out.size(); i++) {
            double t = out.get(i).timeS;
            assertFalse(t >= 12.5 - 1e-9 && t < 15.5 - 1e-9, "sample inside the gap at " + t);
            longest = Math.max(longest, t - out.get(i - 1).timeS);
        }
        assertEquals(3.01, longest, 1e-6);
        assertEquals(300, samplesOf(log, "gap"));
        assertEquals(in.size() - 300, out.size());
    }

    @Test
    void shouldPlaceARandomGapInsideTheStream() {
        List<Sample> in = clean(60);
        List<TimingFaultEvent> log = new ArrayList<>();
        injector("gap=random:2", 4).apply(in, log);
        TimingFaultEvent gap = log.get(0);
        assertEquals("gap", gap.kind());
        assertTrue(gap.startS() >= 6 && gap.endS() <= 54, gap.toString());
        assertEquals(200, gap.samples(), 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop=0.05", "burst=0.01:100ms", "gap=5:2", "poll=97", "poll=103", "harsh",
            "dup=0.05:stamp", "dup=0.05:data", "ble", "wifi"})
    void shouldKeepTheSensorsOfOnePacketTogether(String spec) {
        List<Sample> in = twoSensors(60);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector(spec, 6).apply(in, log);
        assertEquals(0, out.size() % 2);
        for (int i = 0; i < out.size(); i += 2) {
            Sample upper = out.get(i);
            Sample lower = out.get(i + 1);
            assertEquals(Placement.THORACOLUMBAR, upper.placement());
            assertEquals(Placement.SACRUM, lower.placement());
            assertEquals(upper.timeS, lower.timeS, 0.0, "one clock");
            assertEquals(upper.ax, lower.ax, 0.0, "data of the same moment");
            assertEquals(upper.receiveNanos, lower.receiveNanos);
        }
    }

    @ParameterizedTest
    @CsvSource({"104, poll-repeat", "96, poll-skip"})
    void shouldRepeatOrSkipWhenThePollRateDiffersFromTheOdr(double pollHz, String kind) {
        List<Sample> in = clean(60);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("poll=" + pollHz, 8).apply(in, log);
        // 4 Hz phase slip: ~240 per minute.
        assertEquals(240, samplesOf(log, kind), 3);
        assertEquals(pollHz * 60, out.size(), 2);
        for (int i = 1; i < out.size(); i++) {
            assertEquals(1 / pollHz, out.get(i).timeS - out.get(i - 1).timeS, 1e-9, "the host's own rate");
        }
    }

    @Test
    void shouldHoldBackDeliveriesDuringAStall() {
        List<Sample> in = clean(120);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("stall=0.005:30ms", 10).apply(in, log);
        int stalls = count(log, "stall");
        assertTrue(stalls > 20, "stalls: " + stalls);
        for (TimingFaultEvent stall : log) {
            for (Sample s : out) {
                if (s.timeS >= stall.startS() && s.timeS < stall.endS()) {
                    assertTrue(s.receiveNanos >= Math.round(stall.endS() * 1e9) - 1, "held until the stall ends");
                }
            }
        }
        int delayed = 0;
        for (Sample s : out) {
            if (s.receiveNanos > Math.round(s.timeS * 1e9)) {
                delayed++;
            }
        }
        assertEquals(samplesOf(log, "stall"), delayed);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(in.get(i).timeS, out.get(i).timeS, 0.0, "device stamps unchanged");
        }
    }

    @Test
    void shouldJitterStampsWithTheConfiguredSigma() {
        List<Sample> in = clean(300);
        List<Sample> out = injector("jitter=1ms", 12).apply(in, new ArrayList<>());
        double sum = 0;
        for (int i = 0; i < out.size(); i++) {
            double e = out.get(i).timeS - in.get(i).timeS;
            sum += e * e;
        }
        assertEquals(0.001, Math.sqrt(sum / out.size()), 0.0001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usb", "ble", "wifi", "harsh", "jitter=20ms", "jitter=5ms,clock=host,batch=30ms"})
    void shouldNeverLetStampsGoBackwards(String spec) {
        List<Sample> out = injector(spec, 13).apply(twoSensors(60), new ArrayList<>());
        Map<Integer, Double> last = new HashMap<>();
        long lastArrival = Long.MIN_VALUE;
        for (Sample s : out) {
            assertTrue(s.timeS >= last.getOrDefault(s.sensor, Double.NEGATIVE_INFINITY), "at " + s.timeS);
            last.put(s.sensor, s.timeS);
            assertTrue(s.receiveNanos >= lastArrival);
            lastArrival = s.receiveNanos;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"usb", "ble", "wifi", "harsh"})
    void shouldRepeatTheSameFaultsForTheSameSeed(String profile) {
        List<Sample> in = twoSensors(30);
        List<TimingFaultEvent> logA = new ArrayList<>();
        List<TimingFaultEvent> logB = new ArrayList<>();
        List<Sample> a = injector(profile, 77).apply(in, logA);
        List<Sample> b = injector(profile, 77).apply(in, logB);
        assertEquals(logA, logB);
        assertEquals(describe(a), describe(b));
        assertNotEquals(describe(a), describe(injector(profile, 78).apply(in, new ArrayList<>())));
    }

    private static List<String> describe(List<Sample> samples) {
        List<String> out = new ArrayList<>();
        for (Sample s : samples) {
            out.add(s + "@" + s.receiveNanos);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
            "jitter=2ms, jitter", "drop=0.05, drop", "burst=0.01:50ms, burst-drop", "dup=0.05:stamp, dup-stamp",
            "dup=0.05:data, dup-data", "drift=1%, clock", "offset=3, clock", "gap=4:1, gap", "stall=0.01:20ms, stall",
            "batch=20ms, batch", "poll=110, poll-repeat", "poll=90, poll-skip"})
    void shouldChangeTheStreamAndLogEveryFaultKind(String spec, String kind) {
        List<Sample> in = clean(30);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector(spec, 14).apply(in, log);
        assertTrue(count(log, kind) > 0, "no " + kind + " event in " + log);
        List<String> before = describe(injector("none", 14).apply(in, new ArrayList<>()));
        assertNotEquals(before, describe(out));
    }

    @Test
    void shouldAccountForEveryDroppedSample() {
        List<Sample> in = twoSensors(120);
        List<TimingFaultEvent> log = new ArrayList<>();
        List<Sample> out = injector("drop=0.01,burst=0.003:60ms,gap=50:2,gap=random:1", 15).apply(in, log);
        int logged = samplesOf(log, "drop") + samplesOf(log, "burst-drop") + samplesOf(log, "gap");
        assertEquals(in.size() - out.size(), logged);
    }

    @Test
    void shouldRefuseAStreamOutOfOrder() {
        List<Sample> in = clean(1);
        in.get(5).timeS = 0.01;
        assertThrows(IllegalArgumentException.class, () -> injector("drop=0.1", 1).apply(in, new ArrayList<>()));
    }

    @Test
    void shouldReturnNothingForNothing() {
        assertTrue(injector("harsh", 1).apply(new ArrayList<>(), new ArrayList<>()).isEmpty());
    }

    @Test
    void shouldMapTrueTimeToTheDeviceClock() {
        TimingFaultInjector injector = injector("offset=2,drift=1000ppm", 1);
        assertEquals(2 + 1.001 * 10, injector.deviceTime(10), 1e-12);
    }
}
