package org.enu.es;

import org.enu.rng.GaussianNoise;
import org.enu.rng.Keys;

/**
 * The offspring of one generation, as keys rather than weight arrays: offspring i has parameters
 * theta + sign(i) · sigma · eps(noiseIndex(i)), or theta + sign(i) · (scale ⊙ eps) when the
 * strategy has one step size per parameter, where eps(j) is the standard normal vector keyed by
 * (run seed, generation, j). Offspring 0 is the unperturbed centre (sign 0). With antithetic
 * pairs, offspring 2j and 2j+1 share eps(j) with signs +1 and −1 (so offspring 1 is −eps(0),
 * whose mirror is the centre's slot); without, offspring i uses eps(i).
 *
 * @param seed       the run seed
 * @param generation the generation index
 * @param size       number of offspring
 * @param sigma      perturbation scale (used when scale is null)
 * @param antithetic mirrored pairs
 * @param scale      per-parameter perturbation scale, or null for sigma everywhere (not modified)
 */
public record Population(long seed, int generation, int size, float sigma, boolean antithetic, float[] scale) {

    /** A population with one perturbation scale for every parameter. */
    public Population(long seed, int generation, int size, float sigma, boolean antithetic) {
        this(seed, generation, size, sigma, antithetic, null);
    }

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
     * Writes the scaled noise vector j (sigma · eps, or scale ⊙ eps) into out; the offspring are
     * theta + out and theta + (−out).
     */
    public void scaledNoise(int j, float[] out) {
        if (scale == null) {
            GaussianNoise.fill(noiseKey(j), 0, out.length, sigma, out, 0);
            return;
        }
        GaussianNoise.fill(noiseKey(j), 0, out.length, 1f, out, 0);
        for (int k = 0; k < out.length; k++) {
            out[k] = scale[k] * out[k];
        }
    }

    /**
     * Writes offspring i's parameters into out, with the same arithmetic as the evaluators.
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
        scaledNoise(noiseIndex(i), out);
        for (int k = 0; k < theta.length; k++) {
            out[k] = theta[k] + (s > 0 ? out[k] : -out[k]);
        }
    }
}
