package org.enu.es;

import java.util.List;

/**
 * es.strategy rank_momentum: the strategy of the paper as the authors run it: Gaussian
 * perturbations (antithetic pairs, the centre kept as offspring 0), rank^5 fitness shaping
 * ({@link RankWeights}) and momentum:
 * <pre>
 *   G = Σ_i F_i · sigma · eps_i          (F from RankWeights, eps_0 = 0 for the centre)
 *   v = momentum · v + learningRate · G
 *   theta = theta + v
 * </pre>
 * G is computed by {@link NoiseSums} (slices of the parameter vector, each summing the noise
 * vectors in the same order, so no thread count enters the update). State: the momentum.
 */
public final class RankMomentumEs extends AbstractStrategy {
    public static final String NAME = "rank_momentum";

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
        double[] g = new double[n];
        NoiseSums.compute(pop, coef, null, g, null);
        float[] theta = new float[n];
        float[] velocity = new float[n];
        float m = params.momentum();
        float lr = params.learningRate();
        float[] v0 = state.buffer(0);
        for (int k = 0; k < n; k++) {
            float v = (float) (m * (double) v0[k] + lr * g[k]);
            velocity[k] = v;
            theta[k] = state.theta()[k] + v;
        }
        return new float[][] {theta, velocity};
    }
}
