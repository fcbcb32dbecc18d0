package org.formcoach.engine.orientation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Loads the Fusion C library's output on its example recording (test resources under /fusion). */
public final class FusionReference {
    private final List<double[]> rows;
    private final Map<String, Integer> columns;

    private FusionReference(List<double[]> rows, Map<String, Integer> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** @param name "simple" or "advanced" */
    public static FusionReference load(String name) {
        try (InputStream in = resource("reference_" + name + ".csv.gz");
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i], i);
            }
            List<double[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
            }
            return new FusionReference(rows, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording itself, gzipped, as a stream. */
    public static InputStream sensorData() {
        return resource("sensor_data.csv.gz");
    }

    private static InputStream resource(String file) {
        InputStream in = FusionReference.class.getResourceAsStream("/fusion/" + file);
        if (in == null) {
            throw new IllegalStateException("test resource /fusion/" + file + " is missing");
        }
        return in;
    }

    public int size() {
        return rows.size();
    }

    public double get(int row, String column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return rows.get(row)[c];
    }

    public boolean flag(int row, String column) {
        return get(row, column) != 0;
    }
}
