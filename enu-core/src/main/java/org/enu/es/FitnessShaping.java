package org.enu.es;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Rank-based fitness shaping shared by the strategies: the offspring are sorted best first (NaN
 * and infinite fitness below every finite one, ties sharing the mean of their positions'
 * utilities), and each gets the utility of its position. Only offspring {@code from} .. n−1 take
 * part; the others (the unperturbed centre) get 0.
 */
public final class FitnessShaping {
    private FitnessShaping() {
    }

    /** Utility of position p (0 = best) of m ranked offspring. */
    @FunctionalInterface
    public interface ByPosition {
        double utility(int p, int m);
    }

    /** Centred ranks (Salimans et al. 2017): from +0.5 for the best to −0.5 for the worst. */
    public static final ByPosition CENTRED = (p, m) -> m == 1 ? 0 : 0.5 - (double) p / (m - 1);

    /**
     * The NES utilities (Wierstra et al. 2014): max(0, ln(m/2 + 1) − ln(p + 1)) normalised to sum
     * 1, minus 1/m, so they sum to 0 and the worse half pushes away.
     */
    public static final ByPosition NES = (p, m) -> {
        double sum = 0;
        for (int q = 0; q < m; q++) {
            sum += Math.max(0, StrictMath.log(m / 2.0 + 1) - StrictMath.log(q + 1));
        }
        return Math.max(0, StrictMath.log(m / 2.0 + 1) - StrictMath.log(p + 1)) / sum - 1.0 / m;
    };

    /**
     * The CMA-ES recombination weights (Hansen 2016): the best mu = m/2 get ln(mu + ½) − ln(p + 1)
     * normalised to sum 1, the rest 0.
     */
    public static final ByPosition CMA = (p, m) -> {
        int mu = Math.max(1, m / 2);
        if (p >= mu) {
            return 0;
        }
        double sum = 0;
        for (int q = 0; q < mu; q++) {
            sum += StrictMath.log(mu + 0.5) - StrictMath.log(q + 1);
        }
        return (StrictMath.log(mu + 0.5) - StrictMath.log(p + 1)) / sum;
    };

    /**
     * Each offspring's utility: the shape's value at its fitness rank among the offspring from
     * {@code from} on.
     *
     * @param fitness one value per offspring, higher is better (not modified)
     * @param from    first offspring that takes part
     * @param shape   utility of each rank position
     * @return one utility per offspring (0 before {@code from})
     */
    public static double[] utilities(double[] fitness, int from, ByPosition shape) {
        int m = fitness.length - from;
        double[] byPos = new double[m];
        for (int p = 0; p < m; p++) {
            byPos[p] = shape.utility(p, m);
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> sortKey(fitness[i])).reversed()
                .thenComparingInt(i -> i));
        double[] u = new double[fitness.length];
        int p = 0;
        while (p < m) {
            int q = p;
            while (q + 1 < m && sortKey(fitness[order[q + 1]]) == sortKey(fitness[order[p]])) {
                q++;
            }
            double mean = 0;
            for (int t = p; t <= q; t++) {
                mean += byPos[t];
            }
            mean /= q - p + 1;
            for (int t = p; t <= q; t++) {
                u[order[t]] = mean;
            }
            p = q + 1;
        }
        return u;
    }

    /** The sort key: NaN and ±infinity rank below every finite value. */
    static double sortKey(double f) {
        return Double.isFinite(f) ? f : Double.NEGATIVE_INFINITY;
    }
}
