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
}
