package org.enu.run;

import org.enu.eval.Evaluator;

/**
 * Makes the evaluator of each curriculum stage of a run (the run closes it when the stage ends).
 * {@link #LOCAL} evaluates on this machine with the configured threads; a cluster connection
 * ({@link ClusterProvider}) evaluates elsewhere. Either gives the same numbers.
 */
@FunctionalInterface
public interface EvaluatorFactory {
    /** Evaluates on this machine with the stage's {@code threads}. */
    EvaluatorFactory LOCAL = stage -> stage.evaluator(stage.config().effectiveThreads());

    /** The evaluator of one stage (its configuration, task and strategy). */
    Evaluator create(Experiment stage);
}
