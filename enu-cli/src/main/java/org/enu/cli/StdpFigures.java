package org.enu.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.task.stdp.StdpTask;
import org.enu.tasks.TaskRegistry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The STDP plots: paper Fig. 7 (an episode with the neuromodulator present, the STDP curve). */
final class StdpFigures implements TaskFigures {
    @Override
    public List<List<String>> panels(EpisodeTrace trace) {
        return List.of(List.of("pre_spike", "post_spike", "neuromodulator"), List.of("graded"), List.of("target", "out0"));
    }

    @Override
    public void draw(RunConfig cfg, Genome genome, HeldOutEpisode episode, Path plots, Map<Path, byte[]> out)
            throws IOException {
        StdpTask task = TaskRegistry.STDP.create(cfg.settings(), cfg.cell());
        out.put(plots.resolve("stdp-example.png"), Charts.png(stdpExample(task, genome, episode.seed), 1100, 730));
        out.put(plots.resolve("stdp-curve.png"), Charts.png(stdpCurve(task, genome, EnvironmentKeys.heldOut(episode.seed,
                512)), 1000, 620));
    }

    /**
     * Paper Fig. 7 (left): one held-out episode with the neuromodulator present (the first such
     * held-out environment): the spikes and the neuromodulator, the graded input, the rule's
     * target output and the ENU's output.
     */
    JFreeChart stdpExample(StdpTask task, Genome genome, long seed) {
        long[] keys = EnvironmentKeys.heldOut(seed, 64);
        int env = 0;
        for (int e = 0; e < keys.length; e++) {
            if (task.environment(keys[e]).modulator() > 0) {
                env = e;
                break;
            }
        }
        EpisodeTrace trace = task.trace(genome.parameters(), keys[env]);
        return Charts.traceChart(trace, panels(trace), "STDP (" + (task.config().modulated() ? "neuromodulated"
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
        Charts.style(plot);
        JFreeChart chart = new JFreeChart("STDP curve, generation " + genome.generation() + " ("
                + (task.config().modulated() ? "neuromodulated" : "plain") + ")", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
