package org.enu.es;

/**
 * Everything the strategy needs to continue a run: the next generation's index, the centre
 * parameters, the momentum, and the best fitness seen so far. Treated as immutable: the strategy
 * returns a new state and never writes into the arrays of an old one.
 *
 * @param seed            run seed (keys all noise)
 * @param generation      index of the next generation to evaluate
 * @param theta           centre parameters
 * @param velocity        momentum buffer
 * @param bestFitness     best offspring fitness of any generation so far (NaN before the first)
 * @param bestGeneration  generation of bestFitness (−1 before the first)
 */
public record EsState(long seed, int generation, float[] theta, float[] velocity, double bestFitness,
                      int bestGeneration) {
    public EsState {
        if (theta.length != velocity.length) {
            throw new IllegalArgumentException("theta and velocity differ in length");
        }
    }
}
