package org.formcoach.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The CI smoke check on allocation: reads JMH's JSON results ({@code -prof gc -rf json
 * -rff FILE}) and fails when a benchmark of the per-sample path allocated more than a bound
 * per operation ({@code gc.alloc.rate.norm}). The bound is not zero because the rare events
 * of a clean set (calibration, reps, holds) allocate by design: well under 0.1 B per
 * sample. One object per sample would be at least 16 B/op.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'SamplePathBenchmark' -f 1 -wi 1 -w 1s -i 2 -r 1s -prof gc \
 *     -rf json -rff target/alloc.json
 * java -cp benchmarks/target/benchmarks.jar org.formcoach.benchmarks.AllocationCheck target/alloc.json
 * </pre>
 *
 * Options: {@code --max-bytes B} (default 1), {@code --only REGEX} (benchmarks to check,
 * matched against the full name with its parameters; default all in the file). Exit code 0
 * when every checked benchmark is within the bound, 1 when one is not or none was found, 2
 * for a bad command line.
 */
public final class AllocationCheck {
    /** One benchmark's result: its name with parameters and bytes allocated per operation (NaN if absent). */
    record Result(String name, double bytesPerOp, double score, String unit) {
    }

    private AllocationCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        double maxBytes = 1.0;
        Pattern only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--max-bytes" -> maxBytes = Double.parseDouble(value(args, ++i));
                case "--only" -> only = Pattern.compile(value(args, ++i));
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        usage("unknown argument " + args[i]);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            usage("the JMH JSON result file is missing");
        }
        List<Result> results = read(file);
        int checked = 0;
        int failed = 0;
        System.out.printf(Locale.ROOT, "%-70s %12s %12s  %s%n", "benchmark", "time", "B/op", "verdict");
        for (Result r : results) {
            if (only != null && !only.matcher(r.name()).find()) {
                continue;
            }
            checked++;
            boolean ok = !Double.isNaN(r.bytesPerOp()) && r.bytesPerOp() <= maxBytes;
            if (!ok) {
                failed++;
            }
            System.out.printf(Locale.ROOT, "%-70s %9.1f %-2s %12.3f  %s%n", r.name(), r.score(), r.unit(),
                    r.bytesPerOp(), ok ? "ok" : Double.isNaN(r.bytesPerOp()) ? "NO gc.alloc.rate.norm (run with -prof gc)"
                            : "ALLOCATES (bound " + maxBytes + " B/op)");
        }
        if (checked == 0) {
            System.out.println("no benchmark to check in " + file);
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "%d checked, %d over %.3f B/op%n", checked, failed, maxBytes);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("AllocationCheck: " + problem);
        System.err.println("usage: AllocationCheck RESULTS.json [--max-bytes B] [--only REGEX]");
        System.exit(2);
    }

    /** Reads JMH's JSON result array. */
    static List<Result> read(Path file) throws IOException {
        List<Result> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file + ": not a JMH JSON result (expected an array)");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(result(p));
            }
        }
        return out;
    }

    private static Result result(JsonParser p) throws IOException {
        String benchmark = "?";
        StringBuilder params = new StringBuilder();
        double score = Double.NaN;
        String unit = "";
        double norm = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "benchmark" -> benchmark = p.getText();
                case "params" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        params.append(params.length() == 0 ? "" : ",").append(name).append('=').append(p.getText());
                    }
                }
                case "primaryMetric" -> {
                    double[] scoreAndUnit = new double[1];
                    unit = metric(p, scoreAndUnit);
                    score = scoreAndUnit[0];
                }
                case "secondaryMetrics" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        double[] v = new double[1];
                        metric(p, v);
                        if (name.equals("gc.alloc.rate.norm")) {
                            norm = v[0];
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        String name = benchmark.replaceFirst("^.*\\.benchmarks\\.", "");
        return new Result(params.length() == 0 ? name : name + " (" + params + ")", norm, score, unit);
    }

    /** Reads a metric object; puts its score in {@code score[0]} and returns its unit. */
    private static String metric(JsonParser p, double[] score) throws IOException {
        String unit = "";
        score[0] = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("score") && v.isNumeric()) {
                score[0] = p.getDoubleValue();
            } else if (key.equals("score") && v == JsonToken.VALUE_STRING) {
                score[0] = parseLoosely(p.getText());
            } else if (key.equals("scoreUnit")) {
                unit = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return unit;
    }

    /** JMH writes "NaN" as a string. */
    private static double parseLoosely(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
