package org.enu.eval;

import org.enu.es.Population;

/**
 * Turns a generation's offspring into fitness values. The fitness of offspring i is a pure
 * function of (theta, run seed, generation, i): implementations differ only in where the work
 * runs, never in the numbers.
 */
public interface Evaluator extends AutoCloseable {
    /**
     * Evaluates every offspring of a generation around the centre.
     *
     * @param theta the centre parameters (not modified)
     * @param pop   the offspring
     * @return one fitness per offspring, higher is better
     */
    double[] evaluate(float[] theta, Population pop);

    /**
     * Runs a generation's update (the strategy's tell) with this evaluator's threads: the noise
     * sums of the update are a parallel stream over slices of the parameter vector
     * ({@link org.enu.es.NoiseSums}), which runs in the ForkJoinPool of the thread that starts
     * it. The default runs it on the calling thread (the common pool); the numbers never depend
     * on where it runs.
     */
    default <T> T update(java.util.function.Supplier<T> work) {
        return work.get();
    }

    @Override
    void close();
}
