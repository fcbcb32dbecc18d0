package org.formcoach.bridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.formcoach.bridge.session.SampleChecks.Verdict;

class SampleChecksTest {
    private final SampleChecks checks = new SampleChecks(100);

    @Test
    void shouldRejectTimeGoingBackwardsAndRepeating() {
        assertEquals(Verdict.OK, checks.check(0, 1.00, -1));
        assertEquals(Verdict.OK, checks.check(0, 1.01, -1));
        assertEquals(Verdict.BACKWARDS, checks.check(0, 1.005, -1));
        assertEquals(Verdict.DUPLICATE, checks.check(0, 1.01, -1));
        assertEquals(Verdict.OK, checks.check(0, 1.02, -1));
        assertEquals(1, checks.backwards());
        assertEquals(1, checks.duplicates());
    }

    @Test
    void shouldTreatARepeatedSequenceNumberAsADuplicateEvenWithANewStamp() {
        checks.check(0, 1.00, 10);
        assertEquals(Verdict.DUPLICATE, checks.check(0, 1.01, 10));
    }

    @Test
    void shouldReportAGapBySequenceNumberWithTheSamplesLost() {
        checks.check(0, 1.00, 10);
        assertEquals(Verdict.GAP, checks.check(0, 1.04, 14));
        assertEquals(3, checks.lastGapMissing());
        assertEquals(0.04, checks.lastGapSeconds(), 1e-12);
    }

    @Test
    void shouldReportAGapByTimeWhenThereIsNoSequenceNumber() {
        checks.check(0, 1.00, -1);
        checks.check(0, 1.01, -1);
        assertEquals(Verdict.OK, checks.check(0, 1.024, -1), "jitter within 1.5 intervals is no gap");
        assertEquals(Verdict.GAP, checks.check(0, 2.024, -1));
        assertEquals(99, checks.lastGapMissing(), 1, "estimated from the learnt interval");
        assertEquals(1, checks.gaps());
    }

    @Test
    void shouldKeepEachSensorApart() {
        checks.check(0, 1.00, -1);
        assertEquals(Verdict.OK, checks.check(2, 0.50, -1), "another sensor has its own clock");
    }

    @Test
    void shouldLearnADeviceRunningSlowerThanNominal() {
        double t = 0;
        for (int i = 0; i < 500; i++) {
            checks.check(0, t, -1);
            t += 0.0125; // an 80 Hz device announced as 100 Hz
        }
        assertEquals(0.0125, checks.interval(0), 1e-4);
        assertEquals(Verdict.OK, checks.check(0, t + 0.006, -1), "no gap once the interval is learnt");
    }
}
