package org.enu.es;

import org.enu.rng.GaussianNoise;
import org.enu.rng.Keys;

/**
 * The offspring of one generation, as keys rather than weight arrays: offspring i has parameters
 * theta + sign(i) · sigma · eps(noiseIndex(i)), where eps(j) is the standard normal vector keyed
 * by (run seed, generation, j). Offspring 0 is the unperturbed centre (sign 0). With antithetic
 * pairs, offspring 2j and 2j+1 share eps(j) with signs +1 and −1 (so offspring 1 is −eps(0),
 * whose mirror is the centre's slot); without, offspring i uses eps(i).
 *
 * @param seed       the run seed
 * @param generation the generation index
 * @param size       number of offspring
 * @param sigma      perturbation scale
 * @param antithetic mirrored pairs
 */
public record Population(long seed, int generation, int size, float sigma, boolean antithetic) {

    /** Index of the noise vector that offspring i uses. */
    public int noiseIndex(int i) {
        return antithetic ? i / 2 : i;
    }

    /** Sign of offspring i's perturbation: 0 for the centre, +1 or −1. */
    public int sign(int i) {
        if (i == 0) {
            return 0;
        }
        return antithetic && (i & 1) == 1 ? -1 : 1;
    }

    /** Number of distinct noise vectors in this generation. */
    public int noiseCount() {
        return antithetic ? size / 2 : size;
    }

    /** Key of noise vector j. */
    public long noiseKey(int j) {
        return Keys.of(seed, Keys.STREAM_ES_NOISE, generation, j);
    }

    /**
     * Writes offspring i's parameters, theta + sign · sigma · eps, into out.
     *
     * @param theta centre parameters (not modified)
     * @param i     offspring index
     * @param out   destination, same length as theta (modified)
     */
    public void parameters(float[] theta, int i, float[] out) {
        int s = sign(i);
        if (s == 0) {
            System.arraycopy(theta, 0, out, 0, theta.length);
            return;
        }
        GaussianNoise.fill(noiseKey(noiseIndex(i)), 0, theta.length, s * sigma, out, 0);
        for (int k = 0; k < theta.length; k++) {
            out[k] = theta[k] + out[k];
        }
    }
}
