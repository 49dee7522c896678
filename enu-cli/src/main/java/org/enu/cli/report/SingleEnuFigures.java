package org.enu.cli.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.task.iaf.IafReport;
import org.enu.task.iaf.IafTask;
import org.enu.task.stdp.StdpReport;
import org.enu.task.stdp.StdpTask;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The single-ENU tasks' figures: paper Fig. 6 (IAF) and Fig. 7 (STDP). */
public final class SingleEnuFigures {
    static final Color MODEL = new Color(0x1f77b4);
    static final Color ENU = new Color(0xd62728);

    private SingleEnuFigures() {
    }

    static double[] steps(EpisodeTrace tr) {
        return tr.column("step");
    }

    /**
     * Paper Fig. 6, left: one held-out input; the graded input, the model's potential beside the
     * ENU memory cell that tracks it best (over {@code keys}), and the output spikes of both.
     */
    static List<Figure> iaf(RunData run, long seed) {
        IafTask task = ((IafReport) run.config().newReport()).task(); // free running, as enu eval plays it
        Genome g = run.genome();
        long[] keys = EnvironmentKeys.heldOut(seed, 64);
        IafReport.MemoryMatch best = new IafReport(task).bestMemoryCell(g.parameters(), keys);
        EpisodeTrace tr = task.trace(g.parameters(), keys[0]);
        double theta = task.config().threshold();
        List<Panels.Panel> panels = List.of(
                new Panels.Panel("input current (per step)", List.of(Panels.Signal.step("graded input x(t)",
                        tr.column("input"), new Color(0x555555)))),
                new Panels.Panel("model potential (a.u.)", List.of(Panels.Signal.line("IAF model potential",
                        tr.column("target_potential"), MODEL))).level(theta, "threshold " + theta),
                new Panels.Panel("ENU memory cell " + best.cell() + " (a.u.)", List.of(Panels.Signal.line(
                        String.format(Locale.ROOT, "ENU memory cell %d (r = %.2f with the potential)", best.cell(),
                                best.correlation()), tr.column("mem" + best.cell()), ENU))),
                new Panels.Panel("output (0 to 1)", List.of(Panels.Signal.step("IAF model spike", tr.column("target_spike"),
                        MODEL), Panels.Signal.step("ENU output", tr.column("out0"), ENU)))
                        .level(task.config().spikeLevel(), "ENU spike level"));
        JFreeChart c = Panels.stacked("IAF: the ENU beside the integrate-and-fire model, held-out input 0, generation "
                + g.generation(), "time step", steps(tr), panels, List.of());
        List<Figure> out = new ArrayList<>();
        out.add(Figure.of("iaf-episode", "ENU against the IAF model on one held-out input (paper Fig. 6, left)",
                String.format(Locale.ROOT, "Top to bottom: the graded input current; the model neuron's potential "
                        + "(before its reset; it spikes when it reaches the threshold %s); the ENU memory cell whose "
                        + "value follows that potential most closely (cell %d, Pearson r = %.3f over %d held-out inputs); "
                        + "the model's spikes and the ENU's output, which counts as a spike above %s.", theta, best.cell(),
                        best.correlation(), keys.length, task.config().spikeLevel()), c, 1100, 860));
        out.add(Figure.of("iaf-raster", "Spike raster of the model and the ENU on 8 held-out inputs (paper Fig. 6, right)",
                "Each row is one held-out input: the model's spike times (blue, above the row's line) and the ENU's "
                        + "(red, below). Matching columns of ticks mean the ENU fires when the model does.",
                raster(task, g, Arrays.copyOf(keys, 8)), 1100, 520));
        return out;
    }

    /** Paper Fig. 6 (right): the model's and the ENU's spike times on several held-out inputs, a row each. */
    public static JFreeChart raster(IafTask task, Genome genome, long[] keys) {
        XYSeries target = new XYSeries("IAF model spike");
        XYSeries enu = new XYSeries("ENU spike");
        for (int e = 0; e < keys.length; e++) {
            EpisodeTrace tr = task.trace(genome.parameters(), keys[e]);
            double[] ts = tr.column("target_spike");
            double[] out = tr.column("out0");
            for (int t = 0; t < ts.length; t++) {
                if (ts[t] > 0) {
                    target.add(t, e + 0.18);
                }
                if (out[t] > task.config().spikeLevel()) {
                    enu.add(t, e - 0.18);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(target);
        data.addSeries(enu);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, MODEL);
        r.setSeriesPaint(1, ENU);
        r.setSeriesShape(0, new java.awt.Rectangle(-1, -6, 3, 12));
        r.setSeriesShape(1, new java.awt.Rectangle(-1, -6, 3, 12));
        NumberAxis y = new NumberAxis("held-out input (index)");
        y.setRange(-0.7, keys.length - 0.3);
        y.setTickUnit(new NumberTickUnit(1));
        XYPlot plot = new XYPlot(data, new NumberAxis("time step"), y, r);
        Curves.style(plot);
        return Curves.chart("IAF, generation " + genome.generation() + ": spike times on " + keys.length
                + " held-out inputs (model above, ENU below)", plot);
    }

    /** Paper Fig. 7: the STDP curve of the rule and the ENU, with and without neuromodulator; one example episode. */
    static List<Figure> stdp(RunData run, long seed) {
        StdpTask task = ((StdpReport) run.config().newReport()).task();
        Genome g = run.genome();
        String variant = task.config().modulated() ? "neuromodulated" : "plain";
        List<Figure> out = new ArrayList<>();
        out.add(Figure.of("stdp-curve", "Weight change against spike-time difference (paper Fig. 7, right)",
                "Each point is one held-out episode: the relative change of the output (its mean after the spike pair "
                        + "against before) for the STDP rule (dark) and the ENU (light), with the neuromodulator present "
                        + "(blue) and absent (orange). The ENU's points should lie on the rule's curve.",
                curve(task, g, EnvironmentKeys.heldOut(seed, 256), variant), 1000, 620));
        long[] keys = EnvironmentKeys.heldOut(seed, 64);
        int env = firstModulated(task, keys);
        EpisodeTrace tr = task.trace(g.parameters(), keys[env]);
        List<Panels.Panel> panels = List.of(
                new Panels.Panel("spikes, modulator (0/1)", List.of(
                        Panels.Signal.step("presynaptic spike", tr.column("pre_spike"), new Color(0x2ca02c)),
                        Panels.Signal.step("postsynaptic spike", tr.column("post_spike"), new Color(0x9467bd)),
                        Panels.Signal.step("neuromodulator", tr.column("neuromodulator"), new Color(0xff7f0e)))),
                new Panels.Panel("graded input (a.u.)", List.of(Panels.Signal.step("graded presynaptic input",
                        tr.column("graded"), new Color(0x555555)))),
                new Panels.Panel("output: weight (a.u.)", List.of(Panels.Signal.line("STDP rule", tr.column("target"), MODEL),
                        Panels.Signal.line("ENU output", tr.column("out0"), ENU))));
        out.add(Figure.of("stdp-example", "One held-out episode with the neuromodulator present (paper Fig. 7, left)",
                "Top: the pre- and postsynaptic spikes and the neuromodulator; middle: the graded presynaptic input; "
                        + "bottom: the weight the STDP rule computes and the ENU's output, which should follow it.",
                Panels.stacked("STDP (" + variant + "), generation " + g.generation() + ": held-out episode " + env,
                        "time step", steps(tr), panels, List.of()), 1100, 720));
        return out;
    }

    /** The first of the environments with the neuromodulator present (0 if none has it). */
    public static int firstModulated(StdpTask task, long[] keys) {
        for (int e = 0; e < keys.length; e++) {
            if (task.environment(keys[e]).modulator() > 0) {
                return e;
            }
        }
        return 0;
    }

    /** Paper Fig. 7 (right): weight change against spike timing, rule and ENU, with and without the neuromodulator. */
    public static JFreeChart curve(StdpTask task, Genome genome, long[] keys, String variant) {
        XYSeries ruleOn = new XYSeries("STDP rule, neuromodulator present");
        XYSeries enuOn = new XYSeries("ENU, neuromodulator present");
        XYSeries ruleOff = new XYSeries("STDP rule, neuromodulator absent");
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
        Color[] colors = {new Color(0x08519c), new Color(0x6baed6), new Color(0xa63603), new Color(0xfd8d3c)};
        for (int i = 0; i < 4; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesShape(i, i % 2 == 0 ? new java.awt.Rectangle(-2, -2, 5, 5)
                    : new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("spike-time difference t_post − t_pre (time steps)"),
                new NumberAxis("weight change: relative change of the output"), r);
        Curves.style(plot);
        return Curves.chart("STDP (" + variant + "), generation " + genome.generation()
                + ": weight change against spike timing", plot);
    }
}
