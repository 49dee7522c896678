package org.enu.es;

import java.util.List;
import org.enu.check.Check;

/**
 * es.strategy sep_cma_es: CMA-ES with a diagonal covariance matrix (Ros &amp; Hansen 2008), x =
 * m + σ · D ⊙ z with D = √diag(C), the CMA weights w over the best half of the λ perturbed
 * offspring ({@link FitnessShaping#CMA}), μ_eff = 1 / Σ w², ⟨z⟩ = Σ w_i z_i, and
 * <pre>
 *   m = m + c_m σ D ⊙ ⟨z⟩
 *   p_σ = (1 − c_σ) p_σ + √(c_σ (2 − c_σ) μ_eff) ⟨z⟩
 *   σ = σ · exp(c_σ / d_σ · (‖p_σ‖ / E‖N(0, I)‖ − 1))
 *   p_c = (1 − c_c) p_c + h_σ √(c_c (2 − c_c) μ_eff) D ⊙ ⟨z⟩
 *   C = (1 − c_1 − c_μ) C + c_1 (p_c² + (1 − h_σ) c_c (2 − c_c) C) + c_μ C ⊙ Σ w_i z_i²
 * </pre>
 * with Hansen's default rates, c_1 and c_μ multiplied by (n + 2) / 3 as the paper prescribes
 * for the diagonal. State: diag(C), p_c, p_σ, and σ (one value, starting at es.sigma).
 */
public final class SepCmaEs extends AbstractStrategy {
    public static final String NAME = "sep_cma_es";

    /** The settings under es.sep_cma_es: c_m, the learning rate of the mean (1 in the paper). */
    public record Settings(double meanLearningRate) {
        public Settings {
            Check.positive("mean_learning_rate", meanLearningRate);
        }
    }

    private final Settings s;

    public SepCmaEs(EsParams params, Settings settings) {
        super(params, NAME, List.of("covariance", "path_c", "path_sigma", "sigma"));
        if (params.offspring() < 3) {
            throw new IllegalArgumentException("offspring: sep_cma_es needs at least 3 (the centre and two samples), got "
                    + params.offspring());
        }
        this.s = settings;
    }

    @Override
    public int[] bufferLengths(int n) {
        return new int[] {n, n, n, 1};
    }

    @Override
    protected float[][] initialBuffers(float[] theta0) {
        int n = theta0.length;
        return new float[][] {filled(n, 1f), new float[n], new float[n], {params.sigma()}};
    }

    @Override
    protected float[] scale(EsState state) {
        float sigma = state.buffer(3)[0];
        float[] c = state.buffer(0);
        float[] out = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = (float) (sigma * Math.sqrt(c[k]));
        }
        return out;
    }

    @Override
    protected float[][] update(EsState state, Population pop, double[] fitness) {
        int n = state.theta().length;
        double[] w = FitnessShaping.utilities(fitness, PERTURBED, FitnessShaping.CMA);
        double wSq = 0;
        for (double x : w) {
            wSq += x * x;
        }
        double muEff = 1 / wSq;
        double cs = (muEff + 2) / (n + muEff + 5);
        double ds = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cs;
        double cc = 4.0 / (n + 4);
        double sep = (n + 2) / 3.0;
        double c1 = Math.min(1, sep * 2 / ((n + 1.3) * (n + 1.3) + muEff));
        double cmu = Math.min(1 - c1, sep * 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        double[][] ab = NoiseSums.coefficients(pop, w);
        double[] zw = new double[n];
        double[] zsq = new double[n];
        NoiseSums.compute(pop, ab[0], ab[1], zw, zsq);
        float[] c0 = state.buffer(0);
        double sigma0 = state.buffer(3)[0];
        double[] ps = new double[n];
        double kPs = Math.sqrt(cs * (2 - cs) * muEff);
        for (int k = 0; k < n; k++) {
            ps[k] = (1 - cs) * state.buffer(2)[k] + kPs * zw[k];
        }
        double psNorm = NoiseSums.norm(ps);
        double sigma = sigma0 * StrictMath.exp(cs / ds * (psNorm / chiN - 1));
        int g = state.generation() + 1;
        double hs = psNorm / Math.sqrt(1 - StrictMath.pow(1 - cs, 2.0 * g)) < (1.4 + 2.0 / (n + 1)) * chiN ? 1 : 0;
        double kPc = hs * Math.sqrt(cc * (2 - cc) * muEff);
        float[] theta = new float[n];
        float[] cov = new float[n];
        float[] pc = new float[n];
        float[] psOut = new float[n];
        for (int k = 0; k < n; k++) {
            double d = Math.sqrt(c0[k]);
            double yw = d * zw[k];
            theta[k] = (float) (state.theta()[k] + s.meanLearningRate() * sigma0 * yw);
            double pck = (1 - cc) * state.buffer(1)[k] + kPc * yw;
            pc[k] = (float) pck;
            psOut[k] = (float) ps[k];
            cov[k] = (float) ((1 - c1 - cmu) * c0[k] + c1 * (pck * pck + (1 - hs) * cc * (2 - cc) * c0[k])
                    + cmu * c0[k] * zsq[k]);
        }
        return new float[][] {theta, cov, pc, psOut, {(float) sigma}};
    }
}
