package org.enu.task;

import java.util.List;
import java.util.Map;

/**
 * What a task reports about a genome, apart from training: its metrics on held-out environments,
 * reference agents scored the same way, and one episode's trace.
 */
public interface TaskReport {
    /** The independent metrics of a genome on the given environments (held-out keys), in display order. */
    List<Metric> metrics(float[] params, long[] envKeys);

    /** Reference agents scored with the same metrics on the same environments, by name (none by default). */
    default Map<String, List<Metric>> baselines(long[] envKeys) {
        return Map.of();
    }

    /** One environment's episode step by step: every input and output channel of every unit. */
    EpisodeTrace trace(float[] params, long envKey);
}
