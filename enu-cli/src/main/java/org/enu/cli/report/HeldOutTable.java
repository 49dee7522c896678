package org.enu.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.task.Metric;
import org.enu.task.TaskReport;
import org.enu.task.TrainingTask;

/**
 * The held-out metrics of a run's genome beside the untrained genome and the task's baselines,
 * each with its standard error: from the run's eval.json when that is of the same genome, else
 * computed as {@code enu eval} computes them ({@link HeldOutScores}).
 *
 * <p>Standard errors: a task that reports them (the T-maze's {@code NAME_stderr} metrics, over
 * mazes) gives its own; for the others (IAF, STDP, whose metrics pool all environments) they are
 * batch means: the environments split into {@value #BATCHES} equal batches, the metric computed on
 * each, and the batches' standard deviation over the square root of their number.
 *
 * @param source   where the values come from, in words
 * @param agents   column names: the genome, "untrained", then the baselines
 */
public record HeldOutTable(String source, int environments, long seed, List<String> agents, List<Row> rows) {
    static final int BATCHES = 16;
    static final String STDERR = "_stderr";

    /** One metric: its value and standard error per agent (NaN where there is none). */
    public record Row(String name, String description, Metric.Better better, double[] values, double[] stderrs) {
    }

    public static HeldOutTable of(RunData run, long seed, int envs) {
        RunConfig cfg = run.config();
        TrainingTask task = cfg.newTask();
        TaskReport report = cfg.newReport();
        float[] params = run.genome().parameters();
        JsonNode ev = usableEval(run);
        String source;
        List<Metric> described;
        Map<String, Map<String, Double>> byAgent = new LinkedHashMap<>();
        if (ev != null) {
            envs = ev.path("environments").asInt();
            seed = ev.path("seed").asLong();
            source = "eval.json (" + envs + " held-out environments, seed " + seed + ")";
            long[] few = EnvironmentKeys.heldOut(seed, Math.min(4, envs));
            described = report.metrics(params, few); // names, order and descriptions only
            byAgent.put("trained", values(ev.path("trained")));
            byAgent.put("untrained", values(ev.path("untrained")));
            ev.path("baselines").properties().forEach(e -> byAgent.put(e.getKey(), values(e.getValue())));
        } else {
            source = "computed as enu eval computes them (" + envs + " held-out environments, seed " + seed + ")";
            HeldOutScores s = HeldOutScores.of(task, report, cfg.seed(), params, EnvironmentKeys.heldOut(seed, envs));
            described = s.trained();
            byAgent.put("trained", Metric.values(s.trained()));
            byAgent.put("untrained", s.untrained());
            s.baselines().forEach((k, v) -> byAgent.put(k, v));
        }
        List<String> agents = new ArrayList<>(byAgent.keySet());
        boolean ownErrors = described.stream().anyMatch(m -> m.name().endsWith(STDERR));
        Map<String, Map<String, Double>> batchErrors = ownErrors || envs < 2 * BATCHES ? Map.of()
                : batchErrors(task, report, cfg.seed(), params, EnvironmentKeys.heldOut(seed, envs));
        List<Row> rows = new ArrayList<>();
        for (Metric m : described) {
            if (m.name().endsWith(STDERR)) {
                continue;
            }
            double[] v = new double[agents.size()];
            double[] se = new double[agents.size()];
            for (int a = 0; a < agents.size(); a++) {
                Map<String, Double> values = byAgent.get(agents.get(a));
                v[a] = values.getOrDefault(m.name(), Double.NaN);
                se[a] = ownErrors ? values.getOrDefault(m.name() + STDERR, Double.NaN)
                        : batchErrors.getOrDefault(agents.get(a), Map.of()).getOrDefault(m.name(), Double.NaN);
            }
            rows.add(new Row(m.name(), m.description(), m.better(), v, se));
        }
        List<String> shown = new ArrayList<>(agents);
        shown.set(0, "trained (generation " + run.genome().generation() + ")");
        return new HeldOutTable(source + (ownErrors ? "; ± one standard error over environments"
                : batchErrors.isEmpty() ? "" : "; ± one standard error from " + BATCHES + " batches of "
                + envs / BATCHES + " environments"), envs, seed, shown, rows);
    }

    /** The row of a metric, or null. */
    public Row row(String name) {
        for (Row r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** eval.json when it judged this genome on the task's own world, else null. */
    private static JsonNode usableEval(RunData run) {
        JsonNode ev = run.evalJson();
        if (ev == null || ev.has("set") || ev.path("generation").asInt(-1) != run.genome().generation()
                || !ev.path("trained").isObject() || !ev.path("untrained").isObject()
                || !ev.path("environments").canConvertToInt() || ev.path("environments").asInt() < 1
                || !ev.path("seed").canConvertToLong() || !run.task().equals(ev.path("task").asText())) {
            return null;
        }
        return ev;
    }

    private static Map<String, Double> values(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        o.properties().forEach(e -> m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
        return m;
    }

    /** Batch-means standard errors of the genome's and the untrained genome's metrics. */
    private static Map<String, Map<String, Double>> batchErrors(TrainingTask task, TaskReport report, long runSeed,
                                                                float[] params, long[] keys) {
        int per = keys.length / BATCHES;
        float[] untrained = task.initialParameters(runSeed);
        double[][] t = null;
        double[][] u = null;
        List<String> names = null;
        for (int b = 0; b < BATCHES; b++) {
            long[] batch = Arrays.copyOfRange(keys, b * per, (b + 1) * per);
            Map<String, Double> mt = Metric.values(report.metrics(params, batch));
            Map<String, Double> mu = Metric.values(report.metrics(untrained, batch));
            if (names == null) {
                names = new ArrayList<>(mt.keySet());
                t = new double[names.size()][BATCHES];
                u = new double[names.size()][BATCHES];
            }
            for (int i = 0; i < names.size(); i++) {
                t[i][b] = mt.getOrDefault(names.get(i), Double.NaN);
                u[i][b] = mu.getOrDefault(names.get(i), Double.NaN);
            }
        }
        Map<String, Double> seT = new LinkedHashMap<>();
        Map<String, Double> seU = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            seT.put(names.get(i), standardError(t[i]));
            seU.put(names.get(i), standardError(u[i]));
        }
        return Map.of("trained", seT, "untrained", seU);
    }

    /** The standard error of the mean of the finite values (NaN with fewer than two). */
    static double standardError(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = s / n;
        double ss = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
