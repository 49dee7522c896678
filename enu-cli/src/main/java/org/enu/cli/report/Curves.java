package org.enu.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts every run has: fitness over generations and seconds per generation, one run or several overlaid. */
public final class Curves {
    /** The most points a curve is drawn with; longer logs are binned (the caption says how). */
    static final int MAX_POINTS = 600;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** The i-th colour of the palette (it repeats after ten). */
    public static Color palette(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private Curves() {
    }

    /**
     * The metrics log in at most {@link #MAX_POINTS} bins of consecutive generations: per bin the
     * first generation, the mean of the offspring means, the lowest worst and the highest best
     * offspring, the mean centre, and the mean seconds.
     */
    record Binned(int width, List<double[]> points) {
        static final int G = 0, MEAN = 1, MIN = 2, MAX = 3, CENTRE = 4, SECONDS = 5;

        static Binned of(List<Map<String, Object>> rows) {
            int width = Math.max(1, (rows.size() + MAX_POINTS - 1) / MAX_POINTS);
            List<double[]> out = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += width) {
                double[] p = {num(rows.get(from), "generation"), 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0};
                int[] n = new int[6];
                for (int i = from; i < Math.min(rows.size(), from + width); i++) {
                    Map<String, Object> r = rows.get(i);
                    n[MEAN] += addTo(p, MEAN, num(r, "mean"));
                    n[CENTRE] += addTo(p, CENTRE, num(r, "centre"));
                    n[SECONDS] += addTo(p, SECONDS, num(r, "seconds"));
                    double lo = num(r, "min");
                    double hi = num(r, "max");
                    if (Double.isFinite(lo)) {
                        p[MIN] = Math.min(p[MIN], lo);
                    }
                    if (Double.isFinite(hi)) {
                        p[MAX] = Math.max(p[MAX], hi);
                    }
                }
                for (int k : new int[] {MEAN, CENTRE, SECONDS}) {
                    p[k] = n[k] == 0 ? Double.NaN : p[k] / n[k];
                }
                p[MIN] = Double.isFinite(p[MIN]) ? p[MIN] : Double.NaN;
                p[MAX] = Double.isFinite(p[MAX]) ? p[MAX] : Double.NaN;
                out.add(p);
            }
            return new Binned(width, out);
        }

        private static int addTo(double[] p, int k, double v) {
            if (Double.isFinite(v)) {
                p[k] += v;
                return 1;
            }
            return 0;
        }

        String note() {
            return width == 1 ? "" : " Each point is a bin of " + width + " generations (mean of the offspring means, "
                    + "lowest and highest offspring, mean centre).";
        }
    }

    static double num(Map<String, Object> r, String key) {
        return r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Fitness per generation: the offspring mean with a band from the worst to the best offspring,
     * the best offspring, the centre (the unperturbed parameters); stage boundaries as dashed
     * lines and, for a staged run, the validation figure on a right-hand axis.
     */
    static JFreeChart fitness(String title, List<Map<String, Object>> rows, List<double[]> validation,
                              String validationLabel) {
        Binned b = Binned.of(rows);
        YIntervalSeries mean = new YIntervalSeries("offspring mean (band: worst to best offspring)");
        XYSeries best = new XYSeries("best offspring");
        XYSeries centre = new XYSeries("centre (unperturbed genome)");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : b.points()) {
            if (Double.isFinite(p[Binned.MEAN])) {
                double l = Double.isFinite(p[Binned.MIN]) ? p[Binned.MIN] : p[Binned.MEAN];
                double h = Double.isFinite(p[Binned.MAX]) ? p[Binned.MAX] : p[Binned.MEAN];
                mean.add(p[Binned.G], p[Binned.MEAN], l, h);
                lo = Math.min(lo, p[Binned.MEAN]);
                hi = Math.max(hi, p[Binned.MEAN]);
            }
            for (double[] s : new double[][] {{Binned.MAX}, {Binned.CENTRE}}) {
                double v = p[(int) s[0]];
                if (Double.isFinite(v)) {
                    (s[0] == Binned.MAX ? best : centre).add(p[Binned.G], v);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        band.addSeries(mean);
        DeviationRenderer dev = new DeviationRenderer(true, false);
        dev.setSeriesPaint(0, PALETTE[0]);
        dev.setSeriesFillPaint(0, new Color(0x1f77b4));
        dev.setAlpha(0.18f);
        dev.setSeriesStroke(0, new BasicStroke(1.4f));
        dev.setDrawSeriesLineAsPath(true);
        NumberAxis y = new NumberAxis("fitness (task score per episode, higher is better)");
        if (hi > lo) {
            // the band's worst offspring can lie far below everything else: the axis follows the lines
            double pad = 0.06 * (hi - lo);
            y.setRange(lo - pad, hi + pad);
        } else {
            y.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(band, new NumberAxis("generation"), y, dev);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(best);
        lines.addSeries(centre);
        plot.setDataset(1, lines);
        XYLineAndShapeRenderer lr = lineRenderer(2, 1);
        lr.setSeriesPaint(0, PALETTE[2]);
        lr.setSeriesPaint(1, PALETTE[1]);
        plot.setRenderer(1, lr);
        style(plot);
        markStages(plot, rows);
        if (!validation.isEmpty()) {
            addValidation(plot, validation, validationLabel);
        }
        return chart(title, plot);
    }

    /** A staged run's validation figures as points on a right-hand axis of the fitness plot. */
    private static void addValidation(XYPlot plot, List<double[]> validation, String label) {
        XYSeries v = new XYSeries("validation: " + label + " (right axis)");
        for (double[] p : validation) {
            v.add(p[0], p[1]);
        }
        NumberAxis vy = new NumberAxis("validation: " + label);
        vy.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, vy);
        plot.setDataset(2, new XYSeriesCollection(v));
        plot.mapDatasetToRangeAxis(2, 1);
        XYLineAndShapeRenderer vr = new XYLineAndShapeRenderer(false, true);
        vr.setSeriesPaint(0, PALETTE[4]);
        vr.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setRenderer(2, vr);
    }

    /** Seconds of evaluation and update per generation. */
    static JFreeChart seconds(String title, List<Map<String, Object>> rows) {
        Binned b = Binned.of(rows);
        XYSeries s = new XYSeries("seconds per generation");
        for (double[] p : b.points()) {
            if (Double.isFinite(p[Binned.SECONDS])) {
                s.add(p[Binned.G], p[Binned.SECONDS]);
            }
        }
        NumberAxis y = new NumberAxis("wall time per generation (s)");
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("generation"), y, lineRenderer(1, 0));
        style(plot);
        markStages(plot, rows);
        return chart(title, plot);
    }

    /** Several runs overlaid: per run its centre (solid) and offspring mean (dashed), or its seconds. */
    static JFreeChart overlay(String title, List<RunData> runs, boolean seconds) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        int i = 0;
        for (RunData run : runs) {
            Binned b = Binned.of(run.metrics());
            Color c = PALETTE[i % PALETTE.length];
            int[] cols = seconds ? new int[] {Binned.SECONDS} : new int[] {Binned.CENTRE, Binned.MEAN};
            for (int col : cols) {
                String what = col == Binned.SECONDS ? "" : col == Binned.CENTRE ? ", centre" : ", offspring mean";
                XYSeries s = new XYSeries((i + 1) + ". " + run.name() + what);
                for (double[] p : b.points()) {
                    if (Double.isFinite(p[col])) {
                        s.add(p[Binned.G], p[col]);
                    }
                }
                int k = data.getSeriesCount();
                data.addSeries(s);
                r.setSeriesPaint(k, c);
                r.setSeriesStroke(k, col == Binned.MEAN ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f) : new BasicStroke(1.6f));
            }
            i++;
        }
        NumberAxis y = new NumberAxis(seconds ? "wall time per generation (s)"
                : "fitness (task score per episode, higher is better)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new NumberAxis("generation"), y, r);
        style(plot);
        return chart(title, plot);
    }

    /**
     * A dashed line where a curriculum or staged run enters another stage, labelled with the
     * stage's name (or index): fitness is measured in each stage's own world, so the curve jumps there.
     */
    static void markStages(XYPlot plot, List<Map<String, Object>> rows) {
        Object previous = null;
        for (Map<String, Object> r : rows) {
            Object stage = r.get("stage");
            if (stage == null || stage.equals(previous)) {
                continue;
            }
            if (previous != null || num(r, "generation") > 0) {
                ValueMarker m = new ValueMarker(num(r, "generation"), Color.GRAY, dashed(1f));
                Object name = r.get("stage_name");
                m.setLabel(name != null ? "stage " + name : "stage " + stage);
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m);
            }
            previous = stage;
        }
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
    }

    /** A line renderer for n series, colours from the palette starting at {@code first}. */
    public static XYLineAndShapeRenderer lineRenderer(int n, int first) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, PALETTE[(first + i) % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        return r;
    }

    /** White background, light grey grid. */
    public static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xdddddd));
        p.setRangeGridlinePaint(new Color(0xdddddd));
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
