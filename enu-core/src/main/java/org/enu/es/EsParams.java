package org.enu.es;

/**
 * Numeric settings of the evolution strategy.
 *
 * @param offspring    offspring per generation, including the unperturbed centre (offspring 0);
 *                     even when antithetic
 * @param sigma        standard deviation of the parameter perturbation
 * @param learningRate step size on the rank-weighted perturbation sum (1 = move to the
 *                     rank-weighted mean of the offspring, before momentum)
 * @param momentum     momentum of the update, in [0, 1)
 * @param antithetic   offspring come in mirrored pairs +eps / −eps
 */
public record EsParams(int offspring, float sigma, float learningRate, float momentum, boolean antithetic) {
    public EsParams {
        if (offspring < 2) {
            throw new IllegalArgumentException("offspring: must be >= 2, got " + offspring);
        }
        if (antithetic && offspring % 2 != 0) {
            throw new IllegalArgumentException("offspring: must be even with antithetic pairs, got " + offspring);
        }
        if (!(sigma > 0) || !Float.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: must be a finite number > 0, got " + sigma);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning_rate: must be a finite number > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum: must be in [0, 1), got " + momentum);
        }
    }
}
