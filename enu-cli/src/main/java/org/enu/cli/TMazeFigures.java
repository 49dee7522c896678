package org.enu.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.task.Metric;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeReport;
import org.enu.tasks.TaskRegistry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/** The T-maze plots: the episode's outputs, action, sensors, rewards and counts; food-arm choices (paper Fig. 9). */
final class TMazeFigures implements TaskFigures {
    /** The output neurons' channel 0, the action, the sensors, the rewards, the counters and the energy. */
    @Override
    public List<List<String>> panels(EpisodeTrace trace) {
        List<String> neurons = new ArrayList<>();
        List<String> sensors = new ArrayList<>();
        for (String c : trace.columns()) {
            if (c.matches("n\\d+_out0")) {
                neurons.add(c);
            } else if (c.matches("in\\d+_out0") && !c.equals("in" + TMazeConfig.REWARD_NEURON + "_out0")) {
                sensors.add(c);
            }
        }
        List<String> outs = neurons.subList(neurons.size() - TMazeConfig.OUTPUT_NEURONS, neurons.size());
        String reward = "in" + TMazeConfig.REWARD_NEURON;
        return List.of(List.copyOf(outs), List.of("action"), sensors, List.of(reward + "_out1", reward + "_out2"),
                List.of("foods", "poisons", "swaps"), List.of("energy"));
    }

    @Override
    public void draw(RunConfig cfg, Genome genome, HeldOutEpisode episode, Path plots, Map<Path, byte[]> out)
            throws IOException {
        TMazeReport report = new TMazeReport(TaskRegistry.TMAZE.create(cfg.settings(), cfg.cell()));
        long[] keys = EnvironmentKeys.heldOut(episode.seed, 256);
        Map<String, Map<String, Double>> agents = agents(report, genome, cfg.seed(), keys);
        out.put(plots.resolve("food-arm.png"), Charts.png(foodArmChart(agents, keys.length), 1000, 560));
        out.put(plots.resolve("poison-taken.png"), Charts.png(poisonTakenChart(agents, keys.length), 1000, 560));
    }

    /** The metrics of the genome, the untrained network and the baselines on the same held-out mazes. */
    static Map<String, Map<String, Double>> agents(TMazeReport report, Genome genome, long seed, long[] keys) {
        Map<String, Map<String, Double>> agents = new java.util.LinkedHashMap<>();
        agents.put("evolved (generation " + genome.generation() + ")", Metric.values(report.metrics(genome.parameters(), keys)));
        agents.put("untrained", Metric.values(report.metrics(report.task().initialParameters(seed), keys)));
        agents.put("oracle learner", Metric.values(report.baselines(keys).get("oracle")));
        agents.put("side learner", Metric.values(report.baselines(keys).get("side_learner")));
        agents.put("random agent", Metric.values(report.baselines(keys).get("random")));
        return agents;
    }

    /**
     * Paper Fig. 9 as numbers: the fraction of arm choices into the food arm before the first
     * poison, after it and after a later swap (mean over held-out mazes, error bars one standard
     * error), for the genome, the untrained network and the baselines.
     */
    static JFreeChart foodArmChart(Map<String, Map<String, Double>> agents, int mazes) {
        return phaseBars("T-maze: arm choices into the food arm, before and after the first poison (random agent = chance level)",
                "fraction of arm choices into the food arm", "arm choices (junction into an arm), " + mazes + " held-out mazes",
                agents, "food_arm_", new String[] {"before_poison", "after_poison", "after_swap"},
                new String[] {"before the first poison", "after the first poison", "after a later swap"});
    }

    /**
     * One-shot colour learning directly: of the visits to the poison (its colour in sight), the
     * fraction that ended by eating it, before the first poison and after it.
     */
    static JFreeChart poisonTakenChart(Map<String, Map<String, Double>> agents, int mazes) {
        return phaseBars("T-maze: poison in sight, eaten or refused, before and after the first poison",
                "fraction of visits to the poison that ate it", "visits to the poison (its colour sensor on), " + mazes
                        + " held-out mazes", agents, "poison_taken_", new String[] {"before_poison", "after_poison"},
                new String[] {"before the first poison", "after the first poison"});
    }

    /** Bars of metric prefix + phase per agent and phase, error bars from the metric's _stderr, a line at 0.5. */
    private static JFreeChart phaseBars(String title, String yLabel, String xLabel, Map<String, Map<String, Double>> agents,
                                        String prefix, String[] phases, String[] labels) {
        org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
                new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        for (Map.Entry<String, Map<String, Double>> a : agents.entrySet()) {
            for (int i = 0; i < phases.length; i++) {
                Double m = a.getValue().get(prefix + phases[i]);
                Double se = a.getValue().get(prefix + phases[i] + "_stderr");
                data.add(m == null || m.isNaN() ? 0 : m, se == null || se.isNaN() ? 0 : se, a.getKey(), labels[i]);
            }
        }
        org.jfree.chart.renderer.category.StatisticalBarRenderer r =
                new org.jfree.chart.renderer.category.StatisticalBarRenderer();
        for (int i = 0; i < agents.size(); i++) {
            r.setSeriesPaint(i, org.enu.cli.report.Curves.palette(i));
        }
        r.setErrorIndicatorPaint(Color.BLACK);
        org.jfree.chart.axis.NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1.05);
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data,
                new org.jfree.chart.axis.CategoryAxis(xLabel), y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        org.jfree.chart.plot.ValueMarker chance = new org.jfree.chart.plot.ValueMarker(0.5);
        chance.setPaint(Color.GRAY);
        chance.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        plot.addRangeMarker(chance);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
