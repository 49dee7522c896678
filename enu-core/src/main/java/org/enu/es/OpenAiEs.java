package org.enu.es;

import java.util.List;
import org.enu.check.Check;

/**
 * es.strategy openai_es (Salimans et al. 2017): fixed sigma, centred-rank fitness shaping, the
 * search-gradient estimate g = 1/(λσ) Σ_i u_i ε_i over the λ perturbed offspring, weight decay
 * (g − decay · θ) and the Adam optimiser (Kingma &amp; Ba 2015) ascending it:
 * <pre>
 *   m = β1 m + (1 − β1) g;  v = β2 v + (1 − β2) g²
 *   θ = θ + lr · √(1 − β2^t) / (1 − β1^t) · m / (√v + ε)      (t = generation + 1)
 * </pre>
 * State: Adam's m and v.
 */
public final class OpenAiEs extends AbstractStrategy {
    public static final String NAME = "openai_es";

    /** The settings under es.openai_es. */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        public Settings {
            Check.positive("learning_rate", learningRate);
            Check.belowOne("beta1", beta1);
            Check.belowOne("beta2", beta2);
            Check.positive("epsilon", epsilon);
            Check.nonNegative("weight_decay", weightDecay);
        }
    }

    private final Settings s;

    public OpenAiEs(EsParams params, Settings settings) {
        super(params, NAME, List.of("adam_m", "adam_v"));
        this.s = settings;
    }

    @Override
    protected float[][] initialBuffers(float[] theta0) {
        return new float[][] {new float[theta0.length], new float[theta0.length]};
    }

    @Override
    protected float[][] update(EsState state, Population pop, double[] fitness) {
        double[] u = FitnessShaping.utilities(fitness, PERTURBED, FitnessShaping.CENTRED);
        double[][] ab = NoiseSums.coefficients(pop, u);
        int n = state.theta().length;
        double[] sum = new double[n];
        NoiseSums.compute(pop, ab[0], null, sum, null);
        double lambda = pop.size() - PERTURBED;
        int t = state.generation() + 1;
        double step = s.learningRate() * Math.sqrt(1 - StrictMath.pow(s.beta2(), t)) / (1 - StrictMath.pow(s.beta1(), t));
        float[] theta = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            double th = state.theta()[k];
            double g = sum[k] / (lambda * params.sigma()) - s.weightDecay() * th;
            double mk = s.beta1() * state.buffer(0)[k] + (1 - s.beta1()) * g;
            double vk = s.beta2() * state.buffer(1)[k] + (1 - s.beta2()) * g * g;
            m[k] = (float) mk;
            v[k] = (float) vk;
            theta[k] = (float) (th + step * mk / (Math.sqrt(vk) + s.epsilon()));
        }
        return new float[][] {theta, m, v};
    }
}
