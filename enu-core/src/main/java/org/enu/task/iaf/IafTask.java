package org.enu.task.iaf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.enu.analysis.SpikeMetrics;
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
 * Mimic an Integrate-and-Fire neuron (paper section 4.4, Fig. 6). One ENU receives a graded input
 * on its single channel: U(inputLow, inputHigh) per step times an integer 1..maxMultiplier drawn
 * anew for each quarter of the episode. Its output channel 0 should spike when the target
 * {@link IntegrateAndFire} neuron does.
 *
 * <p>Loss per step, with cT and cE the steps since the last target and ENU spike (0 at the episode
 * start and on a spike step): (cT − cE)² , plus (y − 1)² on steps where the ENU spikes
 * (output above spikeLevel). Fitness = −(mean loss over steps and environments). Optimising the
 * inter-spike intervals rather than the squared error of the output lets a near miss score better
 * than no spike at all.
 */
public final class IafTask implements Task {
    private final IafConfig cfg;
    private final EnuSpec spec;
    private final GenomeLayout layout;

    public IafTask(IafConfig cfg, EnuSpec cell) {
        if (cell.inputs() != 1) {
            throw new IllegalArgumentException("the IAF cell has exactly 1 input channel, got " + cell.inputs());
        }
        this.cfg = cfg;
        this.spec = cell;
        this.layout = GenomeLayout.of(new String[] {"cell"}, new EnuSpec[] {cell});
    }

    public IafConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return "iaf";
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
    public Rollout newRollout() {
        return new Episodes();
    }

    @Override
    public LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys) {
        Episodes ep = new Episodes();
        ep.run(params, envKeys, null);
        SpikeMetrics.Counts counts = new SpikeMetrics.Counts(0, 0, 0);
        double isiErr = 0;
        double enuSpikes = 0;
        double targetSpikes = 0;
        for (int e = 0; e < envKeys.length; e++) {
            boolean[] enu = ep.enuSpikes(e);
            boolean[] target = ep.target[e];
            counts = counts.plus(SpikeMetrics.match(enu, target, 1));
            isiErr += Math.abs(SpikeMetrics.meanInterval(enu) - SpikeMetrics.meanInterval(target));
        }
        enuSpikes = (double) counts.predicted() / envKeys.length;
        targetSpikes = (double) counts.target() / envKeys.length;
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("spike_f1", counts.f1());
        m.put("spike_precision", counts.precision());
        m.put("spike_recall", counts.recall());
        m.put("isi_error", isiErr / envKeys.length);
        m.put("enu_spikes", enuSpikes);
        m.put("target_spikes", targetSpikes);
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
    public EpisodeTrace trace(float[] params, long envKey) {
        List<String> cols = new ArrayList<>(List.of("step", "input", "target_membrane", "target_spike"));
        for (int c = 0; c < spec.outputs(); c++) {
            cols.add("out" + c);
        }
        cols.add("enu_spike");
        EpisodeTrace trace = new EpisodeTrace(cols);
        Episodes ep = new Episodes();
        double[] membrane = new double[cfg.steps()];
        float[] x = input(envKey);
        IntegrateAndFire.simulate(x, cfg.threshold(), membrane);
        ep.run(params, new long[] {envKey}, (t, batch) -> {
            double[] row = new double[cols.size()];
            row[0] = t;
            row[1] = x[t];
            row[2] = membrane[t];
            row[3] = ep.target[0][t] ? 1 : 0;
            for (int c = 0; c < spec.outputs(); c++) {
                row[4 + c] = batch.output(0, c);
            }
            row[4 + spec.outputs()] = batch.output(0, 0) > cfg.spikeLevel() ? 1 : 0;
            trace.add(row);
        });
        return trace;
    }

    @Override
    public List<List<String>> tracePanels(EpisodeTrace trace) {
        return List.of(List.of("input"), List.of("target_membrane"), List.of("target_spike", "out0"));
    }

    private interface StepObserver {
        void afterStep(int t, EnuBatch batch);
    }

    /** Scratch and state for playing episodes; reuses the inputs while the keys stay the same. */
    private final class Episodes implements Rollout {
        private final EnuWeights weights = new EnuWeights(spec);
        private EnuBatch batch;
        private long[] keys = new long[0];
        private float[][] input;
        private boolean[][] target;
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

        boolean[] enuSpikes(int e) {
            boolean[] s = new boolean[cfg.steps()];
            for (int t = 0; t < s.length; t++) {
                s[t] = y[e][t] > cfg.spikeLevel();
            }
            return s;
        }

        private void prepare(long[] envKeys) {
            if (Arrays.equals(envKeys, keys)) {
                return;
            }
            int m = envKeys.length;
            keys = envKeys.clone();
            input = new float[m][];
            target = new boolean[m][];
            for (int e = 0; e < m; e++) {
                input[e] = input(envKeys[e]);
                target[e] = IntegrateAndFire.simulate(input[e], cfg.threshold(), null);
            }
            if (batch == null || batch.rows != m) {
                batch = new EnuBatch(spec, m);
                y = new float[m][cfg.steps()];
                x = new float[m];
            }
        }

        void run(float[] params, long[] envKeys, StepObserver observer) {
            prepare(envKeys);
            int m = envKeys.length;
            weights.pack(params, 0);
            batch.reset();
            int T = cfg.steps();
            double sum = 0;
            int[] sinceTarget = new int[m];
            int[] sinceEnu = new int[m];
            for (int t = 0; t < T; t++) {
                for (int e = 0; e < m; e++) {
                    x[e] = input[e][t];
                }
                EnuKernel.step(weights, batch, x, 0, 1, null);
                for (int e = 0; e < m; e++) {
                    float out = batch.o[e * batch.oStride];
                    y[e][t] = out;
                    boolean enuSpike = out > cfg.spikeLevel();
                    sinceTarget[e] = target[e][t] ? 0 : sinceTarget[e] + 1;
                    sinceEnu[e] = enuSpike ? 0 : sinceEnu[e] + 1;
                    double d = sinceTarget[e] - sinceEnu[e];
                    sum += d * d;
                    if (enuSpike) {
                        sum += (out - 1.0) * (out - 1.0);
                    }
                }
                if (observer != null) {
                    observer.afterStep(t, batch);
                }
            }
            loss = sum / ((double) T * m);
        }
    }
}
