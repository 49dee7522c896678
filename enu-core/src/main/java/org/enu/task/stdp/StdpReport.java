package org.enu.task.stdp;

import java.util.ArrayList;
import java.util.List;
import org.enu.task.Metric;
import org.enu.task.SingleEnuReport;

/** The STDP task's report: the error against the rule, the curve's correlation, the gating by the neuromodulator. */
public final class StdpReport extends SingleEnuReport<StdpTask> {
    public StdpReport(StdpTask task) {
        super(task);
    }

    @Override
    public List<Metric> metrics(float[] params, long[] envKeys) {
        var ep = task.play(params, envKeys);
        boolean modulated = task.config().modulated();
        double mse = -ep.fitness();
        List<StdpTask.CurvePoint> pts = task.curve(ep);
        List<Double> enuOn = new ArrayList<>();
        List<Double> ruleOn = new ArrayList<>();
        double absOn = 0;
        double absOff = 0;
        int nOn = 0;
        int nOff = 0;
        for (StdpTask.CurvePoint p : pts) {
            boolean on = p.modulator() || !modulated;
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
        double meanOn = nOn == 0 ? Double.NaN : absOn / nOn;
        double meanOff = nOff == 0 ? Double.NaN : absOff / nOff;
        List<Metric> m = new ArrayList<>();
        m.add(Metric.lower("mse", mse, "mean squared error between the ENU's output and the rule's target (lower is better)"));
        m.add(Metric.higher("curve_correlation", pearson(enuOn, ruleOn), "Pearson r between the ENU's and the rule's "
                + "relative output change, " + (modulated ? "neuromodulator present" : "all environments")
                + " (higher is better)"));
        m.add(modulated
                ? Metric.lower("gating_ratio", meanOn > 0 ? meanOff / meanOn : Double.NaN,
                        "mean |change| without neuromodulator / with it (lower is better; the rule's is 0)")
                : Metric.neither("gating_ratio", meanOn > 0 ? meanOff / meanOn : Double.NaN,
                        "mean |change| with channel 3 off / on (the plain rule ignores it: about 1)"));
        m.add(Metric.neither("mean_abs_change_with_nm", meanOn,
                "mean |relative change| of the ENU's output, neuromodulator present"));
        m.add(Metric.neither("mean_abs_change_without_nm", meanOff,
                "mean |relative change| of the ENU's output, neuromodulator absent"));
        m.add(Metric.higher("fitness", ep.fitness(), "the training fitness on these environments (higher is better)"));
        return m;
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
}
