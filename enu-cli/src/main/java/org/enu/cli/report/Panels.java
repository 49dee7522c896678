package org.enu.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Time series stacked in panels over one time axis: an episode of a task, signals named in words. */
final class Panels {
    private Panels() {
    }

    /** One signal: its label in the legend, its values per time step. */
    record Signal(String label, double[] values, Color color, boolean steps) {
        static Signal line(String label, double[] values, Color color) {
            return new Signal(label, values, color, false);
        }

        static Signal step(String label, double[] values, Color color) {
            return new Signal(label, values, color, true);
        }
    }

    /** A panel: the y axis's label (with units), its signals, horizontal reference lines (value, label). */
    record Panel(String axis, List<Signal> signals, List<Object[]> levels, double weight) {
        Panel(String axis, List<Signal> signals) {
            this(axis, signals, List.of(), 1);
        }

        Panel level(double value, String label) {
            List<Object[]> l = new ArrayList<>(levels);
            l.add(new Object[] {value, label});
            return new Panel(axis, signals, l, weight);
        }
    }

    static JFreeChart stacked(String title, String timeAxis, double[] time, List<Panel> panels, List<Marker> marks) {
        NumberAxis x = new NumberAxis(timeAxis);
        x.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(10);
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            // one path per signal (a step signal as a staircase of points): small SVG, one element per line
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            int i = 0;
            for (Signal s : p.signals()) {
                XYSeries xs = new XYSeries(s.label(), false, true);
                double[] v = s.values();
                for (int t = 0; t < v.length; t++) {
                    if (!Double.isFinite(v[t])) {
                        continue;
                    }
                    if (s.steps() && t > 0 && Double.isFinite(v[t - 1]) && v[t - 1] != v[t]) {
                        xs.add(time[t], v[t - 1]); // the step's riser
                    }
                    if (!s.steps() || t == 0 || t == v.length - 1 || v[t - 1] != v[t] || v[t + 1] != v[t]) {
                        xs.add(time[t], v[t]);
                    }
                }
                data.addSeries(xs);
                r.setSeriesPaint(i, s.color());
                r.setSeriesStroke(i, new BasicStroke(1.4f));
                i++;
            }
            NumberAxis y = new NumberAxis(p.axis());
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            XYPlot plot = new XYPlot(data, null, y, r);
            Curves.style(plot);
            for (Object[] level : p.levels()) {
                ValueMarker m = new ValueMarker((Double) level[0], Color.DARK_GRAY, Curves.dashed(1f));
                m.setLabel((String) level[1]);
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            }
            for (Marker m : marks) {
                plot.addDomainMarker(m);
            }
            combined.add(plot, (int) Math.round(p.weight() * 10));
        }
        return Curves.chart(title, combined);
    }
}
