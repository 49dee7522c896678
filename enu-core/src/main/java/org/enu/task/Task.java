package org.enu.task;

import java.util.LinkedHashMap;

/**
 * A task with its reports: the training side ({@link TrainingTask}) plus the independent metrics
 * of a genome on held-out environments, reference agents scored the same way, and an episode's
 * trace with the panels a plot of it shows.
 */
public interface Task extends TrainingTask {
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
