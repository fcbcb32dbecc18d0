package org.formcoach.simulator.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.formcoach.engine.sample.Sample;
import org.formcoach.engine.trace.TraceWriter;

/**
 * Converts a foreign CSV file into a formcoach trace (CONTRACT §1). The nominal rate in the
 * trace header is the one given, or the median step of the first rows' times.
 */
public final class TraceImport {
    /** How many rows the rate is estimated from. */
    static final int RATE_WINDOW = 1000;

    /**
     * What the conversion did.
     *
     * @param samples       rows written
     * @param rateHz        the nominal rate written to the header (NaN when it could not be told)
     * @param rateMeasured  whether the rate was estimated from the time column
     */
    public record Result(CsvImporter importer, long samples, double rateHz, boolean rateMeasured) {
    }

    private TraceImport() {
    }

    /** Opens a file for import, plain or gzip (recognised by its magic bytes). */
    public static CsvImporter open(Path in, CsvImporter.Options options) throws IOException {
        InputStream stream = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
        try {
            stream.mark(2);
            int b0 = stream.read();
            int b1 = stream.read();
            stream.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                stream = new GZIPInputStream(stream, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
            return new CsvImporter(reader, in.toString(), options);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** Writes every good row of {@code importer} to {@code out} (gzip when the name ends in .gz). */
    public static Result convert(CsvImporter importer, Path out, CsvImporter.Options options) throws IOException {
        List<Sample> head = new ArrayList<>();
        Sample s = new Sample();
        while (head.size() < RATE_WINDOW && importer.next(s)) {
            Sample copy = new Sample();
            copy.copyFrom(s);
            head.add(copy);
        }
        double rate = options.rateHz();
        boolean measured = false;
        if (!(rate > 0)) {
            rate = medianRate(head);
            measured = true;
        }
        TraceWriter.Options header = TraceWriter.options()
                .magColumns(importer.hasMag())
                .placement(options.placement().traceName())
                .meta("imported_from", oneLine(Path.of(importer.source()).getFileName().toString()))
                .meta("import_layout", importer.layoutName())
                .meta("import_map", importer.mapping().describe());
        if (rate > 0) {
            header.rateHz(rate);
        }
        String device = importer.metadata().get("devicetag");
        if (device != null && !device.isEmpty()) {
            header.device(oneLine(device));
        }
        long written = 0;
        try (TraceWriter writer = TraceWriter.create(out, header)) {
            for (Sample h : head) {
                writer.write(h);
                written++;
            }
            while (importer.next(s)) {
                writer.write(s);
                written++;
            }
        }
        return new Result(importer, written, rate, measured);
    }

    /** The rate from the median time step, NaN with fewer than two distinct times. */
    static double medianRate(List<Sample> samples) {
        double[] steps = new double[Math.max(0, samples.size() - 1)];
        int n = 0;
        for (int i = 1; i < samples.size(); i++) {
            double dt = samples.get(i).timeS - samples.get(i - 1).timeS;
            if (dt > 0) {
                steps[n++] = dt;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(steps, 0, n);
        return 1 / steps[n / 2];
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
