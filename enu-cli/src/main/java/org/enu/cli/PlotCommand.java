package org.enu.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.AtomicFiles;
import org.enu.io.FileWriteException;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.enu.task.EpisodeTrace;
import org.enu.task.Task;
import org.enu.task.TaskRegistry;
import org.enu.task.iaf.IafTask;
import org.enu.task.stdp.StdpTask;
import org.enu.task.tmaze.TMazeTask;
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
                + "DIR/plots/episode.png (one held-out episode of the latest genome); for the T-maze also "
                + "DIR/plots/food-arm.png (food-arm choices before and after the first poison), for IAF "
                + "DIR/plots/iaf.png and iaf-raster.png (paper Fig. 6), for STDP DIR/plots/stdp-example.png and "
                + "stdp-curve.png (paper Fig. 7).")
final class PlotCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "run directory")
    Path dir;

    @CommandLine.Mixin
    HeldOutEpisode episode;


    @Override
    public Integer call() throws Exception {
        // everything is read, checked and drawn first; only then is anything written
        long key = episode.key();
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        RunConfig cfg = rd.config();
        Task task = TaskRegistry.create(cfg);
        List<Map<String, Object>> metrics = rd.metrics();
        Genome genome = rd.latestGenome();
        Path plots = dir.resolve("plots");
        if (Files.exists(plots) && !Files.isDirectory(plots)) {
            throw new ConfigException(plots + ": exists and is not a directory");
        }
        Map<Path, byte[]> out = new LinkedHashMap<>();
        out.put(plots.resolve("fitness.png"), png(fitnessChart(metrics, task.name()), 1000, 560));
        EpisodeTrace trace = task.trace(genome.parameters(), key);
        List<List<String>> panels = task.tracePanels(trace);
        out.put(plots.resolve("episode.png"), png(traceChart(trace, panels, task.name() + ": held-out episode "
                + episode.env + ", generation " + genome.generation()), 1100, 220 + 170 * panels.size()));
        if (task instanceof TMazeTask tmaze) {
            out.put(plots.resolve("food-arm.png"), png(foodArmChart(tmaze, genome, cfg.seed(),
                    EnvironmentKeys.heldOut(episode.seed, 256)), 1000, 560));
        }
        if (task instanceof IafTask iaf) {
            long[] keys = EnvironmentKeys.heldOut(episode.seed, 64);
            out.put(plots.resolve("iaf.png"), png(iafFigure(iaf, genome, key, keys), 1100, 900));
            out.put(plots.resolve("iaf-raster.png"), png(iafRaster(iaf, genome, java.util.Arrays.copyOf(keys, 8)),
                    1100, 560));
        }
        if (task instanceof StdpTask stdp) {
            out.put(plots.resolve("stdp-example.png"), png(stdpExample(stdp, genome, episode.seed), 1100, 730));
            out.put(plots.resolve("stdp-curve.png"), png(stdpCurve(stdp, genome, EnvironmentKeys.heldOut(episode.seed,
                    512)), 1000, 620));
        }
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new FileWriteException(plots, AtomicFiles.reason(e));
        }
        for (Map.Entry<Path, byte[]> e : out.entrySet()) {
            AtomicFiles.write(e.getKey(), e.getValue());
            spec.commandLine().getOut().printf("wrote %s%n", e.getKey());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static byte[] png(JFreeChart chart, int width, int height) throws IOException {
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
     * Paper Fig. 6 (left): one held-out episode: the input, the target neuron's potential (before
     * the reset: the value compared with the threshold),
     * the ENU memory cell that best tracks the potential (chosen over the given episodes), the
     * target's spikes and the ENU's output.
     */
    static JFreeChart iafFigure(IafTask task, Genome genome, long key, long[] keys) {
        IafTask.MemoryMatch best = task.bestMemoryCell(genome.parameters(), keys);
        EpisodeTrace trace = task.trace(genome.parameters(), key);
        String mem = "mem" + best.cell();
        List<List<String>> panels = List.of(List.of("input"), List.of("target_potential"), List.of(mem),
                List.of("target_spike", "out0"));
        return traceChart(trace, panels, String.format(java.util.Locale.ROOT,
                "IAF, generation %d: input, target potential, ENU memory cell %d (r = %.3f with the potential over %d "
                        + "held-out episodes), target spikes and ENU output", genome.generation(), best.cell(),
                best.correlation(), keys.length));
    }

    /** Paper Fig. 6 (right): target and ENU spike times in several held-out episodes. */
    static JFreeChart iafRaster(IafTask task, Genome genome, long[] keys) {
        XYSeries target = new XYSeries("target spike");
        XYSeries enu = new XYSeries("ENU spike");
        for (int e = 0; e < keys.length; e++) {
            EpisodeTrace tr = task.trace(genome.parameters(), keys[e]);
            double[] ts = tr.column("target_spike");
            double[] out = tr.column("out0");
            for (int t = 0; t < ts.length; t++) {
                if (ts[t] > 0) {
                    target.add(t, e + 0.15);
                }
                if (out[t] > task.config().spikeLevel()) {
                    enu.add(t, e - 0.15);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(target);
        data.addSeries(enu);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesPaint(1, PALETTE[1]);
        r.setSeriesShape(0, new java.awt.Rectangle(-1, -7, 3, 14));
        r.setSeriesShape(1, new java.awt.Rectangle(-1, -7, 3, 14));
        NumberAxis y = new NumberAxis("held-out episode");
        y.setRange(-0.7, keys.length - 0.3);
        XYPlot plot = new XYPlot(data, new NumberAxis("step"), y, r);
        style(plot);
        JFreeChart chart = new JFreeChart("IAF, generation " + genome.generation() + ": spike times in " + keys.length
                + " held-out episodes (target above, ENU below)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Paper Fig. 7 (left): one held-out episode with the neuromodulator present (the first such
     * held-out environment): the spikes and the neuromodulator, the graded input, the rule's
     * target output and the ENU's output.
     */
    static JFreeChart stdpExample(StdpTask task, Genome genome, long seed) {
        long[] keys = EnvironmentKeys.heldOut(seed, 64);
        int env = 0;
        for (int e = 0; e < keys.length; e++) {
            if (task.environment(keys[e]).modulator() > 0) {
                env = e;
                break;
            }
        }
        EpisodeTrace trace = task.trace(genome.parameters(), keys[env]);
        return traceChart(trace, task.tracePanels(trace), "STDP (" + (task.config().modulated() ? "neuromodulated"
                : "plain") + "), generation " + genome.generation() + ": held-out episode " + env
                + " (neuromodulator present)");
    }

    /** Paper Fig. 7 (right): relative output change against dt, rule and ENU, with and without neuromodulator. */
    static JFreeChart stdpCurve(StdpTask task, Genome genome, long[] keys) {
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
        return chart;
    }

    /**
     * Paper Fig. 9 as numbers: the fraction of arm choices into the food arm before the first
     * poison, after it and after a later swap (mean over held-out mazes, error bars one standard
     * error), for the genome, the untrained network and the oracle learner.
     */
    static JFreeChart foodArmChart(TMazeTask task, Genome genome, long seed, long[] keys) {
        org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
                new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        String[] phases = {"before_poison", "after_poison", "after_swap"};
        String[] labels = {"before the first poison", "after the first poison", "after a later swap"};
        Map<String, Map<String, Double>> agents = new java.util.LinkedHashMap<>();
        agents.put("evolved (generation " + genome.generation() + ")", task.metrics(genome.parameters(), keys));
        agents.put("untrained", task.metrics(task.initialParameters(seed), keys));
        agents.put("oracle learner", task.baselineMetrics(keys).get("oracle"));
        agents.put("random agent", task.baselineMetrics(keys).get("random"));
        for (Map.Entry<String, Map<String, Double>> a : agents.entrySet()) {
            for (int i = 0; i < phases.length; i++) {
                Double m = a.getValue().get("food_arm_" + phases[i]);
                Double se = a.getValue().get("food_arm_" + phases[i] + "_stderr");
                data.add(m == null || m.isNaN() ? 0 : m, se == null || se.isNaN() ? 0 : se, a.getKey(), labels[i]);
            }
        }
        org.jfree.chart.renderer.category.StatisticalBarRenderer r =
                new org.jfree.chart.renderer.category.StatisticalBarRenderer();
        for (int i = 0; i < agents.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i]);
        }
        r.setErrorIndicatorPaint(Color.BLACK);
        org.jfree.chart.axis.NumberAxis y = new NumberAxis("fraction of arm choices into the food arm");
        y.setRange(0, 1.05);
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data,
                new org.jfree.chart.axis.CategoryAxis("arm choices (junction into an arm), " + keys.length
                        + " held-out mazes"), y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        org.jfree.chart.plot.ValueMarker chance = new org.jfree.chart.plot.ValueMarker(0.5);
        chance.setPaint(Color.GRAY);
        chance.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        plot.addRangeMarker(chance);
        JFreeChart chart = new JFreeChart("T-maze: arm choices into the food arm, before and after the first poison (random agent = chance level)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
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
