package org.enu.es;

import org.enu.rng.GaussianNoise;

/**
 * The strategy of the paper as the authors run it: Gaussian perturbations (antithetic pairs, the
 * centre kept as offspring 0), rank^5 fitness shaping ({@link RankWeights}) and momentum:
 * <pre>
 *   G = Σ_i F_i · sigma · eps_i          (F from RankWeights, eps_0 = 0 for the centre)
 *   v = momentum · v + learningRate · G
 *   theta = theta + v
 * </pre>
 * G is computed on the calling thread in slices of the parameter vector, each summing the noise
 * vectors in the same order (a few milliseconds per generation even at paper scale, against
 * seconds of evaluation), so no thread count enters the update.
 */
public final class RankMomentumEs implements Strategy {
    private static final int SLICE = 2048;
    private final EsParams params;

    /** @param params numeric settings */
    public RankMomentumEs(EsParams params) {
        this.params = params;
    }

    @Override
    public EsState init(float[] theta0, long seed) {
        return new EsState(seed, 0, theta0.clone(), new float[theta0.length], Double.NaN, -1);
    }

    @Override
    public Population ask(EsState state) {
        return new Population(state.seed(), state.generation(), params.offspring(), params.sigma(),
                params.antithetic());
    }

    @Override
    public EsState tell(EsState state, Population pop, double[] fitness) {
        if (fitness.length != pop.size()) {
            throw new IllegalArgumentException("expected " + pop.size() + " fitness values, got " + fitness.length);
        }
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

        double best = state.bestFitness();
        int bestGen = state.bestGeneration();
        for (double v : fitness) {
            if (Double.isFinite(v) && (Double.isNaN(best) || v > best)) {
                best = v;
                bestGen = state.generation();
            }
        }
        return new EsState(state.seed(), state.generation() + 1, theta, velocity, best, bestGen);
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
        for (int k = 0; k < len; k++) {
            float v = (float) (m * (double) state.velocity()[from + k] + lr * g[k]);
            velocity[from + k] = v;
            theta[from + k] = state.theta()[from + k] + v;
        }
    }
}
