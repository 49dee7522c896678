package org.enu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.task.Metric;
import org.enu.task.TaskReport;
import org.enu.task.TrainingTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu eval DIR}: independent metrics of the run's genome on held-out environments. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the run's latest genome on held-out environments, beside the untrained genome "
                + "(generation 0 of the same run).")
final class EvalCommand extends RunDirCommand {
    @CommandLine.Mixin
    HeldOutSet heldOut;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "evaluate on a variant of the task it was "
            + "trained on, e.g. --set tmaze.swap_probability=1 or, for a network of another size, "
            + "tmaze.hidden_neurons=6 (task keys and enu.output_noise; keys that change the genome's shape are refused)")
    java.util.List<String> sets = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        int envs = heldOut.envs();
        SavedRun run = SavedRun.open(dir);
        RunConfig trainedOn = run.config();
        RunConfig cfg = variant(trainedOn, sets);
        org.enu.config.Limits.checkEvalEnvironments("--envs", envs, org.enu.config.Limits.episodeSteps(cfg));
        TrainingTask task = cfg.newTask();
        TaskReport report = cfg.newReport();
        if (task.layout().parameterCount() != trainedOn.newTask().layout().parameterCount()) {
            throw new ConfigException("--set: changes the genome's shape (" + String.join(", ", sets) + ")");
        }
        org.enu.config.Limits.checkMemory(cfg, task.layout().parameterCount(), 1, envs, Runtime.getRuntime().maxMemory());
        Genome genome = run.genome();
        if (genome.parameters().length != task.layout().parameterCount()) {
            throw new ConfigException("genome: has " + genome.parameters().length + " parameters, the run's task needs "
                    + task.layout().parameterCount());
        }
        long[] keys = heldOut.keys();
        org.enu.cli.report.HeldOutScores scores = org.enu.cli.report.HeldOutScores.of(task, report, cfg.seed(),
                genome.parameters(), keys);
        List<Metric> trainedMetrics = scores.trained();
        Map<String, Double> trained = Metric.values(trainedMetrics);
        Map<String, Double> untrained = scores.untrained();
        Map<String, LinkedHashMap<String, Double>> baselines = scores.baselines();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, task.name(), genome.generation(), trained, untrained, baselines);
        } else {
            printTable(out, task.name(), genome.generation(), trainedMetrics, trained, untrained, baselines);
        }
        out.flush();
        return 0;
    }

    /** The figures as one JSON object. */
    private void printJson(PrintWriter out, String taskName, int generation, Map<String, Double> trained,
                           Map<String, Double> untrained, Map<String, ? extends Map<String, Double>> baselines)
            throws java.io.IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("task", taskName);
        o.put("generation", generation);
        o.put("environments", heldOut.envs);
        o.put("seed", heldOut.seed);
        if (!sets.isEmpty()) {
            o.put("set", sets);
        }
        o.put("trained", Metric.jsonValues(trained));
        o.put("untrained", Metric.jsonValues(untrained));
        if (!baselines.isEmpty()) {
            Map<String, Object> b = new LinkedHashMap<>();
            baselines.forEach((name, v) -> b.put(name, Metric.jsonValues(v)));
            o.put("baselines", b);
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
    }

    /** The figures as a table: a row per metric, a column per agent, then the metric's meaning. */
    private void printTable(PrintWriter out, String taskName, int generation, List<Metric> trainedMetrics,
                            Map<String, Double> trained, Map<String, Double> untrained,
                            Map<String, ? extends Map<String, Double>> baselines) {
        out.printf(Locale.ROOT, "%s, generation %d, %d held-out environments (seed %d)%s%n", taskName,
                generation, heldOut.envs, heldOut.seed, sets.isEmpty() ? "" : ", variant: " + String.join(" ", sets));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-31s %12s %12s", "metric", "trained",
                "untrained"));
        for (String b : baselines.keySet()) {
            head.append(String.format(Locale.ROOT, " %12s", b));
        }
        out.println(head.append("   meaning"));
        for (Metric metric : trainedMetrics) {
            String k = metric.name();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-31s %12.4f %12.4f", k, trained.get(k),
                    untrained.get(k)));
            for (Map<String, Double> b : baselines.values()) {
                Double v = b.get(k);
                line.append(String.format(Locale.ROOT, " %12.4f", v == null ? Double.NaN : v));
            }
            out.println(line.append("   ").append(metric.description()));
        }
    }

    /**
     * How the network is wired, not what is evolved: the genome is two shared weight sets, the same
     * for any number of neurons and synapses, so a genome can be judged in a network of another
     * size or wiring (a key that does change the genome's size is still refused by the size check).
     */
    static final java.util.Set<String> WIRING_KEYS = java.util.Set.of("tmaze.wiring", "tmaze.hidden_neurons",
            "tmaze.synapses_per_neuron", "tmaze.wiring_seed");

    /**
     * The run's configuration with evaluation-time overrides: only keys of the task's own section
     * and the output noise, never one that fixes the genome's size or the run's identity (the
     * wiring keys may vary).
     */
    static RunConfig variant(RunConfig cfg, java.util.List<String> sets) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            String key = eq > 0 ? s.substring(0, eq).trim() : s;
            if (org.enu.config.Curriculum.FIXED_KEYS.contains(key) && !WIRING_KEYS.contains(key)) {
                throw new ConfigException("--set " + key + ": changes the genome's shape or the run's identity, "
                        + "so the trained genome cannot be evaluated with it");
            }
            if (!key.startsWith(cfg.task() + ".") && !key.equals("enu.output_noise")) {
                throw new ConfigException("--set " + key + ": only " + cfg.task()
                        + ".* keys and enu.output_noise can vary at evaluation");
            }
        }
        return cfg.withSets(sets);
    }
}
