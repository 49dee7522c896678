package org.enu.es;

import org.enu.check.Check;

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
        Check.positive("sigma", sigma);
        Check.positive("learning_rate", learningRate);
        Check.belowOne("momentum", momentum);
    }
}
