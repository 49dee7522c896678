package org.enu.task.tmaze;

import java.util.function.LongFunction;

/**
 * The best memoryless reactive policies of the T-maze, by exhaustive search: what fixed behaviour
 * without learning can reach (docs/TMAZE.md).
 */
public final class FixedPolicies {
    private FixedPolicies() {
    }

    /**
     * The best of a search, its mean fitness on the environments it was chosen on and the number
     * of tables tried; usable directly as the policy's factory.
     */
    public record FixedResult(ReactivePolicy policy, double meanFitness, int candidates)
            implements MazePolicy.Factory {
        @Override
        public MazePolicy forEpisode(long envKey) {
            return policy;
        }
    }

    /**
     * The best of all 4^4 = 256 front-cell policies by mean fitness on the given environments
     * (default swap keys). Ties go to the lowest table number, entry 0 the least significant
     * base-4 digit.
     */
    public static FixedResult bestFixedPolicy(MazeConfig cfg, long[] envKeys) {
        return search(envKeys, i -> new TMaze(cfg, envKeys[i], Baselines.swapKey(envKeys[i])), 4, false);
    }

    /** {@link #bestFixedPolicy(MazeConfig, long[])} on the mazes {@code newMaze} makes (which must use cfg). */
    public static FixedResult bestFixedPolicy(MazeConfig cfg, long[] envKeys, LongFunction<TMaze> newMaze) {
        return search(envKeys, i -> Baselines.checkedMaze(cfg, newMaze, envKeys[i]), 4, false);
    }

    /**
     * The best policy that also sees the last raw reward (default swap keys). A reward is only
     * ever visible in the action right after eating, when the agent stands at S facing the empty
     * stem, so only the observations (nothing, +1) and (nothing, −1) are new: 4^6 = 4096 tables,
     * the other reward entries copying the no-reward entry of the same front cell.
     */
    public static FixedResult bestFixedRewardPolicy(MazeConfig cfg, long[] envKeys) {
        return search(envKeys, i -> new TMaze(cfg, envKeys[i], Baselines.swapKey(envKeys[i])), 6, true);
    }

    private static FixedResult search(long[] envKeys, Baselines.Mazes mazes, int digits, boolean withReward) {
        int count = 1 << (2 * digits);
        ReactivePolicy best = null;
        double bestFit = Double.NEGATIVE_INFINITY;
        int[] d = new int[digits];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < digits; i++) {
                d[i] = (n >> (2 * i)) & 3;
            }
            int[] table = d.clone();
            if (withReward) {
                table = new int[12];
                for (int f = 0; f < 4; f++) {
                    table[f] = d[f];
                    table[4 + f] = d[f];
                    table[8 + f] = d[f];
                }
                table[4 + Baselines.FRONT_NOTHING] = d[4];
                table[8 + Baselines.FRONT_NOTHING] = d[5];
            }
            ReactivePolicy p = new ReactivePolicy(table);
            double fit = Baselines.mean(Baselines.run(p, envKeys, mazes));
            if (fit > bestFit) {
                bestFit = fit;
                best = p;
            }
        }
        return new FixedResult(best, bestFit, count);
    }
}
