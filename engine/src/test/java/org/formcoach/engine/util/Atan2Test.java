package org.formcoach.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class Atan2Test {
    private static final double TOLERANCE = 1e-15;

    @Test
    void shouldAgreeWithTheLibraryAllAroundTheCircle() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000_000; i++) {
            double angle = (random.nextDouble() * 2 - 1) * Math.PI;
            double radius = Math.exp((random.nextDouble() - 0.5) * 20);
            double y = radius * Math.sin(angle);
            double x = radius * Math.cos(angle);
            assertEquals(Math.atan2(y, x), Atan2.of(y, x), TOLERANCE, () -> "atan2(" + y + ", " + x + ")");
        }
    }

    @Test
    void shouldAgreeWithTheLibraryAtTheAnchorsAndOctantBorders() {
        for (int k = -64; k <= 64; k++) {
            double t = k / 64.0;
            for (double[] p : new double[][]{{t, 1}, {1, t}, {t, -1}, {-1, t}, {Math.nextUp(t), 1}, {Math.nextDown(t), 1}}) {
                assertEquals(Math.atan2(p[0], p[1]), Atan2.of(p[0], p[1]), TOLERANCE,
                        () -> "atan2(" + p[0] + ", " + p[1] + ")");
            }
        }
    }

    @Test
    void shouldTreatZerosInfinitiesAndNaNAsTheLibraryDoes() {
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double y : special) {
            for (double x : special) {
                double expected = Math.atan2(y, x);
                double actual = Atan2.of(y, x);
                if (Double.isNaN(expected)) {
                    assertEquals(expected, actual, "atan2(" + y + ", " + x + ")");
                } else {
                    assertEquals(expected, actual, TOLERANCE, "atan2(" + y + ", " + x + ")");
                    assertEquals(Math.copySign(1.0, expected), Math.copySign(1.0, actual),
                            "the sign of atan2(" + y + ", " + x + ")");
                }
            }
        }
    }
}
