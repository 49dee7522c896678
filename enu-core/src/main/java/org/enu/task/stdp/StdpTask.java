package org.enu.task.stdp;

import java.util.ArrayList;
import java.util.List;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.SingleEnuTask;

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
public final class StdpTask extends SingleEnuTask<StdpTask.Episode, StdpConfig> {
    /** One environment: its inputs, the target rule's parameters and the target output. */
    public record Episode(float[] graded, int tPre, int tPost, float modulator, double[] target) {
        /** dt = t_post − t_pre. */
        public int dt() {
            return tPost - tPre;
        }
    }

    /** The cell's input channels: graded potential, pre- and postsynaptic spike, neuromodulator. */
    public static final int INPUTS = 4;

    public StdpTask(StdpConfig cfg, EnuSpec cell) {
        super("stdp", cfg, cell, INPUTS, cfg.environments(), cfg.steps());
    }

    /** The environment named by a key. */
    public Episode episode(long envKey) {
        return environment(envKey);
    }

    @Override
    public Episode environment(long envKey) {
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
        double[] target = StdpRule.target(graded, tPre, tPost, modulator, cfg.modulated(), cfg.amplitude(), cfg.tau());
        return new Episode(graded, tPre, tPost, modulator, target);
    }

    private int spikeTime(KeyedRandom rnd) {
        long t = Math.round(cfg.spikeMean() + cfg.spikeStd() * rnd.nextGaussian());
        return (int) Math.max(0, Math.min(cfg.steps() - 1, t));
    }

    @Override
    protected void inputs(Episode e, int t, float[] x, int off) {
        x[off] = e.graded()[t];
        x[off + 1] = t == e.tPre() ? 1f : 0f;
        x[off + 2] = t == e.tPost() ? 1f : 0f;
        x[off + 3] = e.modulator();
    }

    @Override
    protected double loss(Episode e, float[] y) {
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double d = e.target()[t] - y[t];
            sum += d * d;
        }
        return sum;
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
        return curve(play(params, envKeys));
    }

    /** The STDP curve points of played episodes. */
    public List<CurvePoint> curve(Episodes ep) {
        List<CurvePoint> pts = new ArrayList<>();
        for (int e = 0; e < ep.size(); e++) {
            Episode x = ep.env(e);
            int from = StdpRule.changeStep(x.tPre(), x.tPost());
            double rule = relativeChange(x.target(), from);
            if (Double.isNaN(rule)) {
                continue;
            }
            double[] y = new double[cfg.steps()];
            for (int t = 0; t < y.length; t++) {
                y[t] = ep.output(e)[t];
            }
            pts.add(new CurvePoint(x.dt(), x.modulator() > 0, rule, relativeChange(y, from)));
        }
        return pts;
    }

    @Override
    protected List<String> traceColumns() {
        return List.of("graded", "pre_spike", "post_spike", "neuromodulator", "target");
    }

    @Override
    protected double[] traceValues(Episode e, int t) {
        return new double[] {e.graded()[t], t == e.tPre() ? 1 : 0, t == e.tPost() ? 1 : 0, e.modulator(), e.target()[t]};
    }
}
