package org.enu.task.iaf;

import org.enu.check.Check;

/**
 * Settings of the Integrate-and-Fire task (paper section 4.4).
 *
 * @param environments  environments per offspring (the mini-batch m)
 * @param steps         steps per episode
 * @param threshold     the target neuron's firing threshold
 * @param inputLow      lower bound of the uniform graded input
 * @param inputHigh     upper bound of the uniform graded input
 * @param maxMultiplier the input is multiplied by an integer in [1, maxMultiplier] redrawn per quarter
 * @param spikeLevel    an ENU output above this counts as a spike
 * @param loss          the training loss: {@code isi} (the paper's inter-spike-interval loss) or
 *                      {@code spike_distance} (every spike's distance to the nearest spike of the other
 *                      train, capped; rewards aligned spikes, docs/TASKS.md) or {@code none} (only the
 *                      added terms below count)
 * @param distanceCap   the cap C of the spike-distance loss, in steps
 * @param traceWeight   weight w of a term added to either loss: w · Σ_t (y_t − s_t)², with s_t 1 at the
 *                      target's spike steps and 0 elsewhere (a loss that moves with every small change
 *                      of the output, not only when a spike appears or moves); 0 = none
 * @param marginWeight  weight v of a margin term added to the loss: v · Σ_t relu(μ − u_t)² on the
 *                      target's spike steps and v · Σ_t relu(u_t + μ)² on the others, with u_t the
 *                      output pre-activation (W_o row 0 · [h', 1], before the spike scale) minus
 *                      spikeLevel / scale: it moves with the memory even where the spiking output
 *                      is flat (0 or 1), so near misses are told apart; 0 = none
 * @param margin        the margin μ of that term, in pre-activation units
 * @param teacherForcing the fraction f of training environments in which the ENU sees the target's
 *                      spike (1 or 0) as its own previous output o(t−1) on channel 0 instead of its own
 *                      output: it then restarts where the target does, so one early or late spike does
 *                      not shift every later one; the loss still scores the ENU's own output. Each
 *                      environment is forced or not by its key. Evaluation never forces; 0 = none
 * @param potentialWeight weight p of a dense term added to the loss: p · Σ_t ((u_t − s·(v_t − θ)/θ) / s)²,
 *                      u_t as in the margin term, θ the threshold, s = potentialScale, v_t the input
 *                      summed since the ENU's own last spike (the potential of an IAF neuron that
 *                      restarted where the ENU did): the pre-activation should be a straight line of
 *                      that potential crossing the spike level at the threshold, which makes the ENU
 *                      an exact IAF neuron; in units of the threshold; 0 = none
 * @param potentialScale s, the pre-activation at potential 0 is −s (plus the spike level)
 * @param potentialFocus κ: steps whose potential v_t lies within potentialBand·θ of the threshold
 *                      weigh 1 + κ in the potential term (the others 1): spike timing depends only on
 *                      the line near the threshold; 0 = all steps alike
 * @param potentialBand b, the half-width of that band in units of the threshold
 * @param consistencyWeight c: adds c · ((θ − v_t)/θ)² at every ENU spike with v_t below θ (early) and
 *                      c · ((v_t − θ)/θ)² at the step where v_t first reaches θ if the ENU does not
 *                      spike there (late), v_t the potential since the ENU's own last spike as in the
 *                      potential term: the spike decision itself, early and late alike; 0 = none
 * @param segments      the episode is cut into this many equal segments, each with its own multiplier
 *                      (the paper: 4, a quarter each); more segments change the input rate more often
 * @param potentialTiming r: each step's potential term is multiplied by 1 + (r / x_t)², x_t the step's
 *                      input: a potential error d shifts the spike by about d / x_t steps, so the slow
 *                      inputs, where a small error costs the most steps, weigh more (x_t is taken as at
 *                      least 1e-6, so an input of 0 weighs 1 + 10¹² r²); 0 = all inputs alike
 */
public record IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                        int maxMultiplier, double spikeLevel, Loss loss, int distanceCap, double traceWeight,
                        double marginWeight, double margin, double teacherForcing, double potentialWeight,
                        double potentialScale, double potentialFocus, double potentialBand,
                        double consistencyWeight, int segments, double potentialTiming) {
    /** The training losses (config values: their lower-case names). */
    public enum Loss { ISI, SPIKE_DISTANCE, NONE }

    public IafConfig {
        if (loss == Loss.NONE && !(traceWeight > 0 || marginWeight > 0 || potentialWeight > 0 || consistencyWeight > 0)) {
            throw new IllegalArgumentException("loss: none leaves nothing to train on; set potential_weight, "
                    + "consistency_weight, margin_weight or trace_weight above 0");
        }
        Check.inRange("distance_cap", distanceCap, 1, 1000);
        Check.nonNegative("trace_weight", traceWeight);
        Check.nonNegative("margin_weight", marginWeight);
        Check.nonNegative("margin", margin);
        Check.fraction("teacher_forcing", teacherForcing);
        Check.nonNegative("potential_weight", potentialWeight);
        Check.positive("potential_scale", potentialScale);
        Check.nonNegative("potential_focus", potentialFocus);
        Check.positive("potential_band", potentialBand);
        Check.nonNegative("potential_timing", potentialTiming);
        Check.nonNegative("consistency_weight", consistencyWeight);
        Check.atLeast("environments", environments, 1);
        Check.atLeast("steps", steps, 4);
        if (segments < 1 || segments > steps) {
            throw new IllegalArgumentException("segments: must be in 1..steps (" + steps + "), got " + segments);
        }
        Check.positive("threshold", threshold);
        Check.nonNegative("input_low", inputLow);
        Check.above("input_high", inputHigh, "input_low", inputLow);
        Check.atLeast("max_multiplier", maxMultiplier, 1);
        Check.openUnit("spike_level", spikeLevel);
    }

    /** The same settings with another teacher-forcing fraction. */
    public IafConfig withTeacherForcing(double fraction) {
        return new IafConfig(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss,
                distanceCap, traceWeight, marginWeight, margin, fraction, potentialWeight, potentialScale, potentialFocus,
                potentialBand, consistencyWeight, segments, potentialTiming);
    }
}
