package org.enu.es;

import java.util.List;
import org.enu.rng.GaussianNoise;

/**
 * es.strategy rank_momentum: the strategy of the paper as the authors run it: Gaussian
 * perturbations (antithetic pairs, the centre kept as offspring 0), rank^5 fitness shaping
 * ({@link RankWeights}) and momentum:
 * <pre>
 *   G = Σ_i F_i · sigma · eps_i          (F from RankWeights, eps_0 = 0 for the centre)
 *   v = momentum · v + learningRate · G
 *   theta = theta + v
 * </pre>
 * G is computed on the calling thread in slices of the parameter vector, each summing the noise
 * vectors in the same order (a few milliseconds per generation even at paper scale, against
 * seconds of evaluation), so no thread count enters the update. State: the momentum.
 */
public final class RankMomentumEs extends AbstractStrategy {
    public static final String NAME = "rank_momentum";
    private static final int SLICE = 2048;

    /** @param params numeric settings */
    public RankMomentumEs(EsParams params) {
        super(params, NAME, List.of("momentum"));
    }

    @Override
    protected float[][] initialBuffers(float[] theta0) {
        return new float[][] {new float[theta0.length]};
    }

    @Override
    protected float[][] update(EsState state, Population pop, double[] fitness) {
        double[] f = RankWeights.compute(fitness);
        // coefficient of each noise vector in G
        double[] coef = new double[pop.noiseCount()];
        for (int i = 0; i < pop.size(); i++) {
            coef[pop.noiseIndex(i)] += f[i] * pop.sign(i) * params.sigma();
        }
        int n = state.theta().length;
        float[] theta = new float[n];
        float[] velocity = new float[n];
        int slices = (n + SLICE - 1) / SLICE;
        for (int s = 0; s < slices; s++) {
            updateSlice(state, pop, coef, s * SLICE, Math.min(n, (s + 1) * SLICE), theta, velocity);
        }
        return new float[][] {theta, velocity};
    }

    private void updateSlice(EsState state, Population pop, double[] coef, int from, int to, float[] theta,
                             float[] velocity) {
        int len = to - from;
        double[] g = new double[len];
        float[] eps = new float[len];
        for (int j = 0; j < coef.length; j++) {
            if (coef[j] == 0) {
                continue;
            }
            GaussianNoise.fill(pop.noiseKey(j), from, len, 1f, eps, 0);
            double c = coef[j];
            for (int k = 0; k < len; k++) {
                g[k] += c * eps[k];
            }
        }
        float m = params.momentum();
        float lr = params.learningRate();
        float[] v0 = state.buffer(0);
        for (int k = 0; k < len; k++) {
            float v = (float) (m * (double) v0[from + k] + lr * g[k]);
            velocity[from + k] = v;
            theta[from + k] = state.theta()[from + k] + v;
        }
    }
}
