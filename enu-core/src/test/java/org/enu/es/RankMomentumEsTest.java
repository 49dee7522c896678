package org.enu.es;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankMomentumEsTest {

    @Test
    void antitheticPairsMirrorExactlyAndTheCentreIsTheta() {
        float[] theta = new float[300];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) Math.sin(i);
        }
        Population pop = new Population(11, 3, 8, 0.01f, true);
        float[] centre = new float[theta.length];
        pop.parameters(theta, 0, centre);
        assertArrayEquals(theta, centre, 0f);
        for (int j = 1; j < 4; j++) {
            float[] plus = new float[theta.length];
            float[] minus = new float[theta.length];
            pop.parameters(theta, 2 * j, plus);
            pop.parameters(theta, 2 * j + 1, minus);
            for (int k = 0; k < theta.length; k++) {
                float dp = plus[k] - theta[k];
                float dm = minus[k] - theta[k];
                // theta + e and theta + (-e) are rounded symmetrically
                assertEquals(theta[k] + dp, plus[k]);
                assertEquals(Math.abs(dp), Math.abs(dm), Math.ulp(theta[k]) * 2, "pair " + j + " element " + k);
                assertTrue(dp == 0 || Math.signum(dp) == -Math.signum(dm), "pair " + j + " element " + k);
            }
        }
        assertEquals(0, pop.sign(0));
        assertEquals(-1, pop.sign(1));
        assertEquals(1, pop.sign(2));
        assertEquals(pop.noiseIndex(2), pop.noiseIndex(3));
    }

    @Test
    void withOneWinnerAndNoMomentumLrOneMovesToTheWinner() {
        // rank^5 with 2 offspring: the better gets weight 1, so theta moves onto it
        EsParams p = new EsParams(2, 0.5f, 1f, 0f, true);
        RankMomentumEs es = new RankMomentumEs(p);
        float[] theta0 = {1f, 2f, 3f};
        EsState s = es.init(theta0, 9);
        Population pop = es.ask(s);
        float[] o1 = new float[3];
        pop.parameters(theta0, 1, o1);
        EsState next = es.tell(s, pop, new double[] {0.0, 1.0});
        assertArrayEquals(o1, next.theta(), 1e-6f);
        assertEquals(1, next.generation());
        assertEquals(1.0, next.bestFitness());
        // the old state is untouched
        assertArrayEquals(new float[] {1f, 2f, 3f}, s.theta(), 0f);
    }

    /**
     * The strategy maximises f(x) = −Σ (x_i − 0.5)² in 100 dimensions from x = 0 (f = −25) to
     * f > −1.5 with 64 offspring, sigma 0.05, lr 1, momentum 0.9. Measured: 33 generations
     * (seed 3). Closer than about −0.8 it does not get: with lr 1 the centre jumps to the
     * rank-weighted mean of the offspring each generation, and momentum 0.9 amplifies that
     * sampling noise, so the centre hovers at a distance set by sigma.
     */
    @Test
    void solvesA100DimensionalSphere() {
        int dim = 100;
        EsParams p = new EsParams(64, 0.05f, 1f, 0.9f, true);
        RankMomentumEs es = new RankMomentumEs(p);
        EsState s = es.init(new float[dim], 3);
        float[] x = new float[dim];
        int solvedAt = -1;
        for (int g = 0; g < 300 && solvedAt < 0; g++) {
            Population pop = es.ask(s);
            double[] f = new double[pop.size()];
            for (int i = 0; i < f.length; i++) {
                pop.parameters(s.theta(), i, x);
                f[i] = sphere(x);
            }
            s = es.tell(s, pop, f);
            if (sphere(s.theta()) > -1.5) {
                solvedAt = g + 1;
            }
        }
        assertTrue(solvedAt > 0 && solvedAt <= 60, "solved at generation " + solvedAt);
    }

    static double sphere(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (v - 0.5) * (v - 0.5);
        }
        return -s;
    }
}
