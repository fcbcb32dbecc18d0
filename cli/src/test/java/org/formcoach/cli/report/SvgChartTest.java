package org.formcoach.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SvgChartTest {
    private static final Pattern POINT = Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)");

    @Test
    void shouldThinALongSeriesToTwoPointsPerPixelColumnAndKeepItsPeaks() {
        DoubleColumn t = new DoubleColumn(16);
        DoubleColumn v = new DoubleColumn(16);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            t.add(i * 0.01);
            v.add(i == 61_234 ? 50 : Math.sin(i * 0.001)); // one short spike
        }
        SvgChart chart = new SvgChart(0, (n - 1) * 0.01, 0, 200, "test").yRange(-2, 60);
        chart.line(t, v, "s-value");
        List<double[]> points = points(chart.render());
        int columns = Svg.WIDTH - Svg.RIGHT - Svg.LEFT;
        assertTrue(points.size() <= 2 * columns, points.size() + " points for " + columns + " columns");
        double top = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        assertEquals(chart.y(50), top, 0.11, "the spike survives thinning");
    }

    @Test
    void shouldBreakTheLineWhereTheValueIsMissing() {
        DoubleColumn t = new DoubleColumn(16);
        DoubleColumn v = new DoubleColumn(16);
        for (int i = 0; i < 30; i++) {
            t.add(i);
            v.add(i >= 10 && i < 20 ? Double.NaN : i);
        }
        SvgChart chart = new SvgChart(0, 29, 0, 200, "test").yRange(0, 30);
        chart.line(t, v, "s-value");
        String svg = chart.render();
        String path = svg.substring(svg.indexOf("class=\"s-value\" d=\""));
        assertEquals(2, path.substring(0, path.indexOf("\"/>")).chars().filter(c -> c == 'M').count(), path);
    }

    @Test
    void shouldWrapALongCaptionToTheMargin() {
        assertEquals(List.of("Pelvis swinging", "sideways"), SvgChart.wrap("Pelvis swinging sideways", 18));
    }

    private static List<double[]> points(String svg) {
        String d = svg.substring(svg.indexOf(" d=\"") + 4);
        d = d.substring(0, d.indexOf('"'));
        List<double[]> out = new ArrayList<>();
        Matcher m = POINT.matcher(d);
        while (m.find()) {
            out.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }
}
