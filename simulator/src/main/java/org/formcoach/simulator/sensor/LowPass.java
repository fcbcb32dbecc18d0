package org.formcoach.simulator.sensor;

/**
 * The part's digital low-pass filter (DLPF) as configured. The corner is either fixed in
 * Hz (InvenSense DLPF_CFG settings) or a fraction of the output data rate (Bosch and ST
 * filters follow the ODR). A corner at or above the Nyquist frequency means no filtering;
 * the noise bandwidth is then ODR/2.
 *
 * @param cornerHz     −3 dB corner in Hz, or 0 to use {@code cornerPerOdr}
 * @param cornerPerOdr corner as a fraction of the output data rate (used when cornerHz is 0)
 * @param order        1 (one pole) or 2 (Butterworth)
 */
public record LowPass(double cornerHz, double cornerPerOdr, int order) {
    public LowPass {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("low-pass order must be 1 or 2: " + order);
        }
        if (!(cornerHz >= 0) || !(cornerPerOdr >= 0) || (cornerHz == 0 && cornerPerOdr == 0)) {
            throw new IllegalArgumentException("low-pass needs a corner in Hz or as a fraction of the ODR");
        }
    }

    public static LowPass fixed(double cornerHz, int order) {
        return new LowPass(cornerHz, 0, order);
    }

    public static LowPass perOdr(double fraction, int order) {
        return new LowPass(0, fraction, order);
    }

    /** The corner at this output rate, capped at the Nyquist frequency. */
    public double cornerAt(double rateHz) {
        double corner = cornerHz > 0 ? cornerHz : cornerPerOdr * rateHz;
        return Math.min(corner, rateHz / 2);
    }
}
