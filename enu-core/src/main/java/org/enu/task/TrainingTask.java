package org.enu.task;

/**
 * What training needs of a task, and nothing else: the genome's layout, the environments per
 * offspring, a rollout that scores one offspring, and the cost of an episode; the evaluator and
 * the benchmarks need only this. What a task reports apart from training is its
 * {@link TaskReport} (the task registry builds both). The environments of a generation
 * are named by keys ({@link org.enu.rng.Keys}), so every offspring of the generation, on any
 * thread or machine, plays the same ones.
 */
public interface TrainingTask {
    /** Short name, as on the command line: iaf, stdp, tmaze. */
    String name();

    /** The ENU kinds of the genome. */
    GenomeLayout layout();

    /** The untrained genome of a run with this seed: the layout's orthogonal initialisation by default. */
    default float[] initialParameters(long seed) {
        return layout().initialParameters(seed);
    }

    /** Environments per offspring per generation (the mini-batch m). */
    int environments();

    /** ENU unit-steps of one episode of one environment (units x steps). */
    long enuStepsPerEpisode();

    /** Floating-point operations of the ENU kernels in one episode of one environment. */
    double flopsPerEpisode();

    /**
     * Kernel flops actually computed by all rollouts of this task so far, where that differs
     * from {@link #flopsPerEpisode()} per episode (a task that skips finished environments);
     * NaN when every episode costs exactly the nominal count.
     */
    default double flopsComputed() {
        return Double.NaN;
    }

    /** A worker's private evaluator with its own scratch space; not thread-safe. */
    Rollout newRollout();
}
