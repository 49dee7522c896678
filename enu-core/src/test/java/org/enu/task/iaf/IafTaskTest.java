package org.enu.task.iaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.enu.cell.EnuSpec;
import org.enu.eval.EnvironmentKeys;
import org.enu.task.EpisodeTrace;
import org.enu.task.TaskDefaults;
import org.junit.jupiter.api.Test;

class IafTaskTest {

    @Test
    void targetNeuronIntegratesFiresAndResets() {
        float[] x = {0.2f, 0.2f, 0.2f, 0.1f, 0.4f, 0.5f, 0f, 0.6f};
        double[] h = new double[x.length];
        boolean[] spikes = IntegrateAndFire.simulate(x, 0.5, h);
        // 0.2, 0.4, 0.6 -> spike & reset; 0.1, 0.5 -> spike (>= threshold); 0.5 -> spike; 0; 0.6 -> spike
        assertArrayEquals(new boolean[] {false, false, true, false, true, true, false, true}, spikes);
        assertEquals(0.2, h[0], 1e-6);
        assertEquals(0.4, h[1], 1e-6);
        assertEquals(0.0, h[2], 0.0);
        assertEquals(0.1, h[3], 1e-6);
        assertEquals(0.0, h[4], 0.0);
        assertEquals(0.0, h[6], 0.0);
    }

    @Test
    void inputIsUniformTimesAMultiplierRedrawnPerQuarter() {
        IafTask task = new IafTask(TaskDefaults.iaf(), spec());
        Set<Integer> multipliers = new HashSet<>();
        for (long key : EnvironmentKeys.heldOut(3, 200)) {
            float[] x = task.input(key);
            assertEquals(100, x.length);
            for (int q = 0; q < 4; q++) {
                double lo = Double.MAX_VALUE;
                double hi = 0;
                for (int t = 25 * q; t < 25 * (q + 1); t++) {
                    lo = Math.min(lo, x[t]);
                    hi = Math.max(hi, x[t]);
                }
                // within a quarter every value lies in [0.01 m, 0.02 m) for one integer m in 1..9
                int m = (int) Math.round(hi / 0.02 + 0.5);
                boolean found = false;
                for (int c = Math.max(1, m - 1); c <= Math.min(9, m + 1); c++) {
                    if (lo >= 0.01 * c - 1e-6 && hi < 0.02 * c + 1e-6) {
                        multipliers.add(c);
                        found = true;
                    }
                }
                assertTrue(found, "quarter " + q + " spans [" + lo + ", " + hi + "]");
            }
        }
        assertEquals(9, multipliers.size(), "every multiplier 1..9 occurs: " + multipliers);
    }

    @Test
    void fitnessIsTheNegativeMeanIsiLoss() {
        IafConfig cfg = TaskDefaults.iaf("environments", 2, "steps", 20);
        IafTask task = new IafTask(cfg, spec());
        // all-zero weights: output clip(0) = 0, never spikes, so the ENU counter runs 1, 2, 3, ...
        float[] zero = new float[task.layout().parameterCount()];
        long[] keys = EnvironmentKeys.heldOut(1, 2);
        double expected = 0;
        for (long k : keys) {
            boolean[] target = IntegrateAndFire.simulate(task.input(k), 0.5, null);
            int sinceTarget = 0;
            for (int t = 0; t < 20; t++) {
                sinceTarget = target[t] ? 0 : sinceTarget + 1;
                int sinceEnu = t + 1;
                expected += (double) (sinceTarget - sinceEnu) * (sinceTarget - sinceEnu);
            }
        }
        expected /= 40;
        assertEquals(-expected, task.newRollout().fitness(zero, keys), 1e-9);
        assertEquals(-expected, org.enu.task.Metric.values(new IafReport(task).metrics(zero, keys)).get("fitness"), 1e-9);
        assertEquals(0.0, org.enu.task.Metric.values(new IafReport(task).metrics(zero, keys)).get("enu_spikes"), 0.0);
    }

    @Test
    void spikeDistanceLossByHand() {
        IafConfig cfg = TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance");
        IafTask task = new IafTask(cfg, spec());
        boolean[] target = new boolean[30];
        target[2] = true;
        target[10] = true;
        float[] y = new float[30];
        y[3] = 1f;    // 1 step after the target spike at 2
        y[20] = 0.5f; // 10 steps from the nearest target spike: capped at 8
        y[25] = 0.04f; // below the spike level: no spike
        // target 2 -> ENU 3: 1; target 10 -> ENU 3: 7 -> 49; ENU 3 -> 1 + (1-1)^2; ENU 20 -> 8^2 + (0.5-1)^2
        assertEquals(1 + 49 + 1 + 64 + 0.25, task.spikeDistanceLoss(target, y), 1e-9);
        // the paper's loss on the same trains, step by step
        double isi = 0;
        int ct = 0;
        int ce = 0;
        for (int t = 0; t < 30; t++) {
            ct = target[t] ? 0 : ct + 1;
            ce = y[t] > 0.05f ? 0 : ce + 1;
            isi += (ct - ce) * (ct - ce);
        }
        isi += 0.25;
        assertEquals(isi, task.isiLoss(target, y), 1e-9);
        float[] perfect = new float[30];
        perfect[2] = 1f;
        perfect[10] = 1f;
        assertEquals(0.0, task.spikeDistanceLoss(target, perfect), 0.0);
    }

    @Test
    void traceTermByHand() {
        boolean[] target = new boolean[6];
        target[2] = true;
        float[] y = {0f, 0.5f, 0.25f, 0f, 1f, 0f};
        // (0.5)^2 + (0.25 - 1)^2 + 1^2
        assertEquals(0.25 + 0.5625 + 1, IafTask.traceLoss(target, y), 1e-9);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance", "trace_weight", -1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance", "trace_weight", Double.NaN));
    }

    @Test
    void marginTermByHand() {
        IafTask task = new IafTask(TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance", "margin_weight", 1), spec());
        boolean[] target = {false, true, false, true};
        // spike level in pre-activation units: 0.05 / 1000 = 5e-5
        float[] pre = {-0.02f, 0.03f, 0.0f, -0.01f};
        double l = 5e-5;
        double expected = 0 // below by more than the margin, no target: free
                + 0 // above by more than the margin on a target: free
                + sq(0.0 - l + 0.01) // no target, but within the margin of the level
                + sq(0.01 - (-0.01 - l)); // target, below the level
        assertEquals(expected, task.marginLoss(target, pre), 1e-9);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance", "margin_weight", -1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 2, "steps", 30, "loss", "spike_distance", "margin_weight", 1, "margin", Double.NaN));
    }

    /**
     * The pre-activation the rollout records is the one EnuReference scales and clips: on the
     * played episodes, y = clip(1000 · pre, 0, 1) (no output noise here), and the margin term is
     * added to the fitness exactly as marginLoss computes it.
     */
    @Test
    void preactivationIsTheOutputBeforeScaleAndClip() {
        IafConfig withMargin = TaskDefaults.iaf("environments", 4, "steps", 60, "loss", "spike_distance", "margin_weight", 2);
        IafTask task = new IafTask(withMargin, spec());
        float[] params = task.layout().initialParameters(3);
        long[] keys = EnvironmentKeys.heldOut(9, 4);
        var ep = task.play(params, keys);
        double marginSum = 0;
        for (int e = 0; e < ep.size(); e++) {
            float[] y = ep.output(e);
            float[] pre = ep.preactivation(e);
            for (int t = 0; t < y.length; t++) {
                double a = 1000.0 * pre[t];
                if (y[t] > 0 && y[t] < 1) {
                    assertEquals(a, y[t], 1e-3, "step " + t);
                } else if (y[t] == 1) {
                    assertTrue(a > 1 - 1e-3, "saturated high at " + t + ": " + a);
                } else {
                    assertTrue(a < 1e-3, "clipped at 0 at " + t + ": " + a);
                }
            }
            marginSum += task.marginLoss(ep.env(e).spikes(), pre);
        }
        IafTask plain = new IafTask(TaskDefaults.iaf("environments", 4, "steps", 60, "loss", "spike_distance"), spec());
        double base = plain.play(params, keys).fitness();
        assertEquals(base - 2 * marginSum / (60.0 * 4), ep.fitness(), 1e-9);
        assertTrue(marginSum > 0, "an untrained cell violates the margin somewhere");
        assertEquals(null, plain.play(params, keys).preactivation(0), "no pre-activation unless used");
    }

    private static IafConfig forced(double fraction, double potentialWeight, double potentialScale) {
        return TaskDefaults.iaf("environments", 4, "steps", 60, "loss", "spike_distance", "teacher_forcing", fraction, "potential_weight", potentialWeight, "potential_scale", potentialScale);
    }

    /**
     * With teacher forcing the ENU's previous output channel 0 is the target's spike: the rollout
     * equals the readable equations (EnuReference) stepped with o[0] overwritten by the target
     * after every step, and the recorded output is the ENU's own.
     */
    @Test
    void teacherForcingFeedsTheTargetSpikeBackAsThePreviousOutput() {
        EnuSpec spec = spec();
        IafTask task = new IafTask(forced(1, 0, 1), spec);
        float[] params = task.layout().initialParameters(7);
        long[] keys = EnvironmentKeys.heldOut(11, 4);
        var ep = task.play(params, keys);
        int differs = 0;
        IafTask free = new IafTask(forced(0, 0, 1), spec);
        var freeEp = free.play(params, keys);
        for (int e = 0; e < keys.length; e++) {
            IafTask.Env env = ep.env(e);
            assertTrue(env.forced());
            float[] h = new float[spec.memory()];
            float[] o = new float[spec.outputs()];
            for (int t = 0; t < 60; t++) {
                org.enu.cell.EnuReference.step(spec, params, 0, new float[] {env.input()[t]}, h, o, null);
                assertEquals(o[0], ep.output(e)[t], 1e-4, "env " + e + " step " + t);
                o[0] = env.spikes()[t] ? 1f : 0f;
            }
            if (!java.util.Arrays.equals(ep.output(e), freeEp.output(e))) {
                differs++;
            }
        }
        assertTrue(differs > 0, "forcing changed some episode");
    }

    @Test
    void teacherForcingAppliesToTheStatedFractionOfEnvironmentsAndNeverToEvaluation() {
        IafTask half = new IafTask(forced(0.5, 0, 1), spec());
        int n = 2000;
        int count = 0;
        for (long key : EnvironmentKeys.heldOut(13, n)) {
            count += half.environment(key).forced() ? 1 : 0;
        }
        // binomial(2000, 0.5): sd 22.4; 5 sd either side
        assertEquals(n / 2.0, count, 112, "forced environments");
        assertEquals(false, new IafTask(forced(0, 0, 1), spec()).environment(5).forced());
        assertEquals(true, new IafTask(forced(1, 0, 1), spec()).environment(5).forced());

        IafTask all = new IafTask(forced(1, 0, 1), spec());
        IafTask none = new IafTask(forced(0, 0, 1), spec());
        float[] params = all.layout().initialParameters(2);
        long[] keys = EnvironmentKeys.heldOut(17, 16);
        assertEquals(org.enu.task.Metric.values(new IafReport(none).metrics(params, keys)),
                org.enu.task.Metric.values(new IafReport(all).metrics(params, keys)), "reports play free");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(1.5, 0, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(-0.1, 0, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(Double.NaN, 0, 1));
    }

    @Test
    void potentialTermByHand() {
        IafTask task = new IafTask(forced(0, 1, 0.5), spec());
        float[] x = {0.2f, 0.2f, 0.2f, 0.1f};
        double[] membrane = new double[4];
        boolean[] spikes = IntegrateAndFire.simulate(x, 0.5, membrane);
        IafTask.Env env = new IafTask.Env(x, membrane, spikes, false);
        double l = 5e-5;
        double s = 0.5;
        // the ENU spikes with the target (step 2): potentials 0.2, 0.4, 0.6, 0.1; line s (v - 0.5) / 0.5 + l
        float[] withTarget = {0, 0, 1, 0};
        float[] pre = {(float) (s * (0.2 - 0.5) / 0.5 + l), (float) (s * (0.4 - 0.5) / 0.5 + l + 0.05),
                (float) (s * (0.6 - 0.5) / 0.5 + l), (float) (s * (0.1 - 0.5) / 0.5 + l - 0.1)};
        // errors 0, 0.05, 0, -0.1 in pre units; divided by s = 0.5: 0.1, 0.2
        assertEquals(sq(0.1) + sq(0.2), task.potentialLoss(env, withTarget, pre), 1e-6);
        // the ENU spikes early, at step 1 (0.06 > the spike level): its own potentials are 0.2, 0.4, 0.2, 0.3
        float[] early = {0, 0.06f, 0, 0};
        double expected = sq(0) + sq(0.1) + sq((pre[2] - l - s * (0.2 - 0.5) / 0.5) / s)
                + sq((pre[3] - l - s * (0.3 - 0.5) / 0.5) / s);
        assertEquals(expected, task.potentialLoss(env, early, pre), 1e-5);
        // teacher-forced: the resets are the target's, whatever the ENU does
        IafTask.Env forcedEnv = new IafTask.Env(x, membrane, spikes, true);
        assertEquals(sq(0.1) + sq(0.2), task.potentialLoss(forcedEnv, early, pre), 1e-6);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(0, -1, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(0, 1, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> forced(0, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void potentialFocusWeighsTheStepsNearTheThreshold() {
        // band 0.25 thresholds: potentials within 0.125 of 0.5 weigh 1 + 3
        IafTask task = new IafTask(TaskDefaults.iaf("environments", 4, "steps", 4, "loss", "none", "potential_weight", 1, "potential_focus", 3, "potential_band", 0.25),
                spec());
        float[] x = {0.2f, 0.2f, 0.2f, 0.1f};
        double[] membrane = new double[4];
        IafTask.Env env = new IafTask.Env(x, membrane, IntegrateAndFire.simulate(x, 0.5, membrane), false);
        float[] y = {0, 0, 1, 0};
        float[] pre = new float[4];
        for (int t = 0; t < 4; t++) {
            pre[t] = 0.1f; // potentials 0.2, 0.4, 0.6, 0.1: lines -0.6, -0.2, 0.2, -0.8 (+ 5e-5)
        }
        double l = 5e-5;
        double expected = sq(0.1 - l + 0.6) + 4 * sq(0.1 - l + 0.2) + 4 * sq(0.1 - l - 0.2) + sq(0.1 - l + 0.8);
        assertEquals(expected, task.potentialLoss(env, y, pre), 1e-6);
    }


    @Test
    void potentialTimingWeighsEachStepByOnePlusRateOverInputSquared() {
        // the focus case above with potential_timing 0.1: weights also x (1 + (0.1 / x_t)^2), so
        // the steps with input 0.2 weigh 1.25 more, the one with input 0.1 twice as much
        IafTask task = new IafTask(TaskDefaults.iaf("environments", 4, "steps", 4, "loss", "none", "potential_weight", 1, "potential_focus", 3, "potential_band", 0.25, "potential_timing", 0.1), spec());
        float[] x = {0.2f, 0.2f, 0.2f, 0.1f};
        double[] membrane = new double[4];
        IafTask.Env env = new IafTask.Env(x, membrane, IntegrateAndFire.simulate(x, 0.5, membrane), false);
        float[] y = {0, 0, 1, 0};
        float[] pre = {0.1f, 0.1f, 0.1f, 0.1f};
        double l = 5e-5;
        double fast = 1 + sq(0.1 / 0.2f);
        double slow = 1 + sq(0.1 / 0.1f);
        double expected = fast * (sq(0.1 - l + 0.6) + 4 * sq(0.1 - l + 0.2) + 4 * sq(0.1 - l - 0.2)) + slow * sq(0.1 - l + 0.8);
        assertEquals(expected, task.potentialLoss(env, y, pre), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> TaskDefaults.iaf("environments", 4, "steps", 4, "loss", "none", "potential_weight", 1, "potential_focus", 3, "potential_band", 0.25, "potential_timing", -0.1));
    }
    @Test
    void consistencyTermByHand() {
        IafConfig cfg = TaskDefaults.iaf("environments", 4, "steps", 6, "loss", "none", "consistency_weight", 2);
        IafTask task = new IafTask(cfg, spec());
        float[] x = {0.2f, 0.2f, 0.2f, 0.1f, 0.3f, 0.3f};
        double[] membrane = new double[6];
        boolean[] target = IntegrateAndFire.simulate(x, 0.5, membrane); // spikes at 2 and 5
        float[] y = {0, 0.5f, 0, 0, 0, 0};
        // own resets: spike at 1 with v 0.4 (early by 0.1); then 0.2, 0.3, 0.6 first at the threshold
        // without a spike (late by 0.1); 0.9 is not a first crossing
        assertEquals(sq(0.2) + sq(0.2), task.consistencyLoss(new IafTask.Env(x, membrane, target, false), y), 1e-6);
        // teacher-forced: resets at the target's spikes (2 and 5): early at 1 (0.4), late at 2 (0.6),
        // then 0.1, 0.4, 0.7 first at the threshold without a spike (late by 0.2)
        assertEquals(sq(0.2) + sq(0.2) + sq(0.4), task.consistencyLoss(new IafTask.Env(x, membrane, target, true), y), 1e-6);
        // an ENU that fires with the target costs nothing
        float[] exact = {0, 0, 1, 0, 0, 1};
        assertEquals(0, task.consistencyLoss(new IafTask.Env(x, membrane, target, false), exact), 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 4, "steps", 6, "loss", "none", "consistency_weight", -1));
    }

    @Test
    void segmentsSetHowOftenTheMultiplierIsRedrawn() {
        IafConfig ten = TaskDefaults.iaf("environments", 2, "loss", "spike_distance", "segments", 10);
        IafTask task = new IafTask(ten, spec());
        int changes = 0;
        for (long key : EnvironmentKeys.heldOut(29, 200)) {
            float[] x = task.input(key);
            for (int t = 1; t < 100; t++) {
                // within a segment the input stays within one multiplier's band: a ratio of at most 2
                if (t % 10 != 0) {
                    double r = Math.max(x[t], x[t - 1]) / Math.min(x[t], x[t - 1]);
                    assertTrue(r < 2 + 1e-6, "step " + t + " ratio " + r);
                } else if (Math.max(x[t], x[t - 1]) / Math.min(x[t], x[t - 1]) >= 2) {
                    changes++;
                }
            }
        }
        assertTrue(changes > 200, "the multiplier changes at segment boundaries: " + changes);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 2, "loss", "spike_distance", "segments", 0));
        // the default is the paper's quarters: the same inputs as before
        IafTask four = new IafTask(TaskDefaults.iaf(), spec());
        assertEquals(4, TaskDefaults.iaf().segments());
        assertArrayEquals(four.input(5), new IafTask(TaskDefaults.iaf(), spec()).input(5));
    }

    /** The potential term summed over a played batch's episodes. */
    private static double potentialSum(IafTask task, org.enu.task.SingleEnuTask<IafTask.Env, IafConfig>.Episodes ep) {
        double sum = 0;
        for (int e = 0; e < ep.size(); e++) {
            sum += task.potentialLoss(ep.env(e), ep.output(e), ep.preactivation(e));
        }
        return sum;
    }

    @Test
    void lossNoneScoresOnlyTheAddedTerms() {
        IafConfig none = TaskDefaults.iaf("environments", 4, "steps", 60, "loss", "none", "potential_weight", 2);
        IafTask task = new IafTask(none, spec());
        float[] params = task.layout().initialParameters(6);
        long[] keys = EnvironmentKeys.heldOut(23, 4);
        var ep = task.play(params, keys);
        assertEquals(-2 * potentialSum(task, ep) / (60.0 * 4), ep.fitness(), 1e-9);
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDefaults.iaf("environments", 4, "steps", 60, "loss", "none"));
        assertTrue(bad.getMessage().startsWith("loss: none"), bad.getMessage());
    }

    @Test
    void potentialTermIsAddedToTheFitness() {
        IafTask with = new IafTask(forced(0, 3, 1), spec());
        IafTask without = new IafTask(forced(0, 0, 1), spec());
        float[] params = with.layout().initialParameters(4);
        long[] keys = EnvironmentKeys.heldOut(19, 4);
        var ep = with.play(params, keys);
        double sum = potentialSum(with, ep);
        assertTrue(sum > 0);
        assertEquals(without.play(params, keys).fitness() - 3 * sum / (60.0 * 4), ep.fitness(), 1e-9);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void unknownLossIsRefused() {
        org.enu.config.ConfigException e = assertThrows(org.enu.config.ConfigException.class,
                () -> org.enu.config.RunConfig.resolve("iaf", "original", null, java.util.List.of("iaf.loss=mse")));
        assertEquals("iaf.loss: expected isi, spike_distance or none, got 'mse'", e.getMessage());
    }

    @Test
    void metricsReportExactAndChanceCorrectedF1() {
        IafTask task = new IafTask(TaskDefaults.iaf(), spec());
        java.util.Map<String, Double> m = org.enu.task.Metric.values(new IafReport(task).metrics(task.layout().initialParameters(1),
                EnvironmentKeys.heldOut(5, 64)));
        assertTrue(m.get("spike_f1_exact") <= m.get("spike_f1"));
        assertTrue(m.get("spike_f1_chance") > 0.2 && m.get("spike_f1_chance") < 0.6, "chance " + m);
        assertEquals((m.get("spike_f1") - m.get("spike_f1_chance")) / (1 - m.get("spike_f1_chance")),
                m.get("spike_f1_corrected"), 1e-12);
        // the untrained ENU fires at random: it scores about chance
        assertEquals(0.0, m.get("spike_f1_corrected"), 0.1);
        // ... and fires long before its own potential reaches the threshold
        assertTrue(m.get("spikes_early_own") > 0.5, "early " + m);
    }

    @Test
    void bestMemoryCellIsTheCellMostCorrelatedWithThePotential() {
        IafTask task = new IafTask(TaskDefaults.iaf(), spec());
        float[] theta = task.layout().initialParameters(1);
        long[] keys = EnvironmentKeys.heldOut(5, 4);
        IafReport.MemoryMatch m = new IafReport(task).bestMemoryCell(theta, keys);
        double[] bestR = new double[32];
        for (int j = 0; j < 32; j++) {
            java.util.List<Double> a = new java.util.ArrayList<>();
            java.util.List<Double> b = new java.util.ArrayList<>();
            for (long k : keys) {
                EpisodeTrace t = task.trace(theta, k);
                for (double v : t.column("mem" + j)) {
                    a.add(v);
                }
                for (double v : t.column("target_potential")) {
                    b.add(v);
                }
            }
            bestR[j] = pearson(a, b);
        }
        assertEquals(bestR[m.cell()], m.correlation(), 1e-6);
        for (int j = 0; j < 32; j++) {
            assertTrue(Math.abs(bestR[j]) <= Math.abs(m.correlation()) + 1e-9, "cell " + j + " r " + bestR[j]);
        }
    }

    private static double pearson(java.util.List<Double> a, java.util.List<Double> b) {
        int n = a.size();
        double ma = a.stream().mapToDouble(Double::doubleValue).sum() / n;
        double mb = b.stream().mapToDouble(Double::doubleValue).sum() / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a.get(i) - ma) * (b.get(i) - mb);
            saa += (a.get(i) - ma) * (a.get(i) - ma);
            sbb += (b.get(i) - mb) * (b.get(i) - mb);
        }
        return saa < 1e-12 || sbb < 1e-12 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /**
     * The ENU can represent an IAF neuron: one memory cell with z = 1, a self-loop of gain 1 through
     * the reset gate (3 · 1/3 inside tanh, linear while the cell stays below 0.025), the gate closed
     * by the cell's own spike on the next step (the reset), and the threshold in W_o. This is what
     * evolution has to find (docs/RESULTS.md); a hand-set genome shows it exists.
     */
    @Test
    void aHandSetGenomeIsANearPerfectMimic() {
        int h = 8;
        int o = 4;
        int k = 1 + o + h + 1;
        EnuSpec cell = new EnuSpec(1, h, o, true, 3f, 1f, 3f, true, 0f);
        IafTask task = new IafTask(TaskDefaults.iaf(), cell);
        float[] p = new float[task.layout().parameterCount()];
        int rOff = h * k;
        int cOff = 2 * h * k;
        int oOff = 3 * h * k;
        double g = 0.05; // cell 0 holds g x the target's potential
        for (int j = 0; j < h; j++) {
            p[j * k + k - 1] = 5f; // z = sigmoid(15): replace the memory every step
        }
        p[rOff + k - 1] = 4f; // r0 = sigmoid(3 (4 - 1)): the loop is open ...
        p[rOff + 1] = -100f; // ... and closed on the step after a spike (o0 = 1)
        p[cOff] = (float) (g / 3); // c0 = tanh(g x + r0 h0)
        p[cOff + 1 + o] = 1f / 3;
        p[oOff] = 1f; // o0 = clip(1000 (h0 - g threshold) + a margin of 0.05)
        p[oOff + h] = (float) (-g * 0.5 + 0.00005);
        for (int c = 1; c < o; c++) {
            p[oOff + c * (h + 1) + h] = -1f; // the other outputs stay silent
        }
        java.util.Map<String, Double> m = org.enu.task.Metric.values(new IafReport(task).metrics(p, EnvironmentKeys.heldOut(1000003L, 256)));
        assertTrue(m.get("spike_f1") > 0.98, "F1 " + m);
        assertTrue(m.get("spike_f1_exact") > 0.97, "exact F1 " + m);
        assertTrue(m.get("spike_f1_corrected") > 0.97, "corrected " + m);
        // an integrator that restarts at its own spikes: hardly a spike off its own potential
        assertTrue(m.get("spikes_early_own") + m.get("spikes_late_own") < 0.03, "own-potential check " + m);
        IafReport.MemoryMatch best = new IafReport(task).bestMemoryCell(p, EnvironmentKeys.heldOut(1000003L, 16));
        assertEquals(0, best.cell());
        assertTrue(best.correlation() > 0.95, "cell 0 tracks the potential: " + best);
    }

    @Test
    void traceHasEveryChannel() {
        IafTask task = new IafTask(TaskDefaults.iaf("environments", 2, "steps", 12), spec());
        float[] theta = task.layout().initialParameters(1);
        EpisodeTrace t = task.trace(theta, 99);
        assertEquals(12, t.rows().size());
        assertTrue(t.columns().contains("input"));
        assertTrue(t.columns().contains("out15"));
        // the trace replays what fitness sees: its output 0 equals a one-environment rollout's
        float[] in = task.input(99);
        assertArrayEquals(toDouble(in), t.column("input"), 0.0);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static EnuSpec spec() {
        return new EnuSpec(1, 32, 16, true, 3f, 1f, 3f, true, 0f);
    }
}
