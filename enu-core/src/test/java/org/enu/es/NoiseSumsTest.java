package org.enu.es;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.ForkJoinPool;
import org.enu.rng.GaussianNoise;
import org.junit.jupiter.api.Test;

/**
 * The noise sums of the updates: the same bits as the sums written out one element at a time,
 * whichever pool (and how many threads) computes the slices.
 */
class NoiseSumsTest {
    static final int N = 5 * 2048 + 77; // six slices, the last one short

    @Test
    void equalsTheSumsWrittenOutAndNoPoolChangesABit() throws Exception {
        Population pop = new Population(11, 3, 20, 0.01f, true, null);
        double[] a = new double[pop.noiseCount()];
        double[] b = new double[pop.noiseCount()];
        for (int j = 0; j < a.length; j++) {
            a[j] = j == 4 ? 0 : Math.sin(j + 1.0);
            b[j] = j == 7 ? 0 : Math.cos(j + 2.0);
        }
        double[] lin = new double[N];
        double[] sq = new double[N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < a.length; j++) {
                double e = (float) GaussianNoise.element(pop.noiseKey(j), k);
                lin[k] += a[j] * e;
                sq[k] += b[j] * e * e;
            }
        }
        for (int threads : new int[] {0, 1, 3}) {
            double[] l = new double[N];
            double[] s = new double[N];
            java.util.Arrays.fill(l, Double.NaN); // overwritten, not added to
            if (threads == 0) {
                NoiseSums.compute(pop, a, b, l, s); // the common pool
            } else {
                ForkJoinPool pool = new ForkJoinPool(threads);
                try {
                    pool.submit(() -> NoiseSums.compute(pop, a, b, l, s)).get();
                } finally {
                    pool.shutdown();
                }
            }
            assertArrayEquals(lin, l, "linear sums, pool of " + threads);
            assertArrayEquals(sq, s, "sums of squares, pool of " + threads);
        }
        assertNotEquals(0.0, lin[N - 1]);
    }
}
