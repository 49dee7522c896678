package org.enu.run;

import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.Strategy;
import org.enu.eval.Evaluator;
import org.enu.eval.LocalEvaluator;
import org.enu.task.TrainingTask;

/**
 * The one path from a resolved configuration to a running experiment: its task, its strategy and
 * its first state. Training, resuming, benchmarks and tests all build their runs here, so that
 * they cannot drift apart. A curriculum stage is an experiment of its own ({@link #atGeneration});
 * the strategy state carries over from one stage to the next.
 *
 * @param config   the configuration that applies (for a stage: with the stage's overrides)
 * @param task     the task built from it
 * @param strategy the strategy built from it (settings only, no run state)
 */
public record Experiment(RunConfig config, TrainingTask task, Strategy strategy) {

    /** Builds the task and the strategy of a configuration. */
    public static Experiment of(RunConfig config) {
        return new Experiment(config, config.newTask(), config.strategy());
    }

    /** The experiment that applies at a generation (this one when no curriculum stage changes it). */
    @SuppressWarnings("ReferenceEquality") // the same config object means no stage changed it
    public Experiment atGeneration(int generation) {
        RunConfig sc = config.atGeneration(generation);
        return sc == config ? this : of(sc);
    }

    /** The state of generation 0: the task's untrained genome for the run's seed. */
    public EsState initialState() {
        return strategy.init(task.initialParameters(config.seed()), config.seed());
    }

    /**
     * A first state whose centre is {@code theta} (a genome evolved before, for a run that starts
     * from it) and whose strategy state is fresh.
     */
    public EsState initialState(float[] theta) {
        if (theta.length != task.layout().parameterCount()) {
            throw new IllegalArgumentException("initial parameters: expected " + task.layout().parameterCount()
                    + ", got " + theta.length);
        }
        return strategy.init(theta.clone(), config.seed());
    }

    /** An evaluator of this experiment's task on this machine. */
    public LocalEvaluator evaluator(int threads) {
        return new LocalEvaluator(task, threads);
    }

    /** One generation: ask, evaluate, tell. */
    public EsState step(EsState state, Evaluator evaluator) {
        return Trainer.step(strategy, evaluator, state).next();
    }

    /**
     * Runs {@code generations} generations from the first state with {@code threads} evaluation
     * threads, ignoring any curriculum (for benchmarks and tests).
     */
    public EsState run(int generations, int threads) {
        EsState s = initialState();
        try (LocalEvaluator ev = evaluator(threads)) {
            for (int g = 0; g < generations; g++) {
                s = step(s, ev);
            }
        }
        return s;
    }
}
