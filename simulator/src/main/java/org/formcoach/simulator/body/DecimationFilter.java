package org.formcoach.simulator.body;

/**
 * The anti-alias low-pass between the truth rate and the output rate: a symmetric
 * (zero-phase) Hamming-windowed sinc with unity gain at DC, cut off at 0.35 × the output
 * rate. Zero phase keeps the synthetic readings aligned with the true orientation; a
 * device's own filter delay belongs to the sensor error model.
 */
public final class DecimationFilter {
    private final double[] taps;
    private final int halfLength;

    /** @param decimation truth samples per output sample (≥ 2) */
    public DecimationFilter(int decimation) {
        if (decimation < 2) {
            throw new IllegalArgumentException("decimation must be at least 2: " + decimation);
        }
        halfLength = 6 * decimation;
        taps = new double[2 * halfLength + 1];
        double cutoff = 0.35 / decimation; // cycles per truth sample
        double sum = 0;
        for (int j = -halfLength; j <= halfLength; j++) {
            double sinc = j == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * j) / (Math.PI * j);
            double window = 0.54 + 0.46 * Math.cos(Math.PI * j / halfLength);
            taps[j + halfLength] = sinc * window;
            sum += taps[j + halfLength];
        }
        for (int j = 0; j < taps.length; j++) {
            taps[j] /= sum;
        }
    }

    /** Truth samples needed on each side of an output sample. */
    public int halfLength() {
        return halfLength;
    }

    /** The filtered value centred on {@code x[centre]}. */
    public double apply(double[] x, int centre) {
        int start = centre - halfLength;
        double acc = 0;
        for (int j = 0; j < taps.length; j++) {
            acc += taps[j] * x[start + j];
        }
        return acc;
    }
}
