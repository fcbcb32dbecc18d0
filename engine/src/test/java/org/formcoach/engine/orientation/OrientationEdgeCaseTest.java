package org.formcoach.engine.orientation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The filter's edge cases: readings that are missing, out of range, or arrive with no time step. */
class OrientationEdgeCaseTest {
    private static OrientationFilter settled(OrientationSettings settings) {
        OrientationFilter f = new OrientationFilter(settings);
        for (int i = 0; i < 400; i++) {
            f.update(0, 0, 0, 0, 0, 1, 20, 0, -40, 0.01f); // level, north-ish field
        }
        return f;
    }

    private static boolean finite(OrientationFilter f) {
        return Float.isFinite(f.qw()) && Float.isFinite(f.qx()) && Float.isFinite(f.qy()) && Float.isFinite(f.qz());
    }

    @Test
    void shouldIntegrateTheGyroAloneWhenTheAccelerometerReadsZero() {
        OrientationFilter f = settled(OrientationSettings.simple());
        assertFalse(f.isStartup());
        for (int i = 0; i < 100; i++) {
            f.update(0, 90, 0, 0, 0, 0, 0, 0, 0, 0.01f); // 90 deg/s about y for 1 s, no accelerometer
        }
        assertTrue(finite(f));
        assertTrue(f.isAccelerometerIgnored(), "an all-zero accelerometer is no reading");
        assertEquals(90, f.pitchDeg(), 0.5, "pure integration, nothing pulls it back");
    }

    @Test
    void shouldSkipTheMagneticCorrectionWhenTheMagnetometerReadsZero() {
        OrientationSettings withMag = new OrientationSettings(0.5, 0, 0, 0, 0, 100, true);
        OrientationFilter f = settled(withMag);
        double yaw = f.yawDeg();
        for (int i = 0; i < 100; i++) {
            f.update(0, 0, 0, 0, 0, 1, 0, 0, 0, 0.01f);
        }
        assertTrue(finite(f));
        assertTrue(f.isMagnetometerIgnored());
        assertEquals(yaw, f.yawDeg(), 1e-3, "heading held, not corrected toward anything");
    }

    @Test
    void shouldRestartStartupButKeepTheOrientationWhenTheGyroGoesOverRange() {
        OrientationSettings ranged = new OrientationSettings(0.5, 2000, 10, 10, 5, 100, false);
        OrientationFilter f = settled(ranged);
        for (int i = 0; i < 50; i++) {
            f.update(0, 30, 0, 0, 0, 1, 0, 0, 0, 0.01f); // tip 15° with the accelerometer still level
        }
        double pitch = f.pitchDeg();
        f.update(0, 1990, 0, 0, 0, 1, 0, 0, 0, 0.0f); // past 98 % of the range, no time step
        assertTrue(f.isStartup(), "start-up restarted");
        assertTrue(f.isOverRangeRecovery(), "flagged");
        assertEquals(pitch, f.pitchDeg(), 0.5, "orientation kept (one update, dt 0)");
        for (int i = 0; i < 301; i++) {
            f.update(0, 0, 0, 0, 0, 1, 0, 0, 0, 0.01f);
        }
        assertFalse(f.isStartup());
        assertFalse(f.isOverRangeRecovery(), "the flag ends with start-up");
    }

    @Test
    void shouldNotMoveOrBreakWithATimeStepOfZero() {
        OrientationFilter f = settled(OrientationSettings.simple());
        float qw = f.qw();
        float qx = f.qx();
        for (int i = 0; i < 1000; i++) {
            f.update(500, -500, 500, 0.3f, 0.3f, 0.9f, 0, 0, 0, 0.0f);
        }
        assertTrue(finite(f));
        assertEquals(qw, f.qw(), 1e-6);
        assertEquals(qx, f.qx(), 1e-6);
    }

    @Test
    void shouldCountTheStartupRampInSamplesOfTheNominalRate() {
        OrientationFilter f = new OrientationFilter(OrientationSettings.simple().withRate(50));
        int updates = 0;
        while (f.isStartup() || updates == 0) {
            f.update(0, 0, 0, 0, 0, 1, 0, 0, 0, 0.02f);
            updates++;
        }
        assertEquals(150, updates, 1, "3 s at 50 Hz");
        assertEquals(0.5f, f.effectiveGain(), 1e-6);
    }
}
