package org.enu.task.iaf;

import java.util.ArrayList;
import java.util.List;
import org.enu.analysis.SpikeMetrics;
import org.enu.rng.KeyedRandom;
import org.enu.task.EpisodeTrace;
import org.enu.task.Metric;
import org.enu.task.SingleEnuReport;

/** The IAF task's report: spike-time metrics against chance, the memory cell that tracks the potential. */
public final class IafReport extends SingleEnuReport<IafTask> {
    /** Reports on the task as evaluations play it: free running, without teacher forcing. */
    public IafReport(IafTask task) {
        super(task.withoutTeacherForcing());
    }

    /** Random trains per environment behind the chance level of the spike-time F1. */
    static final int CHANCE_DRAWS = 32;

    @Override
    public List<Metric> metrics(float[] params, long[] envKeys) {
        var ep = task.play(params, envKeys);
        SpikeMetrics.Counts exact = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts counts = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts chanceExact = new SpikeMetrics.Counts(0, 0, 0);
        SpikeMetrics.Counts chance = new SpikeMetrics.Counts(0, 0, 0);
        double isiErr = 0;
        long early = 0;
        long late = 0;
        long enuSpikes = 0;
        double theta = task.config().threshold();
        for (int e = 0; e < envKeys.length; e++) {
            boolean[] enu = task.spikes(ep.output(e));
            boolean[] target = ep.env(e).spikes();
            // each ENU spike against the input summed since the ENU's own previous spike
            float[] x = ep.env(e).input();
            double[] carried = task.sinceOwnReset(ep.env(e), ep.output(e));
            for (int t = 0; t < enu.length; t++) {
                if (enu[t]) {
                    enuSpikes++;
                    early += carried[t] + x[t] < theta ? 1 : 0;
                    late += carried[t] >= theta ? 1 : 0;
                }
            }
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
        List<Metric> m = new ArrayList<>();
        m.add(Metric.higher("spike_f1", counts.f1(), "spike-time F1, one-to-one matching within +-1 step (higher is better, 1 = perfect)"));
        m.add(Metric.neither("spike_f1_chance", chance.f1(), "F1 (+-1) of random trains with the ENU's spike count per environment (chance level)"));
        m.add(Metric.higher("spike_f1_corrected", SpikeMetrics.corrected(counts.f1(), chance.f1()), "(F1 - chance) / (1 - chance), +-1 step (0 = chance, 1 = perfect)"));
        m.add(Metric.higher("spike_f1_exact", exact.f1(), "spike-time F1 with exact timing (+-0 steps)"));
        m.add(Metric.neither("spike_f1_exact_chance", chanceExact.f1(), "F1 (+-0) of random trains with the ENU's spike count (chance level)"));
        m.add(Metric.higher("spike_f1_exact_corrected", SpikeMetrics.corrected(exact.f1(), chanceExact.f1()), "(F1 - chance) / (1 - chance), +-0 steps"));
        m.add(Metric.higher("spike_precision", counts.precision(), "fraction of ENU spikes matched to a target spike, +-1 (higher is better)"));
        m.add(Metric.higher("spike_recall", counts.recall(), "fraction of target spikes matched by an ENU spike, +-1 (higher is better)"));
        m.add(Metric.lower("isi_error", isiErr / envKeys.length, "|mean ISI of ENU - mean ISI of target| in steps, per environment (lower is better)"));
        m.add(Metric.neither("enu_spikes", (double) counts.predicted() / envKeys.length, "ENU spikes per episode"));
        m.add(Metric.neither("target_spikes", (double) counts.target() / envKeys.length, "target spikes per episode"));
        m.add(Metric.lower("spikes_early_own", enuSpikes == 0 ? 0 : (double) early / enuSpikes,
                "fraction of ENU spikes fired before the input summed since its own previous spike reached the threshold (0 for an exact IAF neuron)"));
        m.add(Metric.lower("spikes_late_own", enuSpikes == 0 ? 0 : (double) late / enuSpikes,
                "fraction of ENU spikes fired a step or more after that sum had reached the threshold (0 for an exact IAF neuron)"));
        m.add(Metric.higher("fitness", ep.fitness(), "the training fitness on these environments (higher is better)"));
        return m;
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
        int h = task.layout().part("cell").spec().memory();
        double[] sx = new double[h];
        double[] sxx = new double[h];
        double[] sxv = new double[h];
        double sv = 0;
        double svv = 0;
        long n = 0;
        for (long key : envKeys) {
            EpisodeTrace tr = task.trace(params, key);
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
}
