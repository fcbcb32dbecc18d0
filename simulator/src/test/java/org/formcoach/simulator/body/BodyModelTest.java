package org.formcoach.simulator.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The building blocks of the body model against their closed forms (biomechanics §4.2). */
class BodyModelTest {

    @Test
    void shouldMoveFromRestToRestWithTheMinimumJerkPeakRate() {
        assertEquals(0, MinimumJerk.step(0));
        assertEquals(1, MinimumJerk.step(1));
        assertEquals(0.5, MinimumJerk.step(0.5), 1e-12);
        double h = 1e-6;
        assertEquals(0, (MinimumJerk.step(h) - MinimumJerk.step(0)) / h, 1e-6, "starts at rest");
        assertEquals(MinimumJerk.PEAK_RATE, (MinimumJerk.step(0.5 + h) - MinimumJerk.step(0.5 - h)) / (2 * h), 1e-6);
        // peak acceleration 5.77 at τ = (3 − √3)/6
        double tau = (3 - Math.sqrt(3)) / 6;
        double acc = (MinimumJerk.step(tau + 1e-4) - 2 * MinimumJerk.step(tau) + MinimumJerk.step(tau - 1e-4)) / 1e-8;
        assertEquals(5.77, acc, 0.01);
        assertEquals(0.5, MinimumJerk.integral(1), 1e-12);
    }

    @Test
    void shouldRenderMovesAndBumpsAtTheirPlannedValues() {
        MotionScript script = new MotionScript();
        script.setInitial(Channel.INCLINATION, 0.1);
        script.moveTo(Channel.INCLINATION, 1, 2, 1.0);
        script.bump(Channel.INCLINATION, 4, 5, 6, 7, 0.5);
        BodyTrajectory body = BodyTrajectory.render(script, 0, 1000, 9000);
        double[] v = body.channel(Channel.INCLINATION);
        assertEquals(0.1, v[500], 1e-12);
        assertEquals(0.1 + 0.9 * 0.5, v[2000], 1e-12);
        assertEquals(1.0, v[3500], 1e-12);
        assertEquals(1.5, v[5500], 1e-12);
        assertEquals(1.0, v[8000], 1e-12);
        assertEquals(1.0, script.planned(Channel.INCLINATION), 1e-12);
    }

    @Test
    void shouldCruiseAtConstantSpeedBetweenSmoothRamps() {
        MotionScript script = new MotionScript();
        script.cruise(Channel.HIP_X, 0, 10, 1, 9);
        BodyTrajectory body = BodyTrajectory.render(script, 0, 1000, 11000);
        double[] x = body.channel(Channel.HIP_X);
        assertEquals(1.0, (x[5001] - x[4999]) / 0.002, 1e-9, "9 m in 10 s with 1-s ramps = 1 m/s");
        assertEquals(9, x[10500], 1e-12);
        assertEquals(0, (x[2] - x[0]) / 0.002, 1e-3, "starts from rest");
        assertThrows(IllegalArgumentException.class, () -> script.cruise(Channel.HIP_X, 0, 1, 0.6, 1));
    }

    @Test
    void shouldScaleBandNoiseToUnitRms() {
        BandNoise noise = new BandNoise(2, 10, 6, new SplittableRandom(1));
        double[] x = new double[200_000];
        noise.addTo(x, null, 0, 0.001, 1);
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        assertEquals(1, Math.sqrt(sum / x.length), 0.05);
        double[] env = new double[x.length];
        double[] y = new double[x.length];
        noise.addTo(y, env, 0, 0.001, 1);
        assertEquals(0, java.util.Arrays.stream(y).map(Math::abs).max().orElseThrow(), "a zero envelope silences it");
    }

    @Test
    void shouldPassSlowMotionAndStopAliasesInTheDecimationFilter() {
        DecimationFilter f = new DecimationFilter(10);
        int n = 4000;
        double[] slow = new double[n];
        double[] fast = new double[n];
        for (int i = 0; i < n; i++) {
            slow[i] = Math.sin(2 * Math.PI * 5 * i / 1000.0);
            fast[i] = Math.sin(2 * Math.PI * 70 * i / 1000.0); // would alias to 30 Hz at 100 Hz
        }
        int c = 2000 + 13;
        assertEquals(slow[c], f.apply(slow, c), 0.01, "5 Hz passes without delay");
        double worst = 0;
        for (int k = 1000; k < 3000; k++) {
            worst = Math.max(worst, Math.abs(f.apply(fast, k)));
        }
        assertTrue(worst < 0.01, "70 Hz is stopped: " + worst);
    }

    @Test
    void shouldComposeQuaternionsAsRotations() {
        UnitQuaternion aboutZ = UnitQuaternion.ofAxisAngle(0, 0, 1, Math.PI / 2);
        double[] y = aboutZ.rotate(1, 0, 0);
        assertEquals(0, y[0], 1e-12);
        assertEquals(1, y[1], 1e-12);
        UnitQuaternion aboutX = UnitQuaternion.ofAxisAngle(1, 0, 0, Math.PI / 2);
        double[] z = aboutZ.multiply(aboutX).rotate(0, 1, 0); // first X (y → z), then Z (z stays)
        assertEquals(1, z[2], 1e-12);
        assertEquals(90, aboutX.angleDeg(), 1e-9);
        assertEquals(0, aboutX.multiply(aboutX.conjugate()).angleDeg(), 1e-6);
    }

    @Test
    void shouldPutTheLumbarSensorsOnTheirLevels() {
        SensorSite.Back back = SensorSite.Back.draw(new SplittableRandom(1));
        assertEquals(0, back.site(org.formcoach.engine.sample.Placement.SACRUM).lumbarShare());
        double k = back.site(org.formcoach.engine.sample.Placement.LUMBAR).lumbarShare();
        assertTrue(k >= 0.35 && k <= 0.45, "L3 share " + k);
        assertEquals(1, back.site(org.formcoach.engine.sample.Placement.THORACOLUMBAR).lumbarShare());
        assertTrue(back.site(org.formcoach.engine.sample.Placement.THORACOLUMBAR).cranialM()
                > back.site(org.formcoach.engine.sample.Placement.LUMBAR).cranialM());
    }
}
