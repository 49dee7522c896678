package org.enu.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import org.enu.task.Metric;
import org.enu.task.TaskReport;
import org.enu.task.TrainingTask;

/**
 * What {@code enu eval} measures: a genome's metrics on held-out environments, beside the
 * untrained genome of the same run (generation 0, from the run's seed) and the task's baselines
 * on the same environments. {@code enu eval} prints it; {@code enu report} tables and draws it.
 *
 * @param trained   the genome's metrics, in the task's display order (names, descriptions)
 * @param untrained the untrained genome's values by name
 * @param baselines each baseline's values by name, in the task's order
 */
public record HeldOutScores(List<Metric> trained, LinkedHashMap<String, Double> untrained,
                            LinkedHashMap<String, LinkedHashMap<String, Double>> baselines) {
    public static HeldOutScores of(TrainingTask task, TaskReport report, long runSeed, float[] params, long[] keys) {
        List<Metric> trained = report.metrics(params, keys);
        LinkedHashMap<String, Double> untrained = Metric.values(report.metrics(task.initialParameters(runSeed), keys));
        LinkedHashMap<String, LinkedHashMap<String, Double>> baselines = new LinkedHashMap<>();
        report.baselines(keys).forEach((name, m) -> baselines.put(name, Metric.values(m)));
        return new HeldOutScores(trained, untrained, baselines);
    }
}
