package org.enu.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.enu.config.RunConfig;
import org.enu.es.Population;
import org.enu.eval.LocalEvaluator;
import org.enu.task.TrainingTask;

/**
 * The executor's half: rebuilds the task from the configuration text once per executor JVM
 * (cached), and scores a range of noise vectors with the local evaluator's own code
 * ({@link LocalEvaluator#evaluateGroups}), on the task's thread.
 */
final class ExecutorSide {
    /** Evaluators by configuration text: one per curriculum stage a run has used on this JVM. */
    private static final Map<String, LocalEvaluator> EVALUATORS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 16;

    private ExecutorSide() {
    }

    static Scores evaluate(Broadcast<String> config, Broadcast<GenerationWork> work, int[] range) {
        GenerationWork w = work.value();
        Population pop = w.population();
        LocalEvaluator ev = evaluator(config.value());
        double[] all = new double[pop.size()];
        ev.evaluateGroups(w.theta(), pop, range[0], range[1], all);
        if (range[0] >= range[1]) {
            return new Scores(new int[0], new double[0]);
        }
        int first = LocalEvaluator.firstOffspring(pop, range[0]);
        int last = LocalEvaluator.lastOffspring(pop, range[1] - 1);
        int n = last - first + 1;
        int[] idx = new int[n];
        double[] fit = new double[n];
        for (int k = 0; k < n; k++) {
            idx[k] = first + k;
            fit[k] = all[first + k];
        }
        return new Scores(idx, fit);
    }

    static LocalEvaluator evaluator(String yaml) {
        LocalEvaluator ev = EVALUATORS.get(yaml);
        if (ev != null) {
            return ev;
        }
        synchronized (EVALUATORS) {
            if (EVALUATORS.size() >= MAX_CACHED) {
                EVALUATORS.clear(); // never closed: their pools never started a thread
            }
            return EVALUATORS.computeIfAbsent(yaml, y -> {
                TrainingTask task = RunConfig.parse(y, "the run's configuration").newTask();
                return new LocalEvaluator(task, 1);
            });
        }
    }
}
