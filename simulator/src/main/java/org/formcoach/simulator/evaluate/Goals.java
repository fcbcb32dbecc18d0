package org.formcoach.simulator.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets an evaluation is checked against: {@code recall=0.95,precision=0.95,latency=0.3,reps=0.95,clean=0.95}
 * (the coaching-core issue's goals are the defaults). Checked on the overall figures.
 */
public record Goals(double recall, double precision, double latencyMedianS, double repsExact, double clean) {
    public static Goals defaults() {
        return new Goals(0.95, 0.95, 0.3, 0.95, 0.95);
    }

    /** Parses {@code name=value,...} on top of the defaults. */
    public static Goals parse(String text) {
        Map<String, Double> v = new LinkedHashMap<>();
        Goals d = defaults();
        v.put("recall", d.recall);
        v.put("precision", d.precision);
        v.put("latency", d.latencyMedianS);
        v.put("reps", d.repsExact);
        v.put("clean", d.clean);
        if (text != null && !text.isBlank() && !text.equalsIgnoreCase("default")) {
            for (String part : text.split(",")) {
                String[] kv = part.split("=", 2);
                String key = kv[0].strip().toLowerCase(Locale.ROOT);
                if (kv.length != 2 || !v.containsKey(key)) {
                    throw new IllegalArgumentException("goal '" + part.strip()
                            + "' is not one of recall=, precision=, latency=, reps=, clean=");
                }
                try {
                    v.put(key, Double.parseDouble(kv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("goal '" + part.strip() + "': not a number");
                }
            }
        }
        return new Goals(v.get("recall"), v.get("precision"), v.get("latency"), v.get("reps"), v.get("clean"));
    }

    /** The goals the summary misses, in words; empty when all are met. */
    public List<String> missed(Summary s) {
        List<String> out = new ArrayList<>();
        check(out, "recall", s.recall(), recall, true);
        check(out, "precision", s.precision(), precision, true);
        check(out, "median latency (s)", s.latencyMedian(), latencyMedianS, false);
        check(out, "exact rep counts", s.repsExactShare(), repsExact, true);
        check(out, "clean traces without alert", s.cleanShare(), clean, true);
        return out;
    }

    private static void check(List<String> out, String name, double value, double goal, boolean atLeast) {
        if (Double.isNaN(value)) {
            return;
        }
        boolean ok = atLeast ? value >= goal : value <= goal;
        if (!ok) {
            out.add(String.format(Locale.ROOT, "%s %.3f %s goal %.3f", name, value, atLeast ? "<" : ">", goal));
        }
    }
}
