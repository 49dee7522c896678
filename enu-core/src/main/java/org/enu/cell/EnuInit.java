package org.enu.cell;

import org.enu.rng.KeyedRandom;

/**
 * The starting parameters of an ENU kind, as the authors' code makes them: each gate matrix (W_z,
 * W_r, W_c over the inputs [x, o, h]) and the output matrix W_o over h is a random (semi-)
 * orthogonal matrix; every bias weight starts at 0.
 */
public final class EnuInit {
    private EnuInit() {
    }

    /**
     * Writes orthogonal initial weights for one unit kind.
     *
     * @param spec   the unit kind
     * @param params destination flat vector (modified in [base, base + spec.parameterCount()))
     * @param base   offset of this unit kind
     * @param rnd    source of randomness
     */
    public static void orthogonal(EnuSpec spec, float[] params, int base, KeyedRandom rnd) {
        int H = spec.memory();
        int K = spec.gateInputs();
        int kIn = K - (spec.bias() ? 1 : 0);
        for (int off : new int[] {spec.offsetZ(), spec.offsetR(), spec.offsetC()}) {
            double[][] q = semiOrthogonal(H, kIn, rnd);
            for (int j = 0; j < H; j++) {
                for (int k = 0; k < K; k++) {
                    params[base + off + j * K + k] = k < kIn ? (float) q[j][k] : 0f;
                }
            }
        }
        int O = spec.outputs();
        int KO = spec.outputGateInputs();
        double[][] q = semiOrthogonal(O, H, rnd);
        for (int j = 0; j < O; j++) {
            for (int k = 0; k < KO; k++) {
                params[base + spec.offsetO() + j * KO + k] = k < H ? (float) q[j][k] : 0f;
            }
        }
    }

    /**
     * A rows x cols matrix with orthonormal rows (rows <= cols) or orthonormal columns
     * (rows > cols): Gram–Schmidt, done twice for accuracy, on a Gaussian matrix.
     */
    static double[][] semiOrthogonal(int rows, int cols, KeyedRandom rnd) {
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows; // vectors to orthonormalise
        int d = transpose ? rows : cols; // their length
        double[][] v = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                v[i][k] = rnd.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int k = 0; k < d; k++) {
                        dot += v[i][k] * v[j][k];
                    }
                    for (int k = 0; k < d; k++) {
                        v[i][k] -= dot * v[j][k];
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += v[i][k] * v[i][k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                v[i][k] /= norm;
            }
        }
        if (!transpose) {
            return v;
        }
        double[][] t = new double[rows][cols];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                t[k][i] = v[i][k];
            }
        }
        return t;
    }
}
