package org.enu.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.enu.task.EpisodeTrace;
import org.enu.task.Task;
import org.enu.task.TaskRegistry;
import org.enu.task.stdp.StdpTask;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu plot DIR}: PNG plots of a run's fitness curve and of one held-out episode. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw DIR/plots/fitness.png (mean, best and centre fitness per generation) and "
                + "DIR/plots/episode.png (one held-out episode of the latest genome).")
final class PlotCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "run directory")
    Path dir;

    @CommandLine.Mixin
    HeldOutEpisode episode;


    @Override
    public Integer call() throws Exception {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        Task task = TaskRegistry.create(rd.config());
        Path plots = dir.resolve("plots");
        Files.createDirectories(plots);
        Path fitness = plots.resolve("fitness.png");
        fitnessChart(rd.metrics(), task.name(), fitness);
        Genome genome = rd.latestGenome();
        EpisodeTrace trace = task.trace(genome.parameters(), episode.key());
        Path episodePng = plots.resolve("episode.png");
        traceChart(trace, task.tracePanels(trace), task.name() + ": held-out episode " + episode.env + ", generation "
                + genome.generation(), episodePng);
        spec.commandLine().getOut().printf("wrote %s%nwrote %s%n", fitness, episodePng);
        if (task instanceof StdpTask stdp) {
            Path curve = plots.resolve("stdp-curve.png");
            stdpCurve(stdp, genome, EnvironmentKeys.heldOut(episode.seed, 512), curve);
            spec.commandLine().getOut().printf("wrote %s%n", curve);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static void fitnessChart(List<Map<String, Object>> rows, String taskName, Path png) throws IOException {
        XYSeries mean = new XYSeries("mean");
        XYSeries max = new XYSeries("best");
        XYSeries centre = new XYSeries("centre");
        for (Map<String, Object> r : rows) {
            double g = ((Number) r.get("generation")).doubleValue();
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
        JFreeChart chart = new JFreeChart(taskName + ": fitness per generation", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 560);
    }

    static void traceChart(EpisodeTrace trace, List<List<String>> panels, String title, Path png) throws IOException {
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
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 220 + 170 * panels.size());
    }

    /** Paper Fig. 7 (right): relative output change against dt, rule and ENU, with and without neuromodulator. */
    static void stdpCurve(StdpTask task, Genome genome, long[] keys, Path png) throws IOException {
        XYSeries ruleOn = new XYSeries("rule, neuromodulator present");
        XYSeries enuOn = new XYSeries("ENU, neuromodulator present");
        XYSeries ruleOff = new XYSeries("rule, neuromodulator absent");
        XYSeries enuOff = new XYSeries("ENU, neuromodulator absent");
        for (StdpTask.CurvePoint p : task.curve(genome.parameters(), keys)) {
            (p.modulator() ? ruleOn : ruleOff).add(p.dt(), p.rule());
            (p.modulator() ? enuOn : enuOff).add(p.dt(), p.enu());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(ruleOn);
        data.addSeries(enuOn);
        data.addSeries(ruleOff);
        data.addSeries(enuOff);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x9ecae1), new Color(0xfc9272)};
        for (int i = 0; i < 4; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("dt = t_post - t_pre (steps)"),
                new NumberAxis("relative change of mean output after vs before"), r);
        style(plot);
        JFreeChart chart = new JFreeChart("STDP curve, generation " + genome.generation() + " ("
                + (task.config().modulated() ? "neuromodulated" : "plain") + ")", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 620);
    }

    private static void add(XYSeries s, double x, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            s.add(x, n.doubleValue());
        }
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** A line renderer for n series, colours taken from the palette starting at {@code first}. */
    private static XYLineAndShapeRenderer lines(int n, int first) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, PALETTE[(first + i) % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        return r;
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xdddddd));
        p.setRangeGridlinePaint(new Color(0xdddddd));
    }
}
