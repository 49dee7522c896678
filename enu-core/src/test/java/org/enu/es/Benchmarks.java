package org.enu.es;

import java.util.Map;
import org.enu.config.ConfigTree;
import org.enu.config.RecordBinder;
import org.enu.rng.GaussianNoise;
import org.enu.rng.Keys;

/** Synthetic objectives and a plain ask / evaluate / tell loop for the strategy contract tests. */
final class Benchmarks {
    private Benchmarks() {
    }

    /** A strategy with common.yaml's settings but for the given ones (keys under es). */
    static Strategy strategy(String name, EsParams params, Map<String, Double> settings) {
        ConfigTree tree = ConfigTree.resource("common.yaml");
        for (Map.Entry<String, Double> e : settings.entrySet()) {
            tree = tree.set("es." + e.getKey() + "=" + e.getValue());
        }
        StrategyRegistry.Entry<?> entry = StrategyRegistry.get(name);
        return entry.create(params, RecordBinder.bind(entry.settings(), tree, "es." + name));
    }

    /** An objective to maximise. */
    interface Objective {
        double value(float[] x);
    }

    /** −Σ (x_i − 0.5)²: 0 at x = 0.5, −n/4 at x = 0. */
    static double sphere(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (v - 0.5) * (v - 0.5);
        }
        return -s;
    }

    /**
     * −Σ_i 10^(log10Cond · i / (n−1)) · y_i², y = R (x − 0.5), R an orthogonal matrix
     * (Gram-Schmidt on keyed Gaussian rows), so that the axes of the ellipsoid are not the
     * coordinate axes.
     */
    static Objective rotatedEllipsoid(int n, double log10Cond, long seed) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = GaussianNoise.element(Keys.of(seed, i), j);
            }
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += r[i][j] * r[k][j];
                }
                for (int j = 0; j < n; j++) {
                    r[i][j] -= dot * r[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += r[i][j] * r[i][j];
            }
            for (int j = 0; j < n; j++) {
                r[i][j] /= Math.sqrt(norm);
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(10, log10Cond * i / Math.max(1, n - 1));
        }
        return x -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < n; j++) {
                    y += r[i][j] * (x[j] - 0.5);
                }
                s += w[i] * y * y;
            }
            return -s;
        };
    }

    /**
     * Runs the strategy from x = 0 until the centre's value exceeds target, for at most max
     * generations.
     *
     * @return the generation count at which it got there, or −1
     */
    static int generationsTo(Strategy strategy, int n, Objective f, double target, int max, long seed) {
        EsState s = strategy.init(new float[n], seed);
        float[] x = new float[n];
        for (int g = 0; g < max; g++) {
            Population pop = strategy.ask(s);
            double[] fit = new double[pop.size()];
            for (int i = 0; i < fit.length; i++) {
                pop.parameters(s.theta(), i, x);
                fit[i] = f.value(x);
            }
            s = strategy.tell(s, pop, fit);
            if (f.value(s.theta()) > target) {
                return g + 1;
            }
        }
        return -1;
    }
}
