package org.enu.task;

import java.util.LinkedHashMap;

/**
 * An experiment's environment and its scoring: which ENUs a genome holds, how many environments
 * an offspring plays per generation, and how to play them. The environments of a generation are
 * named by keys ({@link org.enu.rng.Keys}), so every offspring of the generation, on any thread or
 * machine, plays the same ones.
 */
public interface Task {
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

    /**
     * The independent metrics of a genome on the given environments (held-out keys), by name, in
     * display order. Higher is not necessarily better: see {@link #metricDescriptions()}.
     */
    LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys);

    /**
     * Reference agents scored with the same metrics on the same environments, by name (empty for
     * tasks without baselines).
     */
    default java.util.Map<String, LinkedHashMap<String, Double>> baselineMetrics(long[] envKeys) {
        return java.util.Map.of();
    }

    /** One line per metric: what it measures and which direction is better. */
    LinkedHashMap<String, String> metricDescriptions();

    /** One environment's episode step by step: every input and output channel of every unit. */
    EpisodeTrace trace(float[] params, long envKey);

    /**
     * Which trace columns a plot of an episode shows, one list per stacked panel; by default the
     * first three columns after the step, one per panel.
     */
    default java.util.List<java.util.List<String>> tracePanels(EpisodeTrace trace) {
        java.util.List<java.util.List<String>> panels = new java.util.ArrayList<>();
        for (int i = 1; i < Math.min(4, trace.columns().size()); i++) {
            panels.add(java.util.List.of(trace.columns().get(i)));
        }
        return panels;
    }
}
