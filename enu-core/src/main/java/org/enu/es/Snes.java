package org.enu.es;

import java.util.List;
import org.enu.check.Check;

/**
 * es.strategy snes: separable natural evolution strategies (Schaul, Glasmachers &amp; Schmidhuber
 * 2011; Wierstra et al. 2014): a Gaussian with one step size per parameter, x = μ + σ ⊙ z,
 * NES utilities u over the λ perturbed offspring ({@link FitnessShaping#NES}), and
 * <pre>
 *   ∇μ = Σ u_i z_i;   ∇σ = Σ u_i (z_i² − 1)
 *   μ = μ + η_μ · σ ⊙ ∇μ;   σ = σ ⊙ exp(η_σ / 2 · ∇σ)
 * </pre>
 * with η_σ = (3 + ln n) / (5 √n) unless set. State: σ, starting at es.sigma.
 */
public final class Snes extends AbstractStrategy {
    public static final String NAME = "snes";

    /**
     * The settings under es.snes.
     *
     * @param sigmaLearningRate η_σ; 0 = the paper's (3 + ln n) / (5 √n)
     */
    public record Settings(double centerLearningRate, double sigmaLearningRate) {
        public Settings {
            Check.positive("center_learning_rate", centerLearningRate);
            Check.nonNegative("sigma_learning_rate", sigmaLearningRate);
        }
    }

    private final Settings s;

    public Snes(EsParams params, Settings settings) {
        super(params, NAME, List.of("sigma"));
        this.s = settings;
    }

    @Override
    protected float[][] initialBuffers(float[] theta0) {
        return new float[][] {filled(theta0.length, params.sigma())};
    }

    @Override
    protected float[] scale(EsState state) {
        return state.buffer(0);
    }

    @Override
    protected float[][] update(EsState state, Population pop, double[] fitness) {
        double[] u = FitnessShaping.utilities(fitness, PERTURBED, FitnessShaping.NES);
        double[][] ab = NoiseSums.coefficients(pop, u);
        int n = state.theta().length;
        double[] gradMu = new double[n];
        double[] squares = new double[n];
        NoiseSums.compute(pop, ab[0], ab[1], gradMu, squares);
        double uSum = 0;
        for (double b : ab[1]) {
            uSum += b;
        }
        double etaSigma = s.sigmaLearningRate() > 0 ? s.sigmaLearningRate()
                : (3 + StrictMath.log(n)) / (5 * Math.sqrt(n));
        float[] theta = new float[n];
        float[] sigma = new float[n];
        for (int k = 0; k < n; k++) {
            double sk = state.buffer(0)[k];
            theta[k] = (float) (state.theta()[k] + s.centerLearningRate() * sk * gradMu[k]);
            sigma[k] = (float) (sk * StrictMath.exp(etaSigma / 2 * (squares[k] - uSum)));
        }
        return new float[][] {theta, sigma};
    }
}
