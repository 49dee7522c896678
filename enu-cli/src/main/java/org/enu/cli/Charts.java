package org.enu.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.enu.task.EpisodeTrace;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart pieces every plot shares: PNG bytes, the fitness curve, an episode's stacked panels, colours. */
final class Charts {
    private Charts() {
    }

    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(b, chart, width, height);
        return b.toByteArray();
    }

    static JFreeChart fitnessChart(List<Map<String, Object>> rows, String taskName) {
        XYSeries mean = new XYSeries("mean");
        XYSeries max = new XYSeries("best");
        XYSeries centre = new XYSeries("centre");
        for (Map<String, Object> r : rows) {
            double g = ((Number) r.get("generation")).doubleValue(); // MetricsLog checked it is an integer
            add(mean, g, r.get("mean"));
            add(max, g, r.get("max"));
            add(centre, g, r.get("centre"));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(max);
        data.addSeries(mean);
        data.addSeries(centre);
        NumberAxis x = new NumberAxis("generation");
        NumberAxis y = new NumberAxis("fitness");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, lines(3, 0));
        style(plot);
        markStages(plot, rows);
        JFreeChart chart = new JFreeChart(taskName + ": fitness per generation", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static JFreeChart traceChart(EpisodeTrace trace, List<List<String>> panels, String title) {
        NumberAxis x = new NumberAxis("step");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(8);
        double[] steps = trace.column(trace.columns().get(0));
        int colour = 0;
        for (List<String> panel : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (String col : panel) {
                XYSeries s = new XYSeries(col);
                double[] v = trace.column(col);
                for (int i = 0; i < v.length; i++) {
                    s.add(steps[i], v[i]);
                }
                data.addSeries(s);
            }
            NumberAxis y = new NumberAxis(String.join(", ", panel));
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(y.getLabelFont().deriveFont(10f));
            XYPlot p = new XYPlot(data, null, y, lines(panel.size(), colour));
            colour += panel.size();
            style(p);
            combined.add(p, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A dashed line where a curriculum or staged run enters another stage, labelled with the
     * stage's name (or index): fitness is measured in each stage's own world, so the curve jumps there.
     */
    private static void markStages(XYPlot plot, List<Map<String, Object>> rows) {
        Object previous = null;
        for (Map<String, Object> r : rows) {
            Object stage = r.get("stage");
            if (stage == null || stage.equals(previous)) {
                continue;
            }
            if (previous != null || ((Number) r.get("generation")).intValue() > 0) {
                org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(
                        ((Number) r.get("generation")).doubleValue(), Color.GRAY, new java.awt.BasicStroke(1f,
                        java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
                Object name = r.get("stage_name");
                m.setLabel(name != null ? name.toString() : "stage " + stage);
                m.setLabelFont(m.getLabelFont().deriveFont(10f));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m);
            }
            previous = stage;
        }
    }

    private static void add(XYSeries s, double x, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            s.add(x, n.doubleValue());
        }
    }

    /** A line renderer for n series, colours taken from the palette starting at {@code first}. */
    static XYLineAndShapeRenderer lines(int n, int first) {
        return org.enu.cli.report.Curves.lineRenderer(n, first);
    }

    static void style(XYPlot p) {
        org.enu.cli.report.Curves.style(p);
    }
}
