package org.enu.bench;

import java.util.List;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.eval.LocalEvaluator;
import org.enu.run.Experiment;
import org.enu.task.TrainingTask;

/** Wall time of whole generations (evaluation and update) of a task at a given configuration. */
public final class GenerationBench {
    private GenerationBench() {
    }

    /**
     * What one measurement found: the median seconds of a generation, the nominal ENU unit-steps
     * and GFLOP of one generation, and the GFLOP actually computed per generation (less than the
     * nominal count when a task skips finished environments, e.g. dead T-maze agents).
     */
    public record Result(String task, String preset, int threads, double seconds, long enuSteps, double gflop,
                         double gflopComputed) {
        /** GFLOP/s of the work actually computed. */
        public double gflops() {
            return gflopComputed / seconds;
        }

        public double enuStepsPerSecond() {
            return enuSteps / seconds;
        }
    }

    /**
     * Runs {@code warmup} generations, then times {@code generations} and reports the median.
     *
     * @param overrides --set style overrides on top of the preset
     */
    public static Result measure(String taskName, String preset, List<String> overrides, int threads, int warmup,
                                 int generations) {
        RunConfig cfg = RunConfig.resolve(taskName, preset, null, overrides);
        Experiment experiment = Experiment.of(cfg);
        TrainingTask task = experiment.task();
        EsState s = experiment.initialState();
        double[] times = new double[generations];
        double computedBefore = 0;
        try (LocalEvaluator ev = experiment.evaluator(threads)) {
            for (int g = 0; g < warmup + generations; g++) {
                if (g == warmup) {
                    computedBefore = task.flopsComputed();
                }
                long t0 = System.nanoTime();
                s = experiment.step(s, ev);
                if (g >= warmup) {
                    times[g - warmup] = (System.nanoTime() - t0) * 1e-9;
                }
            }
        }
        java.util.Arrays.sort(times);
        double median = times[times.length / 2];
        long steps = task.enuStepsPerEpisode() * task.environments() * cfg.es().offspring();
        double gflop = task.flopsPerEpisode() * (double) task.environments() * cfg.es().offspring() * 1e-9;
        double computed = Double.isNaN(computedBefore) ? gflop
                : (task.flopsComputed() - computedBefore) * 1e-9 / generations;
        return new Result(taskName, preset, threads, median, steps, gflop, computed);
    }
}
