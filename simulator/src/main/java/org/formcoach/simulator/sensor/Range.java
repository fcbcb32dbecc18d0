package org.formcoach.simulator.sensor;

/**
 * The configured measurement range of one triad and how its readings are digitised. The
 * output register holds codes in [−codes, codes − 1]; one code is {@code lsb} of the
 * physical quantity, so the front end clips at ±{@code lsb·codes}. That is usually the
 * nominal setting (InvenSense, Bosch: ±2000 dps = 16.4 LSB/dps), sometimes a little more
 * (ST: ±2000 dps at 70 mdps/LSB clips at ±2294 dps).
 *
 * @param nominal     the range setting, ± in the triad's engine unit (g, deg/s or µT)
 * @param lsb         one code's worth of the quantity (the part's true sensitivity)
 * @param codes       output codes per side: 32768 for a 16-bit register, 8192 for 14 bits
 * @param reportScale the factor by which the host's code-to-unit conversion differs from the
 *                    part's true sensitivity; 1 when the documented factor is right (BNO055 gyro:
 *                    documented 16 LSB/dps, true 16.384, so 1.024)
 */
public record Range(double nominal, double lsb, int codes, double reportScale) {
    public Range {
        if (!(nominal > 0) || !(lsb > 0) || codes < 2 || !(reportScale > 0)) {
            throw new IllegalArgumentException("range needs nominal > 0, lsb > 0, codes >= 2, reportScale > 0");
        }
    }

    /** A 16-bit register whose ±32768 codes span exactly ± {@code nominal}. */
    public static Range sixteenBit(double nominal) {
        return new Range(nominal, nominal / 32768, 32768, 1.0);
    }

    /** Where the front end clips: ± lsb·codes. */
    public double fullScale() {
        return lsb * codes;
    }

    /** The step between two adjacent reported values: {@link #lsb()} × {@link #reportScale()}. */
    public double outputStep() {
        return lsb * reportScale;
    }

    /** The largest value the part can report. */
    public double maxOutput() {
        return (codes - 1) * outputStep();
    }

    /** The most negative value the part can report. */
    public double minOutput() {
        return -codes * outputStep();
    }

    /** The same register at another range setting: the sensitivity scales with it. */
    public Range withNominal(double newNominal) {
        return new Range(newNominal, lsb * newNominal / nominal, codes, reportScale);
    }
}
