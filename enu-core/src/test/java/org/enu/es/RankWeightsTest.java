package org.enu.es;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enu.rng.KeyedRandom;
import org.junit.jupiter.api.Test;

class RankWeightsTest {

    @Test
    void weightsSumToOneAndFollowRankToTheFifth() {
        double[] f = {3.0, -1.0, 10.0, 0.5};
        double[] w = RankWeights.compute(f);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        // ranks: 10 -> 1, 3 -> 2/3, 0.5 -> 1/3, -1 -> 0
        double norm = 1 + Math.pow(2.0 / 3, 5) + Math.pow(1.0 / 3, 5);
        assertEquals(1 / norm, w[2], 1e-12);
        assertEquals(Math.pow(2.0 / 3, 5) / norm, w[0], 1e-12);
        assertEquals(Math.pow(1.0 / 3, 5) / norm, w[3], 1e-12);
        assertEquals(0.0, w[1], 0.0);
    }

    @Test
    void invariantUnderMonotoneTransform() {
        KeyedRandom r = new KeyedRandom(5);
        double[] f = new double[512];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextGaussian();
        }
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = Math.exp(3 * f[i]) - 7; // strictly increasing
        }
        assertArrayEquals(RankWeights.compute(f), RankWeights.compute(g), 0.0);
    }

    @Test
    void nanAndInfiniteRankWorst() {
        double[] f = {1.0, Double.NaN, 2.0, Double.POSITIVE_INFINITY, -5.0};
        double[] w = RankWeights.compute(f);
        assertTrue(w[2] > w[0] && w[0] > w[4], "finite values keep their order");
        assertTrue(w[4] > w[1] && w[4] > w[3], "NaN and infinity rank below the worst finite value");
        assertEquals(w[1], w[3], 0.0, "NaN and infinity tie");
    }

    @Test
    void tiesShareTheirMeanRank() {
        double[] w = RankWeights.compute(new double[] {1, 1, 0});
        assertEquals(w[0], w[1], 0.0);
        // both take the mean of linear ranks 1 and 1/2 = 3/4
        double norm = 2 * Math.pow(0.75, 5);
        assertEquals(Math.pow(0.75, 5) / norm, w[0], 1e-12);
        assertEquals(0.0, w[2], 0.0);
    }

    @Test
    void topFifthCarriesMostWeight() {
        double[] f = new double[1000];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        double[] w = RankWeights.compute(f);
        double top = 0;
        for (int i = 800; i < 1000; i++) {
            top += w[i];
        }
        // sum over the top 20% of r^5 / sum of r^5 = 1 - 0.8^6 = 0.738 in the continuum limit
        assertEquals(1 - Math.pow(0.8, 6), top, 0.01);
    }
}
