package org.enu.es;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Fitness shaping of the paper: each offspring gets a linear rank from 1.0 (best) to 0.0 (worst),
 * raised to the 5th power and normalised to sum 1, so that roughly the best fifth of the
 * offspring carries four fifths of the update. NaN and infinite fitness rank below every finite
 * one; offspring with equal fitness share the mean of their linear ranks.
 */
public final class RankWeights {
    private RankWeights() {
    }

    /** The exponent on the linear rank. */
    public static final int POWER = 5;

    /**
     * Recombination weights from fitness ranks: the best offspring weighs most.
     *
     * @param fitness one value per offspring (not modified)
     * @return weights, one per offspring, non-negative, summing to 1
     */
    public static double[] compute(double[] fitness) {
        int n = fitness.length;
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> sortKey(fitness[i])).reversed()
                .thenComparingInt(i -> i));
        double[] linear = new double[n];
        int p = 0;
        while (p < n) {
            int q = p;
            while (q + 1 < n && sortKey(fitness[order[q + 1]]) == sortKey(fitness[order[p]])) {
                q++;
            }
            // positions p..q tie: mean of (n-1-pos)/(n-1) over the group
            double mean = (n - 1 - (p + q) / 2.0) / (n - 1);
            for (int t = p; t <= q; t++) {
                linear[order[t]] = mean;
            }
            p = q + 1;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(linear[i], POWER);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] = sum > 0 ? w[i] / sum : 1.0 / n;
        }
        return w;
    }

    private static double sortKey(double f) {
        return Double.isFinite(f) ? f : Double.NEGATIVE_INFINITY;
    }
}
