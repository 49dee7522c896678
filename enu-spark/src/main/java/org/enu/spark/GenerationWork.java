package org.enu.spark;

import java.io.Serializable;
import org.enu.es.Population;

/**
 * What one generation's executors need besides the configuration: the centre and what the
 * strategy samples from (a {@link Population}: seed, generation, size, sigma, antithetic pairs,
 * per-parameter scale). Broadcast once per generation; each offspring's noise is rebuilt from its
 * key on the executor.
 */
record GenerationWork(float[] theta, long seed, int generation, int size, float sigma, boolean antithetic,
                      float[] scale) implements Serializable {
    private static final long serialVersionUID = 1L;

    static GenerationWork of(float[] theta, Population pop) {
        return new GenerationWork(theta, pop.seed(), pop.generation(), pop.size(), pop.sigma(), pop.antithetic(),
                pop.scale());
    }

    Population population() {
        return new Population(seed, generation, size, sigma, antithetic, scale);
    }
}
