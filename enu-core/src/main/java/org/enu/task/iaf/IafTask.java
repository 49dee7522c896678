package org.enu.task.iaf;

import java.util.LinkedHashMap;
import java.util.List;
import org.enu.analysis.SpikeMetrics;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.EpisodeTrace;
import org.enu.task.SingleEnuTask;

/**
 * Mimic an Integrate-and-Fire neuron (paper section 4.4, Fig. 6). One ENU receives a graded input
 * on its single channel: U(inputLow, inputHigh) per step times an integer 1..maxMultiplier drawn
 * anew for each quarter of the episode. Its output channel 0 should spike when the target
 * {@link IntegrateAndFire} neuron does.
 *
 * <p>Loss per step, with cT and cE the steps since the last target and ENU spike (0 at the episode
 * start and on a spike step): (cT − cE)², plus (y − 1)² on steps where the ENU spikes
 * (output above spikeLevel). Fitness = −(mean loss over steps and environments). Optimising the
 * inter-spike intervals rather than the squared error of the output lets a near miss score better
 * than no spike at all.
 */
public final class IafTask extends SingleEnuTask<IafTask.Env> {
    private final IafConfig cfg;

    /** One environment: its input, the target neuron's potential and spikes. */
    public record Env(float[] input, double[] membrane, boolean[] spikes) {
    }

    public IafTask(IafConfig cfg, EnuSpec cell) {
        super("iaf", checked(cell), cfg.environments(), cfg.steps());
        this.cfg = cfg;
    }

    private static EnuSpec checked(EnuSpec cell) {
        if (cell.inputs() != 1) {
            throw new IllegalArgumentException("the IAF cell has exactly 1 input channel, got " + cell.inputs());
        }
        return cell;
    }

    public IafConfig config() {
        return cfg;
    }

    /** The graded input of one environment. */
    public float[] input(long envKey) {
        KeyedRandom rnd = new KeyedRandom(envKey);
        float[] x = new float[cfg.steps()];
        int quarter = -1;
        int mult = 1;
        for (int t = 0; t < x.length; t++) {
            int q = (int) ((long) t * 4 / x.length);
            if (q != quarter) {
                quarter = q;
                mult = 1 + rnd.nextInt(cfg.maxMultiplier());
            }
            x[t] = (float) (rnd.uniform(cfg.inputLow(), cfg.inputHigh()) * mult);
        }
        return x;
    }

    @Override
    public Env environment(long envKey) {
        float[] x = input(envKey);
        double[] membrane = new double[x.length];
        boolean[] spikes = IntegrateAndFire.simulate(x, cfg.threshold(), membrane);
        return new Env(x, membrane, spikes);
    }

    @Override
    protected void inputs(Env env, int t, float[] x, int off) {
        x[off] = env.input()[t];
    }

    @Override
    protected double loss(Env env, float[] y) {
        return cfg.loss().equals("isi") ? isiLoss(env.spikes(), y) : spikeDistanceLoss(env.spikes(), y);
    }

    /**
     * The paper's loss: per step (cT − cE)² with cT, cE the steps since the last target and ENU
     * spike, plus (y − 1)² on ENU spike steps.
     */
    double isiLoss(boolean[] target, float[] y) {
        double sum = 0;
        int sinceTarget = 0;
        int sinceEnu = 0;
        for (int t = 0; t < y.length; t++) {
            boolean enuSpike = y[t] > cfg.spikeLevel();
            sinceTarget = target[t] ? 0 : sinceTarget + 1;
            sinceEnu = enuSpike ? 0 : sinceEnu + 1;
            double d = sinceTarget - sinceEnu;
            sum += d * d;
            if (enuSpike) {
                sum += (y[t] - 1.0) * (y[t] - 1.0);
            }
        }
        return sum;
    }

    /**
     * The spike-distance loss: every target spike costs min(d, C)² with d the distance in steps to
     * the nearest ENU spike (C when there is none), every ENU spike min(d, C)² with d the distance
     * to the nearest target spike, and every ENU spike (y − 1)² as in the paper. An aligned spike
     * costs nothing, a spike one step off 2, a missing or extra one C²: each spike counts the same,
     * whatever the firing rate.
     */
    double spikeDistanceLoss(boolean[] target, float[] y) {
        int n = y.length;
        int cap = cfg.distanceCap();
        boolean[] enu = spikes(y);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (target[t]) {
                double d = nearest(enu, t, cap);
                sum += d * d;
            }
            if (enu[t]) {
                double d = nearest(target, t, cap);
                sum += d * d + (y[t] - 1.0) * (y[t] - 1.0);
            }
        }
        return sum;
    }

    /** Distance from step t to the nearest spike of a train, at most cap. */
    private static int nearest(boolean[] train, int t, int cap) {
        for (int d = 0; d < cap; d++) {
            if ((t - d >= 0 && train[t - d]) || (t + d < train.length && train[t + d])) {
                return d;
            }
        }
        return cap;
    }

    /** The ENU's spike train: output channel 0 above the spike level. */
    public boolean[] spikes(float[] y) {
        boolean[] s = new boolean[y.length];
        for (int t = 0; t < s.length; t++) {
            s[t] = y[t] > cfg.spikeLevel();
        }
        return s;
    }

    /** Random trains per environment behind the chance level of the spike-time F1. */
    static final int CHANCE_DRAWS = 32;

    @Override
    public LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys) {
        Episodes ep = play(params, envKeys);
        SpikeMetrics.Counts exact = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts counts = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts chanceExact = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts chance = new SpikeMetrics.Counts(0, 0, 0);
        double isiErr = 0;
        for (int e = 0; e < envKeys.length; e++) {
            boolean[] enu = spikes(ep.output(e));
            boolean[] target = ep.env(e).spikes();
            exact = exact.plus(SpikeMetrics.match(enu, target, 0));
            counts = counts.plus(SpikeMetrics.match(enu, target, 1));
            isiErr += Math.abs(SpikeMetrics.meanInterval(enu) - SpikeMetrics.meanInterval(target));
            // chance: trains with the ENU's spike count at uniformly random steps, on the same input
            KeyedRandom rnd = new KeyedRandom(envKeys[e] ^ 0x6368616e6365L);
            int k = SpikeMetrics.count(enu);
            for (int r = 0; r < CHANCE_DRAWS; r++) {
                boolean[] random = SpikeMetrics.randomTrain(enu.length, k, rnd);
                chanceExact = chanceExact.plus(SpikeMetrics.match(random, target, 0));
                chance = chance.plus(SpikeMetrics.match(random, target, 1));
            }
        }
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("spike_f1", counts.f1());
        m.put("spike_f1_chance", chance.f1());
        m.put("spike_f1_corrected", SpikeMetrics.corrected(counts.f1(), chance.f1()));
        m.put("spike_f1_exact", exact.f1());
        m.put("spike_f1_exact_chance", chanceExact.f1());
        m.put("spike_f1_exact_corrected", SpikeMetrics.corrected(exact.f1(), chanceExact.f1()));
        m.put("spike_precision", counts.precision());
        m.put("spike_recall", counts.recall());
        m.put("isi_error", isiErr / envKeys.length);
        m.put("enu_spikes", (double) counts.predicted() / envKeys.length);
        m.put("target_spikes", (double) counts.target() / envKeys.length);
        m.put("fitness", ep.fitness());
        return m;
    }

    @Override
    public LinkedHashMap<String, String> metricDescriptions() {
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        d.put("spike_f1", "spike-time F1, one-to-one matching within +-1 step (higher is better, 1 = perfect)");
        d.put("spike_f1_chance", "F1 (+-1) of random trains with the ENU's spike count per environment (chance level)");
        d.put("spike_f1_corrected", "(F1 - chance) / (1 - chance), +-1 step (0 = chance, 1 = perfect)");
        d.put("spike_f1_exact", "spike-time F1 with exact timing (+-0 steps)");
        d.put("spike_f1_exact_chance", "F1 (+-0) of random trains with the ENU's spike count (chance level)");
        d.put("spike_f1_exact_corrected", "(F1 - chance) / (1 - chance), +-0 steps");
        d.put("spike_precision", "fraction of ENU spikes matched to a target spike, +-1 (higher is better)");
        d.put("spike_recall", "fraction of target spikes matched by an ENU spike, +-1 (higher is better)");
        d.put("isi_error", "|mean ISI of ENU - mean ISI of target| in steps, per environment (lower is better)");
        d.put("enu_spikes", "ENU spikes per episode");
        d.put("target_spikes", "target spikes per episode");
        d.put("fitness", "the training fitness on these environments (higher is better)");
        return d;
    }

    /** The target's potential at step t before a reset: the value compared with the threshold. */
    static double potential(Env env, int t) {
        return (t > 0 ? env.membrane()[t - 1] : 0) + env.input()[t];
    }

    /** The memory cell whose value best tracks the target's potential, and its correlation. */
    public record MemoryMatch(int cell, double correlation) {
    }

    /**
     * The memory cell whose value correlates most strongly (|Pearson r|, all steps of the episodes
     * pooled) with the target neuron's potential before the reset ({@code target_potential}: on a
     * spike step the value that crossed the threshold, as an ENU cell holds it until its own spike
     * resets it on the next step); r keeps its sign.
     */
    public MemoryMatch bestMemoryCell(float[] params, long[] envKeys) {
        int h = spec.memory();
        double[] sx = new double[h];
        double[] sxx = new double[h];
        double[] sxv = new double[h];
        double sv = 0;
        double svv = 0;
        long n = 0;
        for (long key : envKeys) {
            EpisodeTrace tr = trace(params, key);
            double[] v = tr.column("target_potential");
            for (int j = 0; j < h; j++) {
                double[] m = tr.column("mem" + j);
                for (int t = 0; t < v.length; t++) {
                    sx[j] += m[t];
                    sxx[j] += m[t] * m[t];
                    sxv[j] += m[t] * v[t];
                }
            }
            for (double x : v) {
                sv += x;
                svv += x * x;
            }
            n += v.length;
        }
        int best = 0;
        double bestR = 0;
        double varV = svv - sv * sv / n;
        for (int j = 0; j < h; j++) {
            double varX = sxx[j] - sx[j] * sx[j] / n;
            double cov = sxv[j] - sx[j] * sv / n;
            double r = varX > 1e-12 && varV > 1e-12 ? cov / Math.sqrt(varX * varV) : 0;
            if (Math.abs(r) > Math.abs(bestR)) {
                best = j;
                bestR = r;
            }
        }
        return new MemoryMatch(best, bestR);
    }

    @Override
    protected List<String> traceColumns() {
        return List.of("input", "target_membrane", "target_potential", "target_spike");
    }

    @Override
    protected double[] traceValues(Env env, int t) {
        return new double[] {env.input()[t], env.membrane()[t], potential(env, t), env.spikes()[t] ? 1 : 0};
    }

    @Override
    public List<List<String>> tracePanels(EpisodeTrace trace) {
        return List.of(List.of("input"), List.of("target_membrane"), List.of("target_spike", "out0"));
    }
}
