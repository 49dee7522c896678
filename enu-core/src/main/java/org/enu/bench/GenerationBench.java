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
     * What one measurement found: the seconds of the kept generations, the nominal ENU unit-steps
     * and GFLOP of one generation, and the GFLOP actually computed per kept generation (less than
     * the nominal count when a task skips finished environments, e.g. dead T-maze agents).
     */
    public record Result(String task, String preset, int threads, Steady.Spread spread, long enuSteps, double gflop,
                         double gflopComputed) {
        /** The median seconds of a generation. */
        public double seconds() {
            return spread.median();
        }

        /** GFLOP/s of the work actually computed, at the median generation. */
        public double gflops() {
            return gflopComputed / seconds();
        }

        public double enuStepsPerSecond() {
            return enuSteps / seconds();
        }
    }

    /**
     * Runs generations until their times settle ({@link Steady}, at most {@code maxWarmup}), then
     * times {@code generations} more.
     *
     * @param overrides --set style overrides on top of the preset
     */
    public static Result measure(String taskName, String preset, List<String> overrides, int threads, int maxWarmup,
                                 int generations) {
        RunConfig cfg = RunConfig.resolve(taskName, preset, null, overrides);
        Experiment experiment = Experiment.of(cfg);
        TrainingTask task = experiment.task();
        EsState[] s = {experiment.initialState()};
        List<Double> flopsBefore = new java.util.ArrayList<>(); // the work counter before each generation
        Steady.Spread spread;
        try (LocalEvaluator ev = experiment.evaluator(threads)) {
            spread = Steady.measure(() -> {
                flopsBefore.add(task.flopsComputed());
                long t0 = System.nanoTime();
                s[0] = experiment.step(s[0], ev);
                return (System.nanoTime() - t0) * 1e-9;
            }, generations, 0.05, maxWarmup);
        }
        long steps = task.enuStepsPerEpisode() * task.environments() * cfg.es().offspring();
        double gflop = task.flopsPerEpisode() * (double) task.environments() * cfg.es().offspring() * 1e-9;
        double firstKept = flopsBefore.get(flopsBefore.size() - generations);
        double computed = Double.isNaN(firstKept) ? gflop : (task.flopsComputed() - firstKept) * 1e-9 / generations;
        return new Result(taskName, preset, threads, spread, steps, gflop, computed);
    }
}
