package org.formcoach.simulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceWriter;
import org.formcoach.simulator.labels.Labels;

/**
 * A synthetic trace in memory: the samples as the device delivers them (device clock,
 * after sensor and timing errors), its labels, and the model's ground truth.
 */
public final class GeneratedTrace {
    private final Scenario scenario;
    private final List<Sample> samples;
    private final Labels labels;
    private final GroundTruth truth;

    GeneratedTrace(Scenario scenario, List<Sample> samples, Labels labels, GroundTruth truth) {
        this.scenario = scenario;
        this.samples = Collections.unmodifiableList(samples);
        this.labels = labels;
        this.truth = truth;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The rows of the trace in delivery order (sensors interleaved when there are two). Do not modify them. */
    public List<Sample> samples() {
        return samples;
    }

    public Labels labels() {
        return labels;
    }

    public GroundTruth truth() {
        return truth;
    }

    /**
     * Writes the trace ({@code .csv} or {@code .csv.gz}) and its labels beside it
     * ({@link Labels#pathFor}).
     *
     * @return the labels file
     */
    public Path writeTo(Path csv) throws IOException {
        writeTrace(csv);
        Path labelsPath = Labels.pathFor(csv);
        labels.write(labelsPath);
        return labelsPath;
    }

    /** Writes the trace alone ({@code .csv} or {@code .csv.gz}); the labels are {@link #labels()}. */
    public void writeTrace(Path csv) throws IOException {
        try (TraceWriter out = TraceWriter.create(csv, traceOptions())) {
            writeRows(out);
        }
    }

    /** Writes the trace alone to a writer (the labels are {@link #labels()}); the writer is flushed, not closed. */
    public void writeTrace(Writer writer) throws IOException {
        TraceWriter out = TraceWriter.to(writer, traceOptions());
        writeRows(out);
        out.flush();
    }

    private void writeRows(TraceWriter out) throws IOException {
        for (Sample s : samples) {
            out.write(s);
        }
    }

    private TraceWriter.Options traceOptions() {
        boolean two = scenario.placements().size() > 1;
        TraceWriter.Options o = TraceWriter.options()
                .sensorColumn(two)
                .magColumns(scenario.magnetometer())
                .rateHz(scenario.rateHz())
                .device("formcoach-simulator");
        if (!two) {
            o.placement(scenario.placements().get(0).traceName());
        }
        o.meta("generator", Labels.GENERATOR);
        o.meta("seed", Long.toString(scenario.seed()));
        o.meta("exercise", scenario.exercise().cliName());
        if (scenario.variant() != null) {
            o.meta("variant", scenario.variant().cliName());
        }
        o.meta("preset", scenario.preset().cliName());
        o.meta("mounting", scenario.mounting().cliName());
        o.meta("faults", scenario.faults().toString());
        o.meta("timing", scenario.timingText());
        return o;
    }
}
