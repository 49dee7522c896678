package org.enu.eval;

import org.enu.rng.Keys;

/**
 * The keys of the environments a genome plays: generation g of a run plays environments
 * (seed, g, 0..m−1), the same for every offspring of the generation; held-out evaluation uses a
 * separate stream that training never draws from.
 */
public final class EnvironmentKeys {
    private EnvironmentKeys() {
    }

    /** The m training environments of one generation. */
    public static long[] training(long seed, int generation, int m) {
        long[] k = new long[m];
        for (int e = 0; e < m; e++) {
            k[e] = Keys.of(seed, Keys.STREAM_TRAIN_ENV, generation, e);
        }
        return k;
    }

    /**
     * The n validation environments of a run (a staged run's stages are judged on them while it
     * trains): a stream of their own, so neither a training generation nor {@code enu eval} ever
     * plays one of them.
     */
    public static long[] validation(long seed, int n) {
        long[] k = new long[n];
        for (int e = 0; e < n; e++) {
            k[e] = Keys.of(seed, Keys.STREAM_VALIDATION_ENV, 0, e);
        }
        return k;
    }

    /** n held-out environments for evaluation seed s. */
    public static long[] heldOut(long evalSeed, int n) {
        long[] k = new long[n];
        for (int e = 0; e < n; e++) {
            k[e] = Keys.of(evalSeed, Keys.STREAM_HELDOUT_ENV, 0, e);
        }
        return k;
    }
}
