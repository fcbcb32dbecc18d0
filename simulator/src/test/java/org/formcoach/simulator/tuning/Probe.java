package org.formcoach.simulator.tuning;

import java.util.*;
import org.formcoach.engine.coach.*;
import org.formcoach.engine.sample.*;
import org.formcoach.simulator.*;
import org.formcoach.simulator.labels.Labels;

/** Tuning probe (not a test): per rep (or hold), the largest value of each fault rule, for good and faulty ones. */
public class Probe {
  public static void main(String[] a) throws Exception {
    String ex = a[0]; String variant = a.length > 1 && !a[1].equals("-") ? a[1] : null; int sensors = Integer.parseInt(a[2]); String placement = a[3];
    int n = Integer.parseInt(a[4]);
    String[] presets = {"mpu6050","icm20948","bmi270","bno055","lsm6dso"};
    Map<String, List<Double>> good = new TreeMap<>(), bad = new TreeMap<>();
    for (int seed = 1; seed <= n; seed++) {
      Scenario.Builder b = Scenario.builder().exercise(ex).sensors(sensors).placement(placement).mounting(seed % 2 == 0 ? "any" : "usual").preset(presets[seed % 5]).faults("auto").seed(seed + 5000);
      if (variant != null) b.variant(variant);
      GeneratedTrace tr = TraceGenerator.generate(b.build());
      Labels l = tr.labels();
      List<Object[]> series = new ArrayList<>();
      Coach c = new Coach(Exercise.parse(ex), CoachSettings.defaults(), 100, e -> {});
      for (Sample s : tr.samples()) { c.accept(s); double t = s.timeS; c.readFaults((f, v, w, ft, lv) -> { if (!Double.isNaN(v)) series.add(new Object[]{t, f.wireName(), v}); }); }
      List<double[]> windows = new ArrayList<>(); List<List<String>> faults = new ArrayList<>();
      for (Labels.Rep r : l.reps()) { windows.add(new double[]{r.start(), r.end() + 0.5}); faults.add(r.faults()); }
      if (l.reps().isEmpty()) for (Labels.Hold h : l.holds()) { windows.add(new double[]{h.start(), h.end()}); List<String> fs = new ArrayList<>(); for (Labels.Fault f : l.faults()) fs.add(f.fault()); faults.add(fs); }
      for (int i = 0; i < windows.size(); i++) {
        Map<String, Double> max = new HashMap<>();
        for (Object[] p : series) { double t = (Double) p[0]; if (t >= windows.get(i)[0] && t <= windows.get(i)[1]) max.merge((String) p[1], (Double) p[2], Math::max); }
        for (var e : max.entrySet()) (faults.get(i).contains(e.getKey()) ? bad : good).computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
    }
    for (String f : good.keySet()) {
      System.out.printf("%-18s good: %s%n%-18s  bad: %s%n", f, q(good.get(f)), "", q(bad.get(f)));
    }
  }
  static String q(List<Double> v) {
    if (v == null || v.isEmpty()) return "-";
    double[] x = v.stream().mapToDouble(d -> d).sorted().toArray();
    return String.format("n=%3d p05=%5.1f p10=%5.1f p50=%5.1f p90=%5.1f p95=%5.1f p99=%5.1f max=%5.1f", x.length, x[(int)(0.05*(x.length-1))], x[(int)(0.10*(x.length-1))], x[x.length/2], x[(int)(0.9*(x.length-1))], x[(int)(0.95*(x.length-1))], x[(int)(0.99*(x.length-1))], x[x.length-1]);
  }
}
