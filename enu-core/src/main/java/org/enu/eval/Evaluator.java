package org.enu.eval;

import org.enu.es.Population;

/**
 * Turns a generation's offspring into fitness values. The fitness of offspring i is a pure
 * function of (theta, run seed, generation, i): implementations differ only in where the work
 * runs, never in the numbers.
 */
public interface Evaluator extends AutoCloseable {
    /**
     * @param theta the centre parameters (not modified)
     * @param pop   the offspring
     * @return one fitness per offspring, higher is better
     */
    double[] evaluate(float[] theta, Population pop);

    @Override
    void close();
}
