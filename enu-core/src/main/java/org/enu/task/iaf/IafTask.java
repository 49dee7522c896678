package org.enu.task.iaf;

import java.util.List;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.SingleEnuTask;

/**
 * Mimic an Integrate-and-Fire neuron (paper section 4.4, Fig. 6). One ENU receives a graded input
 * on its single channel: U(inputLow, inputHigh) per step times an integer 1..maxMultiplier drawn
 * anew for each quarter of the episode (each of {@link IafConfig#segments()} segments). Its output channel 0 should spike when the target
 * {@link IntegrateAndFire} neuron does.
 *
 * <p>Loss per step, with cT and cE the steps since the last target and ENU spike (0 at the episode
 * start and on a spike step): (cT − cE)², plus (y − 1)² on steps where the ENU spikes
 * (output above spikeLevel). Fitness = −(mean loss over steps and environments). Optimising the
 * inter-spike intervals rather than the squared error of the output lets a near miss score better
 * than no spike at all.
 */
public final class IafTask extends SingleEnuTask<IafTask.Env, IafConfig> {
    /**
     * One environment: its input, the target neuron's potential and spikes, and whether the ENU is
     * teacher-forced in it ({@link IafConfig#teacherForcing()}).
     */
    public record Env(float[] input, double[] membrane, boolean[] spikes, boolean forced) {
    }

    /** The cell's input channels: the graded input. */
    public static final int INPUTS = 1;

    public IafTask(IafConfig cfg, EnuSpec cell) {
        super("iaf", cfg, cell, INPUTS, cfg.environments(), cfg.steps());
    }

    /** The graded input of one environment. */
    public float[] input(long envKey) {
        KeyedRandom rnd = new KeyedRandom(envKey);
        float[] x = new float[cfg.steps()];
        int quarter = -1;
        int mult = 1;
        for (int t = 0; t < x.length; t++) {
            int q = (int) ((long) t * cfg.segments() / x.length);
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
        boolean forced = cfg.teacherForcing() > 0
                && new KeyedRandom(envKey ^ 0x7465616368L).nextDouble() < cfg.teacherForcing();
        return new Env(x, membrane, spikes, forced);
    }

    /** This task without teacher forcing (as evaluations and traces play it); this one when it has none. */
    public IafTask withoutTeacherForcing() {
        if (cfg.teacherForcing() == 0) {
            return this;
        }
        return new IafTask(cfg.withTeacherForcing(0), spec);
    }

    @Override
    protected boolean forcesOutput() {
        return cfg.teacherForcing() > 0;
    }

    @Override
    protected float forcedOutput(Env env, int t) {
        return env.forced() ? (env.spikes()[t] ? 1f : 0f) : Float.NaN;
    }

    @Override
    protected void inputs(Env env, int t, float[] x, int off) {
        x[off] = env.input()[t];
    }

    @Override
    protected boolean usesPreactivation() {
        return cfg.marginWeight() > 0 || cfg.potentialWeight() > 0;
    }

    @Override
    protected double loss(Env env, float[] y, float[] pre) {
        double l = loss(env, y);
        if (pre == null) {
            return l;
        }
        if (cfg.marginWeight() > 0) {
            l += cfg.marginWeight() * marginLoss(env.spikes(), pre);
        }
        if (cfg.potentialWeight() > 0) {
            l += cfg.potentialWeight() * potentialLoss(env, y, pre);
        }
        return l;
    }

    /**
     * Σ ((θ − v_t)/θ)² over the ENU's spikes with v_t below θ (early), plus ((v_t − θ)/θ)² at each
     * step where v_t first reaches θ without an ENU spike (late); v_t the input summed since the
     * ENU's own last reset, as in {@link #potentialLoss} (the target's resets when teacher-forced).
     */
    double consistencyLoss(Env env, float[] y) {
        double theta = cfg.threshold();
        float[] x = env.input();
        double[] carried = sinceOwnReset(env, y);
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double before = carried[t];
            double v = before + x[t];
            boolean spike = y[t] > cfg.spikeLevel();
            if (spike && v < theta) {
                sum += sq((theta - v) / theta);
            } else if (!spike && v >= theta && before < theta) {
                sum += sq((v - theta) / theta);
            }
        }
        return sum;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** The spike level in pre-activation units: spikeLevel / 1000 with spike output, else spikeLevel. */
    private double preLevel() {
        return cfg.spikeLevel() / (spec.spikeOutput() ? org.enu.cell.EnuSpec.SPIKE_SCALE : 1.0);
    }

    /**
     * Σ_t ((u_t − s·(v_t − θ)/θ) / s)², u_t = pre_t − the spike level in pre-activation units, s the
     * potential scale, v_t the potential an exact IAF neuron would have at step t (before its reset)
     * had it restarted where this ENU did: the input summed since the ENU's last reset, a step
     * after which it saw a spike as its previous output (its own spike, y > spike level; or, when
     * teacher-forced, the target's). So an early or late spike costs its own step, not every later
     * one; the term is zero exactly when the pre-activation is that line. A step whose v_t lies
     * within potentialBand·θ of θ weighs 1 + potentialFocus; with potentialTiming r > 0 every step's
     * weight is also multiplied by 1 + (r / x_t)² (a potential error costs about 1 / x_t steps).
     */
    double potentialLoss(Env env, float[] y, float[] pre) {
        double level = preLevel();
        double s = cfg.potentialScale();
        double theta = cfg.threshold();
        float[] x = env.input();
        double[] carried = sinceOwnReset(env, y);
        double band = cfg.potentialBand() * theta;
        double focus = 1 + cfg.potentialFocus();
        double timing = cfg.potentialTiming();
        double sum = 0;
        for (int t = 0; t < pre.length; t++) {
            double v = carried[t] + x[t];
            double d = ((pre[t] - level) - s * (v - theta) / theta) / s;
            double weight = Math.abs(v - theta) <= band ? focus : 1;
            if (timing > 0) {
                double q = timing / Math.max(x[t], 1e-6);
                weight *= 1 + q * q;
            }
            sum += weight * d * d;
        }
        return sum;
    }

    /**
     * The input summed since the ENU's last reset, before step t's own input: the potential an IAF
     * neuron carries into step t had it restarted where the ENU did. A reset follows every step whose
     * output is above the spike level (the target's spike steps when the environment is
     * teacher-forced). The potential and consistency terms and the own-potential metrics use it.
     */
    public double[] sinceOwnReset(Env env, float[] y) {
        float[] x = env.input();
        double[] carried = new double[y.length];
        double v = 0;
        for (int t = 0; t < y.length; t++) {
            carried[t] = v;
            v += x[t];
            if (env.forced() ? env.spikes()[t] : y[t] > cfg.spikeLevel()) {
                v = 0;
            }
        }
        return carried;
    }

    /**
     * Σ_t relu(μ − u_t)² on the target's spike steps and relu(u_t + μ)² elsewhere, u_t = pre_t − the
     * spike level in pre-activation units (spikeLevel / 1000 with spike output, else spikeLevel).
     */
    double marginLoss(boolean[] target, float[] pre) {
        double level = preLevel();
        double mu = cfg.margin();
        double sum = 0;
        for (int t = 0; t < pre.length; t++) {
            double u = pre[t] - level;
            double v = target[t] ? Math.max(0, mu - u) : Math.max(0, u + mu);
            sum += v * v;
        }
        return sum;
    }

    @Override
    protected double loss(Env env, float[] y) {
        double l = switch (cfg.loss()) {
            case ISI -> isiLoss(env.spikes(), y);
            case SPIKE_DISTANCE -> spikeDistanceLoss(env.spikes(), y);
            case NONE -> 0;
        };
        if (cfg.consistencyWeight() > 0) {
            l += cfg.consistencyWeight() * consistencyLoss(env, y);
        }
        return cfg.traceWeight() > 0 ? l + cfg.traceWeight() * traceLoss(env.spikes(), y) : l;
    }

    /** Σ_t (y_t − s_t)² with s_t 1 at the target's spike steps, 0 elsewhere. */
    static double traceLoss(boolean[] target, float[] y) {
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double d = y[t] - (target[t] ? 1.0 : 0.0);
            sum += d * d;
        }
        return sum;
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

    /** The target's potential at step t before a reset: the value compared with the threshold. */
    static double potential(Env env, int t) {
        return (t > 0 ? env.membrane()[t - 1] : 0) + env.input()[t];
    }

    @Override
    protected List<String> traceColumns() {
        return List.of("input", "target_membrane", "target_potential", "target_spike");
    }

    @Override
    protected double[] traceValues(Env env, int t) {
        return new double[] {env.input()[t], env.membrane()[t], potential(env, t), env.spikes()[t] ? 1 : 0};
    }
}
