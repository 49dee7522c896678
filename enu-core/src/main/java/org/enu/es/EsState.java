package org.enu.es;

/**
 * Everything a strategy needs to continue a run: the next generation's index, the centre
 * parameters, the strategy's own state vectors (momentum, Adam moments, step sizes, evolution
 * paths: {@link Strategy#buffers} names them), and the best fitness seen so far. Treated as
 * immutable: a strategy returns a new state and never writes into the arrays of an old one.
 *
 * @param seed            run seed (keys all noise)
 * @param generation      index of the next generation to evaluate
 * @param theta           centre parameters
 * @param buffers         the strategy's state vectors, in the order of {@link Strategy#buffers}
 * @param bestFitness     best offspring fitness of any generation so far (NaN before the first)
 * @param bestGeneration  generation of bestFitness (−1 before the first)
 */
public record EsState(long seed, int generation, float[] theta, float[][] buffers, double bestFitness,
                      int bestGeneration) {
    public EsState {
        buffers = buffers.clone();
    }

    /** Buffer i. */
    public float[] buffer(int i) {
        return buffers[i];
    }

    /** "NAME INDEX is not finite (VALUE)" for the first NaN or infinite value in theta or a buffer, or null. */
    public String firstNonFinite(java.util.List<String> names) {
        for (int i = 0; i < theta.length; i++) {
            if (!Float.isFinite(theta[i])) {
                return "parameter " + i + " is not finite (" + theta[i] + ")";
            }
        }
        for (int b = 0; b < buffers.length; b++) {
            for (int i = 0; i < buffers[b].length; i++) {
                if (!Float.isFinite(buffers[b][i])) {
                    return (b < names.size() ? names.get(b) : "buffer " + b) + " " + i + " is not finite ("
                            + buffers[b][i] + ")";
                }
            }
        }
        return null;
    }

    /** How many values of theta are NaN or infinite. */
    public int nonFiniteParameters() {
        int bad = 0;
        for (float v : theta) {
            bad += Float.isFinite(v) ? 0 : 1;
        }
        return bad;
    }

    /** How many values of theta and the buffers are NaN or infinite. */
    public int nonFiniteCount() {
        int bad = nonFiniteParameters();
        for (float[] b : buffers) {
            for (float v : b) {
                bad += Float.isFinite(v) ? 0 : 1;
            }
        }
        return bad;
    }
}
