package org.enu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.config.Limits;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.task.Metric;
import org.enu.task.TaskReport;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.tasks.TaskRegistry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code enu sizes DIR}: one evolved T-maze genome judged in networks of other sizes and wirings.
 * The genome is two shared weight sets (one for every synapse, one for every neuron), so the same
 * genome runs a network with k times the hidden neurons and synapses per neuron, or wired from
 * another seed; the table says whether it still learns there.
 */
@Command(name = "sizes", mixinStandardHelpOptions = true,
        description = "T-maze: the run's genome in networks of other sizes and wiring seeds, on held-out mazes: "
                + "colour use and fitness against the side learner, as a table and DIR/plots/sizes.png.")
final class SizesCommand extends RunDirCommand {

    @Option(names = "--scales", paramLabel = "K,...", split = ",", defaultValue = "1,2,4,8",
            description = "multiples of the run's hidden neurons and synapses per neuron (default ${DEFAULT-VALUE}; "
                    + "synapses per neuron are capped at the number of neurons)")
    List<Integer> scales;

    @Option(names = "--wiring-seeds", paramLabel = "S,...", split = ",",
            description = "wiring seeds (default: the run's own and three others)")
    List<Long> wiringSeeds;

    @CommandLine.Mixin
    HeldOutSet heldOut;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "judge on a variant of the task, as for enu eval")
    List<String> sets = new ArrayList<>();

    @Option(names = "--no-plot", description = "print the table only; write nothing")
    boolean noPlot;

    @Option(names = "--synapses", paramLabel = "scale|density", defaultValue = "scale",
            description = "synapses per neuron: the trained count times the scale (capped at all neurons: a full "
                    + "network, the same for every seed), or the trained fraction of all neurons (density); default "
                    + "${DEFAULT-VALUE}")
    String synapses;

    /** The columns: colour use first, then fitness judged against the side learner. */
    static final List<String> COLUMNS = List.of("poison_reeat_rate", "poison_taken_after_poison",
            "poison_refused_before_food", "fitness", "fitness_vs_side_learner", "food_vs_oracle");

    /** One network's figures. */
    record Row(int scale, int hidden, int synapsesPerNeuron, long wiringSeed, Map<String, Double> metrics) {
    }

    @Override
    public Integer call() throws Exception {
        SavedRun run = SavedRun.open(dir);
        RunConfig trainedOn = run.config();
        int envs = heldOut.envs();
        if (!trainedOn.task().equals(TaskRegistry.TMAZE.name())) {
            throw new ConfigException(dir + ": sizes needs a T-maze run (a network of ENUs), this is " + trainedOn.task());
        }
        RunConfig base = EvalCommand.variant(trainedOn, sets);
        TMazeConfig t = (TMazeConfig) base.settings();
        if (t.wiring() != TMazeConfig.Wiring.RANDOM) {
            throw new ConfigException(dir + ": tmaze.wiring is " + t.wiring().name().toLowerCase(Locale.ROOT) + "; only random wiring has a size and a "
                    + "seed to change");
        }
        checkOptions();
        List<Long> seeds = wiringSeeds != null ? wiringSeeds
                : List.of(t.wiringSeed(), t.wiringSeed() + 1, t.wiringSeed() + 2, t.wiringSeed() + 3);
        Limits.checkEvalEnvironments("--envs", envs, Limits.episodeSteps(base));
        Genome genome = run.genome();
        long[] keys = heldOut.keys();
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, Double>> baselines = new LinkedHashMap<>();
        for (int k : scales) {
            for (long w : seeds) {
                rows.add(row(base, t, k, w, genome, keys, baselines));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, generation %d, %d held-out mazes (seed %d)%s; trained on %d hidden neurons, "
                + "%d synapses per neuron, wiring seed %d%n", dir, genome.generation(), envs, heldOut.seed,
                sets.isEmpty() ? "" : ", variant: " + String.join(" ", sets), t.hiddenNeurons(), t.synapsesPerNeuron(),
                t.wiringSeed());
        out.println(table(rows, baselines));
        if (!noPlot) {
            Path plots = PlotCommand.plotsDir(dir);
            PlotCommand.write(plots, Map.of(plots.resolve("sizes.png"),
                    Charts.png(chart(rows, baselines, dir.getFileName().toString()), 1000, 700)), out);
        }
        return 0;
    }

    private void checkOptions() {
        for (int k : scales) {
            if (k < 1 || k > 64) {
                throw new ConfigException("--scales: each must be in 1..64, got " + k);
            }
        }
        if (!synapses.equals("scale") && !synapses.equals("density")) {
            throw new ConfigException("--synapses: expected scale or density, got '" + synapses + "'");
        }
    }

    /**
     * The genome's metrics in the network with k times the trained hidden neurons and wiring seed w;
     * the first network's report also fills in the baselines.
     */
    private Row row(RunConfig base, TMazeConfig t, int k, long w, Genome genome, long[] keys,
                    Map<String, Map<String, Double>> baselines) {
        int trainedTotal = TMazeConfig.INPUT_NEURONS + t.hiddenNeurons() + TMazeConfig.OUTPUT_NEURONS;
        int hidden = t.hiddenNeurons() * k;
        int total = TMazeConfig.INPUT_NEURONS + hidden + TMazeConfig.OUTPUT_NEURONS;
        int spn = synapses.equals("scale") ? Math.min(t.synapsesPerNeuron() * k, total)
                : (int) Math.max(1, Math.round((double) t.synapsesPerNeuron() * total / trainedTotal));
        RunConfig cfg = base.withSets(List.of("tmaze.hidden_neurons=" + hidden, "tmaze.synapses_per_neuron="
                + spn, "tmaze.wiring_seed=" + w));
        TaskReport report = cfg.newReport();
        if (cfg.newTask().layout().parameterCount() != genome.parameters().length) {
            throw new IllegalStateException("a network's size changed the genome's size");
        }
        if (baselines.isEmpty()) {
            report.baselines(keys).forEach((name, m) -> baselines.put(name, Metric.values(m)));
        }
        return new Row(k, hidden, spn, w, Metric.values(report.metrics(genome.parameters(), keys)));
    }


    /** A Markdown table: one row per network, the baselines' figures below. */
    static String table(List<Row> rows, Map<String, Map<String, Double>> baselines) {
        StringBuilder sb = new StringBuilder("| scale | hidden | synapses per neuron | wiring seed |");
        for (String c : COLUMNS) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append("\n|---|---|---|---|").append("---|".repeat(COLUMNS.size())).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %dx | %d | %d | %d |", r.scale(), r.hidden(), r.synapsesPerNeuron(),
                    r.wiringSeed()));
            for (String c : COLUMNS) {
                sb.append(String.format(Locale.ROOT, " %.3f |", r.metrics().getOrDefault(c, Double.NaN)));
            }
            sb.append('\n');
        }
        for (Map.Entry<String, Map<String, Double>> b : baselines.entrySet()) {
            sb.append("| ").append(b.getKey()).append(" | | | |");
            for (String c : COLUMNS) {
                sb.append(String.format(Locale.ROOT, " %.3f |", b.getValue().getOrDefault(c, Double.NaN)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Re-eat rate and fitness against the side learner over the scale, a line per wiring seed. */
    static JFreeChart chart(List<Row> rows, Map<String, Map<String, Double>> baselines, String title) {
        NumberAxis x = new NumberAxis("network size (multiple of the trained hidden neurons and synapses per neuron)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(10);
        String[][] panels = {{"poison_reeat_rate", "poison re-eat rate (lower: learns within its life)"},
            {"fitness_vs_side_learner", "fitness: 0 = side learner, 1 = oracle"}};
        for (String[] panel : panels) {
            Map<Long, XYSeries> bySeed = new LinkedHashMap<>();
            for (Row r : rows) {
                XYSeries s = bySeed.computeIfAbsent(r.wiringSeed(), w -> new XYSeries("wiring seed " + w));
                double v = r.metrics().getOrDefault(panel[0], Double.NaN);
                if (Double.isFinite(v)) {
                    s.add(r.scale(), v);
                }
            }
            XYSeriesCollection data = new XYSeriesCollection();
            bySeed.values().forEach(data::addSeries);
            Map<String, Double> side = baselines.get("side_learner");
            if (side != null && Double.isFinite(side.getOrDefault(panel[0], Double.NaN))) {
                XYSeries s = new XYSeries("side learner");
                for (Row r : rows) {
                    s.addOrUpdate((double) r.scale(), side.get(panel[0]).doubleValue());
                }
                data.addSeries(s);
            }
            NumberAxis y = new NumberAxis(panel[1]);
            y.setAutoRangeIncludesZero(true);
            XYPlot p = new XYPlot(data, null, y, Charts.lines(data.getSeriesCount(), 0));
            Charts.style(p);
            combined.add(p, 1);
        }
        JFreeChart chart = new JFreeChart(title + ": one genome in networks of other sizes and wirings",
                JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        return chart;
    }
}
