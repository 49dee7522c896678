package org.enu.task;

/** Plays a genome on a mini-batch of environments; one per worker thread, reused across offspring. */
public interface Rollout {
    /**
     * The mean fitness of one genome over the environments named by the keys (higher is better).
     *
     * @param params  the genome (not modified)
     * @param envKeys one key per environment (not modified)
     */
    double fitness(float[] params, long[] envKeys);

    /**
     * The mean fitness of offspring {@code offspring} of a generation (0 = the centre). A task
     * whose episodes draw random numbers per offspring (the T-maze's output noise) keys them by
     * this index, so the thread that plays an offspring never changes a number; by default the
     * index is ignored.
     */
    default double fitness(float[] params, long[] envKeys, int offspring) {
        return fitness(params, envKeys);
    }
}
