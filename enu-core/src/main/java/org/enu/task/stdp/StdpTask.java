package org.enu.task.stdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
import org.enu.cell.EnuSpec;
import org.enu.cell.EnuWeights;
import org.enu.rng.KeyedRandom;
import org.enu.task.EpisodeTrace;
import org.enu.task.GenomeLayout;
import org.enu.task.Rollout;
import org.enu.task.Task;

/**
 * Evolve a (neuromodulated) spike-timing-dependent plasticity rule (paper section 4.4, Fig. 7).
 * One ENU gets 4 input channels: a graded potential U(gradedLow, gradedHigh) per step, the
 * presynaptic spike (1 at t_pre), the postsynaptic back-propagating spike (1 at t_post), and the
 * neuromodulator (0 or 1 for the whole episode, present with probability modulatorRate). Its
 * output channel 0 should equal {@link StdpRule#target}: the graded potential times a weight
 * that STDP changes once, after the later spike. Spike times are N(spikeMean, spikeStd) rounded
 * and clipped to the episode, never equal. Fitness = −(mean squared error over steps and
 * environments).
 */
public final class StdpTask implements Task {
    private final StdpConfig cfg;
    private final EnuSpec spec;
    private final GenomeLayout layout;

    /** One environment: its inputs and the target rule's parameters. */
    public record Episode(float[] graded, int tPre, int tPost, float modulator) {
        /** dt = t_post − t_pre. */
        public int dt() {
            return tPost - tPre;
        }
    }

    public StdpTask(StdpConfig cfg, EnuSpec cell) {
        if (cell.inputs() != 4) {
            throw new IllegalArgumentException("the STDP cell has exactly 4 input channels, got " + cell.inputs());
        }
        this.cfg = cfg;
        this.spec = cell;
        this.layout = GenomeLayout.of(new String[] {"cell"}, new EnuSpec[] {cell});
    }

    public StdpConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return "stdp";
    }

    @Override
    public GenomeLayout layout() {
        return layout;
    }

    @Override
    public int environments() {
        return cfg.environments();
    }

    @Override
    public long enuStepsPerEpisode() {
        return cfg.steps();
    }

    @Override
    public double flopsPerEpisode() {
        return (double) cfg.steps() * spec.flopsPerStep();
    }

    /** The environment named by a key. */
    public Episode episode(long envKey) {
        KeyedRandom rnd = new KeyedRandom(envKey);
        float[] graded = new float[cfg.steps()];
        for (int t = 0; t < graded.length; t++) {
            graded[t] = (float) rnd.uniform(cfg.gradedLow(), cfg.gradedHigh());
        }
        int tPre = spikeTime(rnd);
        int tPost = spikeTime(rnd);
        for (int attempt = 0; tPost == tPre && attempt < 100; attempt++) {
            tPost = spikeTime(rnd);
        }
        if (tPost == tPre) { // only with a tiny spike_std: move one step, inside the episode
            tPost = tPre + 1 < cfg.steps() ? tPre + 1 : tPre - 1;
        }
        float modulator = rnd.bernoulli(cfg.modulatorRate()) ? 1f : 0f;
        return new Episode(graded, tPre, tPost, modulator);
    }

    private int spikeTime(KeyedRandom rnd) {
        long t = Math.round(cfg.spikeMean() + cfg.spikeStd() * rnd.nextGaussian());
        return (int) Math.max(0, Math.min(cfg.steps() - 1, t));
    }

    /** The target output of an environment. */
    public double[] target(Episode e) {
        return StdpRule.target(e.graded(), e.tPre(), e.tPost(), e.modulator(), cfg.modulated(), cfg.amplitude(),
                cfg.tau());
    }

    /** Input channel c of an environment at step t. */
    static float input(Episode e, int t, int c) {
        switch (c) {
            case 0: return e.graded()[t];
            case 1: return t == e.tPre() ? 1f : 0f;
            case 2: return t == e.tPost() ? 1f : 0f;
            default: return e.modulator();
        }
    }

    /**
     * The relative change of the mean of a trace after the weight change versus before it (the
     * STDP curve of Fig. 7): mean(y[from..]) / mean(y[..from)) − 1, with from one step after the
     * later spike; NaN when the change falls outside the episode. A mean before of (almost) zero
     * counts as no change.
     */
    public static double relativeChange(double[] y, int from) {
        if (from <= 0 || from >= y.length) {
            return Double.NaN;
        }
        double before = 0;
        double after = 0;
        for (int t = 0; t < from; t++) {
            before += y[t];
        }
        for (int t = from; t < y.length; t++) {
            after += y[t];
        }
        before /= from;
        after /= y.length - from;
        return Math.abs(before) < 1e-6 ? 0.0 : after / before - 1;
    }

    /** One point of the STDP curve: an environment's dt, modulator, and the rule's and the ENU's change. */
    public record CurvePoint(int dt, boolean modulator, double rule, double enu) {
    }

    /** The STDP curve points of a genome over environments (those whose change lies inside the episode). */
    public List<CurvePoint> curve(float[] params, long[] envKeys) {
        Episodes ep = new Episodes();
        ep.run(params, envKeys, null);
        List<CurvePoint> pts = new ArrayList<>();
        for (int e = 0; e < envKeys.length; e++) {
            Episode x = ep.episodes[e];
            int from = StdpRule.changeStep(x.tPre(), x.tPost());
            double rule = relativeChange(ep.target[e], from);
            if (Double.isNaN(rule)) {
                continue;
            }
            double[] y = new double[cfg.steps()];
            for (int t = 0; t < y.length; t++) {
                y[t] = ep.y[e][t];
            }
            pts.add(new CurvePoint(x.dt(), x.modulator() > 0, rule, relativeChange(y, from)));
        }
        return pts;
    }

    @Override
    public Rollout newRollout() {
        return new Episodes();
    }

    @Override
    public LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys) {
        Episodes ep = new Episodes();
        ep.run(params, envKeys, null);
        double mse = -ep.fitness();
        List<CurvePoint> pts = curve(params, envKeys);
        List<Double> enuOn = new ArrayList<>();
        List<Double> ruleOn = new ArrayList<>();
        double absOn = 0;
        double absOff = 0;
        int nOn = 0;
        int nOff = 0;
        for (CurvePoint p : pts) {
            boolean on = p.modulator() || !cfg.modulated();
            if (on) {
                enuOn.add(p.enu());
                ruleOn.add(p.rule());
            }
            if (p.modulator()) {
                absOn += Math.abs(p.enu());
                nOn++;
            } else {
                absOff += Math.abs(p.enu());
                nOff++;
            }
        }
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("mse", mse);
        m.put("curve_correlation", pearson(enuOn, ruleOn));
        double meanOn = nOn == 0 ? Double.NaN : absOn / nOn;
        double meanOff = nOff == 0 ? Double.NaN : absOff / nOff;
        m.put("gating_ratio", meanOn > 0 ? meanOff / meanOn : Double.NaN);
        m.put("mean_abs_change_with_nm", meanOn);
        m.put("mean_abs_change_without_nm", meanOff);
        m.put("fitness", ep.fitness());
        return m;
    }

    @Override
    public LinkedHashMap<String, String> metricDescriptions() {
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        d.put("mse", "mean squared error between the ENU's output and the rule's target (lower is better)");
        d.put("curve_correlation", "Pearson r between the ENU's and the rule's relative output change, neuromodulator present (higher is better)");
        d.put("gating_ratio", "mean |change| without neuromodulator / with it (lower is better when modulated; the rule's is 0)");
        d.put("mean_abs_change_with_nm", "mean |relative change| of the ENU's output, neuromodulator present");
        d.put("mean_abs_change_without_nm", "mean |relative change| of the ENU's output, neuromodulator absent");
        d.put("fitness", "the training fitness on these environments (higher is better)");
        return d;
    }

    /** Pearson correlation; 0 when either series is constant (no linear relation to measure). */
    static double pearson(List<Double> a, List<Double> b) {
        int n = a.size();
        if (n < 2) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a.get(i);
            mb += b.get(i);
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a.get(i) - ma;
            double db = b.get(i) - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab / Math.sqrt(saa * sbb);
    }

    @Override
    public EpisodeTrace trace(float[] params, long envKey) {
        List<String> cols = new ArrayList<>(List.of("step", "graded", "pre_spike", "post_spike", "neuromodulator",
                "target"));
        for (int c = 0; c < spec.outputs(); c++) {
            cols.add("out" + c);
        }
        EpisodeTrace trace = new EpisodeTrace(cols);
        Episodes ep = new Episodes();
        ep.run(params, new long[] {envKey}, (t, batch) -> {
            double[] row = new double[cols.size()];
            row[0] = t;
            for (int c = 0; c < 4; c++) {
                row[1 + c] = input(ep.episodes[0], t, c);
            }
            row[5] = ep.target[0][t];
            for (int c = 0; c < spec.outputs(); c++) {
                row[6 + c] = batch.output(0, c);
            }
            trace.add(row);
        });
        return trace;
    }

    @Override
    public List<List<String>> tracePanels(EpisodeTrace trace) {
        return List.of(List.of("pre_spike", "post_spike", "neuromodulator"), List.of("graded"),
                List.of("target", "out0"));
    }

    private interface StepObserver {
        void afterStep(int t, EnuBatch batch);
    }

    /** Scratch and state for playing episodes; reuses the inputs while the keys stay the same. */
    private final class Episodes implements Rollout {
        private final EnuWeights weights = new EnuWeights(spec);
        private EnuBatch batch;
        private long[] keys = new long[0];
        private Episode[] episodes;
        private double[][] target;
        private float[][] y;
        private float[] x;
        private double loss;

        @Override
        public double fitness(float[] params, long[] envKeys) {
            run(params, envKeys, null);
            return fitness();
        }

        double fitness() {
            return -loss;
        }

        private void prepare(long[] envKeys) {
            if (Arrays.equals(envKeys, keys)) {
                return;
            }
            int m = envKeys.length;
            keys = envKeys.clone();
            episodes = new Episode[m];
            target = new double[m][];
            for (int e = 0; e < m; e++) {
                episodes[e] = episode(envKeys[e]);
                target[e] = target(episodes[e]);
            }
            if (batch == null || batch.rows != m) {
                batch = new EnuBatch(spec, m);
                y = new float[m][cfg.steps()];
                x = new float[m * 4];
            }
        }

        void run(float[] params, long[] envKeys, StepObserver observer) {
            prepare(envKeys);
            int m = envKeys.length;
            weights.pack(params, 0);
            batch.reset();
            int T = cfg.steps();
            double sum = 0;
            for (int t = 0; t < T; t++) {
                for (int e = 0; e < m; e++) {
                    Episode ep = episodes[e];
                    x[4 * e] = ep.graded()[t];
                    x[4 * e + 1] = t == ep.tPre() ? 1f : 0f;
                    x[4 * e + 2] = t == ep.tPost() ? 1f : 0f;
                    x[4 * e + 3] = ep.modulator();
                }
                EnuKernel.step(weights, batch, x, 0, 4, null);
                for (int e = 0; e < m; e++) {
                    float out = batch.o[e * batch.oStride];
                    y[e][t] = out;
                    double d = target[e][t] - out;
                    sum += d * d;
                }
                if (observer != null) {
                    observer.afterStep(t, batch);
                }
            }
            loss = sum / ((double) T * m);
        }
    }
}
