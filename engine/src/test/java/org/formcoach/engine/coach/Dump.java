package org.formcoach.engine.coach;
import org.formcoach.engine.sample.*;
import org.formcoach.engine.trace.*;
import java.nio.file.Path;
public class Dump {
  public static void main(String[] a) throws Exception {
    Exercise ex = Exercise.parse(a[1]);
    double from = Double.parseDouble(a[2]), to = Double.parseDouble(a[3]), step = a.length>4? Double.parseDouble(a[4]) : 0.1;
    Coach c = new Coach(ex, CoachSettings.defaults(), 100, e -> System.out.println("   EVENT " + EventJson.toJson(e)));
    double next = from;
    try (TraceReader r = TraceReader.open(Path.of(a[0]))) {
      Sample s = new Sample();
      while (r.next(s)) { c.accept(s);
        if (s.timeS >= next && s.timeS <= to && s.sensor == c.lower().placement.ordinal()) { next += step;
          SensorTrack t = c.lower(); SensorTrack u = c.upper();
          double an = Math.sqrt(s.ax*s.ax+s.ay*s.ay+s.az*s.az)-1; System.out.printf("an=%6.3f ", an); System.out.printf("%7.2f %-18s incl=%7.2f lat=%6.2f head=%7.2f sag=%7.2f fr=%7.2f ax=%7.2f lin=%.3f%s%n", s.timeS, c.phase(), t.inclinationDeg, t.lateralDeg, t.isCalibrated()? t.headingDeg():0, t.sagittalRate, t.frontalRate, t.axialRate, t.linearAccelG,
            u==null? "" : String.format(" upIncl=%7.2f lam=%6.2f", u.inclinationDeg, u.inclinationDeg - t.inclinationDeg));
        }
      }
    }
  }
}
