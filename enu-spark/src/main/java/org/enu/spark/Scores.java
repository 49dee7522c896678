package org.enu.spark;

import java.io.Serializable;

/** The fitness of some offspring of a generation: offspring[k] scored fitness[k]. */
record Scores(int[] offspring, double[] fitness) implements Serializable {
    private static final long serialVersionUID = 1L;
}
