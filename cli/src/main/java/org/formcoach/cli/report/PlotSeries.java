package org.formcoach.cli.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.formcoach.engine.coach.Fault;

/**
 * The thinned time series of one stretch of a replayed session, for the plots: posture
 * angles and every fault rule's value and thresholds, one point every ~50 ms. NaN where a
 * quantity was not measured (before calibration, a rule outside its phase).
 */
public final class PlotSeries {
    /** One fault rule's columns, aligned with {@link #time}. */
    public record FaultColumns(DoubleColumn value, DoubleColumn warn, DoubleColumn fault) {
    }

    private static final Fault[] FAULTS = Fault.values();

    final DoubleColumn time = new DoubleColumn(1024);
    final DoubleColumn inclination = new DoubleColumn(1024);
    final DoubleColumn lateral = new DoubleColumn(1024);
    final DoubleColumn lumbar = new DoubleColumn(1024);
    private final EnumMap<Fault, FaultColumns> faults = new EnumMap<>(Fault.class);

    int size() {
        return time.size();
    }

    /**
     * Appends one point. {@code present[f]} says whether rule f reported at all; its
     * {@code value} may still be NaN (outside its phase).
     */
    void add(double t, double inclinationDeg, double lateralDeg, double lumbarDeg, boolean[] present,
             double[] value, double[] warn, double[] fault) {
        int index = time.size();
        time.add(t);
        inclination.add(inclinationDeg);
        lateral.add(lateralDeg);
        lumbar.add(lumbarDeg);
        for (Fault f : FAULTS) {
            int i = f.ordinal();
            FaultColumns c = faults.get(f);
            if (c == null) {
                if (!present[i]) {
                    continue;
                }
                c = new FaultColumns(new DoubleColumn(1024), new DoubleColumn(1024), new DoubleColumn(1024));
                c.value().fill(Double.NaN, index);
                c.warn().fill(Double.NaN, index);
                c.fault().fill(Double.NaN, index);
                faults.put(f, c);
            }
            c.value().add(present[i] ? value[i] : Double.NaN);
            c.warn().add(present[i] ? warn[i] : Double.NaN);
            c.fault().add(present[i] ? fault[i] : Double.NaN);
        }
    }

    /** The rules that reported in this stretch, in the order of {@link Fault}. */
    Map<Fault, FaultColumns> faults() {
        return Collections.unmodifiableMap(faults);
    }
}
