package org.enu.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.eval.EnvironmentKeys;
import org.enu.task.tmaze.TMazeReport;
import org.enu.task.tmaze.TMazeTask;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/** The T-maze's figures (paper Fig. 8, 9): one episode animated and in stills, arm choices against the baselines. */
final class MazeFigures {
    private MazeFigures() {
    }

    /** The episode's figures, and the animation's data (frames, where the chart's time axis lies). */
    record Episode(List<Figure> figures, Map<String, Object> animation) {
    }

    static Episode episode(RunData run, long seed, int env) {
        TMazeTask task = ((TMazeReport) run.config().newReport()).task();
        long key = EnvironmentKeys.heldOut(seed, env + 1)[env];
        MazeEpisode ep = MazeEpisode.record(task, run.genome().parameters(), key);
        int steps = ep.signals.values().iterator().next().length;
        double[] time = new double[steps];
        for (int t = 0; t < steps; t++) {
            time[t] = t;
        }
        int spa = ep.stepsPerAction;
        List<Marker> marks = marks(ep);
        Color[] sensorColours = {new Color(0x555555), MazeStrip.GREEN, MazeStrip.RED};
        List<Panels.Signal> sensors = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sensors.add(Panels.Signal.step(ep.sensorLabels.get(s), ep.signals.get(ep.sensorLabels.get(s)), sensorColours[s]));
        }
        List<Panels.Signal> outputs = new ArrayList<>();
        Color[] outColours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x17becf)};
        for (int o = 0; o < ep.outputLabels.size(); o++) {
            outputs.add(Panels.Signal.line(ep.outputLabels.get(o), ep.signals.get(ep.outputLabels.get(o)), outColours[o]));
        }
        List<Panels.Panel> panels = List.of(new Panels.Panel("sensor neurons (output, 0 to 1)", sensors),
                new Panels.Panel("reward neuron (0 to 1)", List.of(
                        Panels.Signal.step(ep.rewardLabels.get(0), ep.signals.get(ep.rewardLabels.get(0)), new Color(0xf0a000)),
                        Panels.Signal.step(ep.rewardLabels.get(1), ep.signals.get(ep.rewardLabels.get(1)), Color.BLACK))),
                new Panels.Panel("output neurons (channel 0)", outputs, List.of(), 1.4));
        JFreeChart chart = Panels.stacked("T-maze, generation " + run.genome().generation() + ": held-out maze " + env
                + " (poison is " + (ep.poisonIsGreen ? "green" : "red") + ")",
                "network step (" + spa + " per action)", time, panels, marks);
        int w = 1000;
        int h = 700;
        Figure neurons = Figure.of("tmaze-neurons", "The network's sensor, reward and output neurons over the episode "
                        + "(paper Fig. 8)", "What the network sees and does at every network step: the sensor neurons (wall, "
                        + "green, red; each maze shuffles which input neuron carries which sensor), the reward neuron's "
                        + "positive and negative channels, and the output neurons labelled with the action each one picks "
                        + "(the largest summed output over an action's steps wins). Vertical lines: meals (green), swaps "
                        + "(purple), poison (black; the thick one is the first poison).", chart, w, h);
        Map<String, Object> anim = new LinkedHashMap<>(ep.json());
        anim.put("chart", chartBox(chart, w, h, steps));
        List<Integer> stills = MazeStrip.keyFrames(ep);
        Figure strip = new Figure("tmaze-frames", "Still frames of the episode, for print",
                "The maze at the start and after the actions that matter: the agent (blue, pointing where it faces), "
                        + "the food and the poison in their colours; a ring marks the item just eaten (orange: food, "
                        + "black: poison), after which the agent is back at the start.",
                MazeStrip.strip(ep, stills), 170 * stills.size(), 230);
        return new Episode(List.of(neurons, strip), anim);
    }

    /** Vertical lines on the neurons' chart: meals, swaps and poisons (the first one thick). */
    private static List<Marker> marks(MazeEpisode ep) {
        List<Marker> marks = new ArrayList<>();
        int spa = ep.stepsPerAction;
        for (int a : ep.meals) {
            marks.add(mark((a + 1) * spa, new Color(0x2ca02c), null, 0.8f));
        }
        for (int a : ep.swaps) {
            marks.add(mark((a + 1) * spa, new Color(0x9467bd), "swap", 1.2f));
        }
        for (int a : ep.poisons) {
            marks.add(mark((a + 1) * spa, Color.BLACK, a == ep.firstPoison() ? "first poison" : null,
                    a == ep.firstPoison() ? 2f : 0.8f));
        }
        return marks;
    }

    /** Where the time axis lies in the drawn chart, so that the page can draw its cursor over the same SVG. */
    private static Map<String, Object> chartBox(JFreeChart chart, int w, int h, int steps) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(new org.jfree.svg.SVGGraphics2D(w, h), new Rectangle2D.Double(0, 0, w, h), info);
        Rectangle2D data = info.getPlotInfo().getDataArea();
        NumberAxis axis = (NumberAxis) ((CombinedDomainXYPlot) chart.getPlot()).getDomainAxis();
        Map<String, Object> box = new LinkedHashMap<>(); // in order: the page is the same bytes every time
        box.put("width", w);
        box.put("height", h);
        box.put("x0", axis.valueToJava2D(0, data, RectangleEdge.BOTTOM));
        box.put("x1", axis.valueToJava2D(steps, data, RectangleEdge.BOTTOM));
        box.put("top", data.getMinY());
        box.put("bottom", data.getMaxY());
        box.put("steps", steps);
        return box;
    }

    private static Marker mark(double at, Color c, String label, float width) {
        ValueMarker m = new ValueMarker(at, c, new BasicStroke(width));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        }
        return m;
    }

    /** Paper Fig. 9 as numbers: food-arm choices and poison taken, before and after the first poison. */
    static List<Figure> phases(HeldOutTable table) {
        List<Figure> out = new ArrayList<>();
        if (table.row("food_arm_before_poison") != null) {
            out.add(Figure.of("food-arm", "Arm choices into the food arm, before and after the first poison (paper Fig. 9)",
                    "Of the agent's arm choices, the fraction into the arm that holds the food, before the first poison, "
                            + "after it and after a later swap; bars for the evolved network, the untrained one and the "
                            + "baselines on the same held-out mazes (" + table.source() + "). The dashed line is chance (0.5): "
                            + "an agent that learns which colour is food rises above it after the first poison.",
                    bars("T-maze: arm choices into the food arm", "fraction of arm choices into the food arm",
                            table, "food_arm_", new String[] {"before_poison", "after_poison", "after_swap"},
                            new String[] {"before the first poison", "after the first poison", "after a later swap"}),
                    1000, 560));
        }
        if (table.row("poison_taken_before_poison") != null) {
            out.add(Figure.of("poison-taken", "The poison in sight: eaten or refused, before and after the first poison",
                    "Of the visits to the poison (its colour sensor on), the fraction that ended by eating it; an agent that "
                            + "learns from the first poison's taste eats it less afterwards.",
                    bars("T-maze: poison in sight, eaten", "fraction of visits to the poison that ate it", table,
                            "poison_taken_", new String[] {"before_poison", "after_poison"},
                            new String[] {"before the first poison", "after the first poison"}), 1000, 560));
        }
        return out;
    }

    private static JFreeChart bars(String title, String yLabel, HeldOutTable table, String prefix, String[] phases,
                                   String[] labels) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int a = 0; a < table.agents().size(); a++) {
            for (int i = 0; i < phases.length; i++) {
                HeldOutTable.Row row = table.row(prefix + phases[i]);
                double v = row == null ? Double.NaN : row.values()[a];
                double se = row == null ? Double.NaN : row.stderrs()[a];
                // a value the agent has not got (no such choice in its episodes) is left out, not drawn as 0
                data.add(Double.isNaN(v) ? null : (Number) v, Double.isNaN(se) ? null : (Number) se,
                        agentName(table.agents().get(a)), labels[i]);
            }
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        for (int i = 0; i < table.agents().size(); i++) {
            r.setSeriesPaint(i, Curves.palette(i));
        }
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        NumberAxis y = new NumberAxis(yLabel + " (error bars: ± 1 standard error)");
        y.setRange(0, 1.05);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("phase of the episode (" + table.environments()
                + " held-out mazes)"), y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ValueMarker chance = new ValueMarker(0.5, Color.GRAY, Curves.dashed(1f));
        chance.setLabel("chance");
        plot.addRangeMarker(chance);
        return Curves.chart(title, plot);
    }

    /** Baseline names in words. */
    static String agentName(String key) {
        return switch (key) {
            case "random" -> "random agent";
            case "best_fixed" -> "best fixed policy";
            case "side_learner" -> "side learner (colour-blind)";
            case "oracle" -> "oracle learner";
            case "untrained" -> "untrained network";
            default -> key;
        };
    }
}
