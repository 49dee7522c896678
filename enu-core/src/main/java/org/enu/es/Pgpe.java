package org.enu.es;

import java.util.List;
import org.enu.check.Check;

/**
 * es.strategy pgpe: policy gradients with parameter-based exploration (Sehnke et al. 2010) with
 * the ClipUp optimiser (Toklu et al. 2020). Symmetric pairs x = μ ± σ ⊙ ε_j (es.antithetic must
 * be true; pair 0, whose + slot is the centre, is left out), centred-rank utilities u± over the
 * perturbed offspring, b the mean of (u+ + u−)/2 over the J pairs, and
 * <pre>
 *   g_μ = 1/J Σ_j (u+ − u−)/2 · σ ⊙ ε_j
 *   g_σ = 1/J Σ_j ((u+ + u−)/2 − b) · (σ ⊙ ε_j² − σ)       (= (δ² − σ²)/σ with δ = σ ⊙ ε)
 *   ClipUp: v = momentum · v + α · g_μ / ‖g_μ‖;  v = v · min(1, max_speed / ‖v‖);  μ = μ + v
 *   σ = σ + clip(η_σ · g_σ, ±max_sigma_change · σ)
 * </pre>
 * State: the ClipUp velocity and σ (starting at es.sigma).
 */
public final class Pgpe extends AbstractStrategy {
    public static final String NAME = "pgpe";

    /** The settings under es.pgpe. */
    public record Settings(double centerLearningRate, double maxSpeed, double momentum, double sigmaLearningRate,
                           double maxSigmaChange) {
        public Settings {
            Check.positive("center_learning_rate", centerLearningRate);
            Check.positive("max_speed", maxSpeed);
            Check.belowOne("momentum", momentum);
            Check.nonNegative("sigma_learning_rate", sigmaLearningRate);
            Check.belowOne("max_sigma_change", maxSigmaChange);
        }
    }

    private final Settings s;

    public Pgpe(EsParams params, Settings settings) {
        super(params, NAME, List.of("velocity", "sigma"));
        if (!params.antithetic()) {
            throw new IllegalArgumentException("antithetic: pgpe samples symmetric pairs; must be true");
        }
        if (params.offspring() < 4) {
            throw new IllegalArgumentException("offspring: pgpe needs at least 4 (one pair besides the centre's), got "
                    + params.offspring());
        }
        this.s = settings;
    }

    @Override
    protected float[][] initialBuffers(float[] theta0) {
        return new float[][] {new float[theta0.length], filled(theta0.length, params.sigma())};
    }

    @Override
    protected float[] scale(EsState state) {
        return state.buffer(1);
    }

    @Override
    protected float[][] update(EsState state, Population pop, double[] fitness) {
        double[] u = FitnessShaping.utilities(fitness, PERTURBED, FitnessShaping.CENTRED);
        int pairs = pop.noiseCount() - 1;
        double[] a = new double[pop.noiseCount()];
        double[] c = new double[pop.noiseCount()];
        double baseline = 0;
        for (int j = 1; j <= pairs; j++) {
            a[j] = (u[2 * j] - u[2 * j + 1]) / 2;
            c[j] = (u[2 * j] + u[2 * j + 1]) / 2;
            baseline += c[j] / pairs;
        }
        double cSum = 0;
        for (int j = 1; j <= pairs; j++) {
            c[j] -= baseline;
            cSum += c[j];
        }
        int n = state.theta().length;
        double[] lin = new double[n];
        double[] sq = new double[n];
        NoiseSums.compute(pop, a, c, lin, sq);
        float[] sigma0 = state.buffer(1);
        double[] gMu = new double[n];
        for (int k = 0; k < n; k++) {
            gMu[k] = sigma0[k] * lin[k] / pairs;
        }
        double gNorm = NoiseSums.norm(gMu);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = s.momentum() * state.buffer(0)[k] + (gNorm > 0 ? s.centerLearningRate() * gMu[k] / gNorm : 0);
        }
        double vNorm = NoiseSums.norm(v);
        double clip = vNorm > s.maxSpeed() ? s.maxSpeed() / vNorm : 1;
        float[] theta = new float[n];
        float[] velocity = new float[n];
        float[] sigma = new float[n];
        for (int k = 0; k < n; k++) {
            velocity[k] = (float) (v[k] * clip);
            theta[k] = (float) (state.theta()[k] + v[k] * clip);
            double gSigma = sigma0[k] * (sq[k] - cSum) / pairs;
            double limit = s.maxSigmaChange() * sigma0[k];
            double d = Math.max(-limit, Math.min(limit, s.sigmaLearningRate() * gSigma));
            sigma[k] = (float) (sigma0[k] + d);
        }
        return new float[][] {theta, velocity, sigma};
    }
}
