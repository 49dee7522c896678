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
        double sum = 0;
        int sinceTarget = 0;
        int sinceEnu = 0;
        for (int t = 0; t < y.length; t++) {
            boolean enuSpike = y[t] > cfg.spikeLevel();
            sinceTarget = env.spikes()[t] ? 0 : sinceTarget + 1;
            sinceEnu = enuSpike ? 0 : sinceEnu + 1;
            double d = sinceTarget - sinceEnu;
            sum += d * d;
            if (enuSpike) {
                sum += (y[t] - 1.0) * (y[t] - 1.0);
            }
        }
        return sum;
    }

    /** The ENU's spike train: output channel 0 above the spike level. */
    private boolean[] spikes(float[] y) {
        boolean[] s = new boolean[y.length];
        for (int t = 0; t < s.length; t++) {
            s[t] = y[t] > cfg.spikeLevel();
        }
        return s;
    }

    @Override
    public LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys) {
        Episodes ep = play(params, envKeys);
        SpikeMetrics.Counts counts = new SpikeMetrics.Counts(0, 0, 0);
        double isiErr = 0;
        for (int e = 0; e < envKeys.length; e++) {
            boolean[] enu = spikes(ep.output(e));
            boolean[] target = ep.env(e).spikes();
            counts = counts.plus(SpikeMetrics.match(enu, target, 1));
            isiErr += Math.abs(SpikeMetrics.meanInterval(enu) - SpikeMetrics.meanInterval(target));
        }
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("spike_f1", counts.f1());
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
        d.put("spike_precision", "fraction of ENU spikes matched to a target spike (higher is better)");
        d.put("spike_recall", "fraction of target spikes matched by an ENU spike (higher is better)");
        d.put("isi_error", "|mean ISI of ENU - mean ISI of target| in steps, per environment (lower is better)");
        d.put("enu_spikes", "ENU spikes per episode");
        d.put("target_spikes", "target spikes per episode");
        d.put("fitness", "the training fitness on these environments (higher is better)");
        return d;
    }

    @Override
    protected List<String> traceColumns() {
        return List.of("input", "target_membrane", "target_spike");
    }

    @Override
    protected double[] traceValues(Env env, int t) {
        return new double[] {env.input()[t], env.membrane()[t], env.spikes()[t] ? 1 : 0};
    }

    @Override
    public List<List<String>> tracePanels(EpisodeTrace trace) {
        return List.of(List.of("input"), List.of("target_membrane"), List.of("target_spike", "out0"));
    }
}
