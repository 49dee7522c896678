package org.enu.es;

import org.enu.rng.GaussianNoise;

/**
 * The sums over a generation's noise vectors that the updates need: Σ_j a_j eps_j and
 * Σ_j b_j eps_j² (element-wise), regenerated from the keys. The vectors are summed in the same
 * order within fixed slices of the parameter vector, in double precision, so the result never
 * depends on who computes it. The slices run as a parallel stream: in the ForkJoinPool of the
 * caller's thread (an evaluator runs the update in its pool of --threads workers,
 * {@link org.enu.eval.Evaluator#update}), else in the common pool. Regenerating the noise is
 * most of the update: 1.4 million elements per paper-scale IAF generation, about 12 ns each
 * (docs/PERFORMANCE.md, log 18-19).
 */
public final class NoiseSums {
    private static final int SLICE = 2048;

    private NoiseSums() {
    }

    /**
     * Per-noise-vector coefficients of the offspring's utilities: a_j = Σ u_i · sign(i) and
     * b_j = Σ u_i over the offspring i that use noise vector j (the centre adds nothing).
     */
    public static double[][] coefficients(Population pop, double[] u) {
        double[] a = new double[pop.noiseCount()];
        double[] b = new double[pop.noiseCount()];
        for (int i = 0; i < pop.size(); i++) {
            int s = pop.sign(i);
            if (s != 0) {
                a[pop.noiseIndex(i)] += u[i] * s;
                b[pop.noiseIndex(i)] += u[i];
            }
        }
        return new double[][] {a, b};
    }

    /**
     * Sums the generation's noise vectors with the given coefficients, slice by slice.
     *
     * @param pop     the generation
     * @param a       coefficients of the linear sum (one per noise vector)
     * @param b       coefficients of the sum of squares, or null to skip it
     * @param linear  Σ a_j eps_j (length n, overwritten)
     * @param squares Σ b_j eps_j² (length n, overwritten), or null
     */
    public static void compute(Population pop, double[] a, double[] b, double[] linear, double[] squares) {
        int n = linear.length;
        int slices = (n + SLICE - 1) / SLICE;
        java.util.stream.IntStream.range(0, slices).parallel().forEach(s -> {
            int from = s * SLICE;
            int len = Math.min(SLICE, n - from);
            float[] eps = new float[len];
            java.util.Arrays.fill(linear, from, from + len, 0);
            if (squares != null) {
                java.util.Arrays.fill(squares, from, from + len, 0);
            }
            for (int j = 0; j < a.length; j++) {
                boolean lin = a[j] != 0;
                boolean sq = b != null && b[j] != 0;
                if (!lin && !sq) {
                    continue;
                }
                GaussianNoise.fill(pop.noiseKey(j), from, len, 1f, eps, 0);
                for (int k = 0; k < len; k++) {
                    double e = eps[k];
                    linear[from + k] += a[j] * e;
                    if (sq) {
                        squares[from + k] += b[j] * e * e;
                    }
                }
            }
        });
    }

    /** The Euclidean norm of v. */
    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
