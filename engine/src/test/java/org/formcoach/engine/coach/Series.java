package org.formcoach.engine.coach;
import org.formcoach.engine.sample.*;
import org.formcoach.engine.trace.*;
import java.io.*;
import java.nio.file.Path;
public class Series {
  public static void main(String[] a) throws Exception {
    Exercise ex = Exercise.parse(a[1]);
    PrintWriter ev = new PrintWriter(a[2].replace(".csv", ".events"));
    PrintWriter out = new PrintWriter(a[2]);
    Coach c = new Coach(ex, CoachSettings.defaults(), 100, e -> ev.println(EventJson.toJson(e)));
    out.println("t,incl,lat,sag,fr,ax,an,upIncl,lambda,linZ");
    try (TraceReader r = TraceReader.open(Path.of(a[0]))) {
      Sample s = new Sample();
      while (r.next(s)) { c.accept(s);
        if (s.sensor == c.lower().placement.ordinal() && c.lower().isCalibrated()) {
          SensorTrack t = c.lower(); SensorTrack u = c.upper();
          double an = Math.sqrt(s.ax*s.ax+s.ay*s.ay+s.az*s.az)-1;
          out.printf("%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%s,%s,%.4f%n", s.timeS, t.inclinationDeg, t.lateralDeg, t.sagittalRate, t.frontalRate, t.axialRate, an,
             u==null? "" : String.format("%.3f", u.inclinationDeg), u==null? "" : String.format("%.3f", u.inclinationDeg - t.inclinationDeg), t.filter().earthZ());
        }
      }
    }
    c.finish(0); out.close(); ev.close();
  }
}
