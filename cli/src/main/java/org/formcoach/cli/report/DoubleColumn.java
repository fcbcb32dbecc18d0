package org.formcoach.cli.report;

import java.util.Arrays;

/** A growable column of doubles (no boxing); grows by doubling, so appends are amortised allocation-free. */
final class DoubleColumn {
    private double[] values;
    private int size;

    DoubleColumn(int capacity) {
        values = new double[Math.max(4, capacity)];
    }

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** Appends {@code count} copies of v (a fault rule that appears late is NaN before). */
    void fill(double v, int count) {
        for (int i = 0; i < count; i++) {
            add(v);
        }
    }

    double get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    int size() {
        return size;
    }
}
