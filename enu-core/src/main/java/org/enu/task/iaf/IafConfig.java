package org.enu.task.iaf;

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
                        int maxMultiplier, double spikeLevel, String loss, int distanceCap, double traceWeight,
                        double marginWeight, double margin, double teacherForcing, double potentialWeight,
                        double potentialScale, double potentialFocus, double potentialBand,
                        double consistencyWeight, int segments, double potentialTiming) {
    /** The losses {@link #loss()} may name. */
    public static final java.util.List<String> LOSSES = java.util.List.of("isi", "spike_distance", "none");

    /** The paper's inter-spike-interval loss. */
    public IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                     int maxMultiplier, double spikeLevel) {
        this(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, "isi", 8, 0);
    }

    /** A loss without the margin term. */
    public IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                     int maxMultiplier, double spikeLevel, String loss, int distanceCap, double traceWeight) {
        this(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss, distanceCap,
                traceWeight, 0, 0.01);
    }

    /** None of the dense-loss training options (teacher forcing, potential, consistency; four segments). */
    public IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                     int maxMultiplier, double spikeLevel, String loss, int distanceCap, double traceWeight,
                     double marginWeight, double margin) {
        this(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss, distanceCap,
                traceWeight, marginWeight, margin, 0, 0, 1, 0, 0.1, 0, 4);
    }

    /** A loss without the trace term. */
    public IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                     int maxMultiplier, double spikeLevel, String loss, int distanceCap) {
        this(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss, distanceCap, 0);
    }

    /** Every step of the potential term alike ({@code potential_timing: 0}). */
    public IafConfig(int environments, int steps, double threshold, double inputLow, double inputHigh,
                     int maxMultiplier, double spikeLevel, String loss, int distanceCap, double traceWeight,
                     double marginWeight, double margin, double teacherForcing, double potentialWeight,
                     double potentialScale, double potentialFocus, double potentialBand,
                     double consistencyWeight, int segments) {
        this(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss, distanceCap,
                traceWeight, marginWeight, margin, teacherForcing, potentialWeight, potentialScale, potentialFocus,
                potentialBand, consistencyWeight, segments, 0);
    }

    public IafConfig {
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("loss: expected isi, spike_distance or none, got '" + loss + "'");
        }
        if (loss.equals("none") && !(traceWeight > 0 || marginWeight > 0 || potentialWeight > 0 || consistencyWeight > 0)) {
            throw new IllegalArgumentException("loss: none leaves nothing to train on; set potential_weight, "
                    + "consistency_weight, margin_weight or trace_weight above 0");
        }
        if (distanceCap < 1 || distanceCap > 1000) {
            throw new IllegalArgumentException("distance_cap: must be in 1..1000, got " + distanceCap);
        }
        if (!(traceWeight >= 0) || !Double.isFinite(traceWeight)) {
            throw new IllegalArgumentException("trace_weight: must be a finite number >= 0, got " + traceWeight);
        }
        if (!(marginWeight >= 0) || !Double.isFinite(marginWeight)) {
            throw new IllegalArgumentException("margin_weight: must be a finite number >= 0, got " + marginWeight);
        }
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin: must be a finite number >= 0, got " + margin);
        }
        if (!(teacherForcing >= 0 && teacherForcing <= 1)) {
            throw new IllegalArgumentException("teacher_forcing: must be a fraction in [0, 1], got " + teacherForcing);
        }
        if (!(potentialWeight >= 0) || !Double.isFinite(potentialWeight)) {
            throw new IllegalArgumentException("potential_weight: must be a finite number >= 0, got " + potentialWeight);
        }
        if (!(potentialScale > 0) || !Double.isFinite(potentialScale)) {
            throw new IllegalArgumentException("potential_scale: must be a finite number > 0, got " + potentialScale);
        }
        if (!(potentialFocus >= 0) || !Double.isFinite(potentialFocus)) {
            throw new IllegalArgumentException("potential_focus: must be a finite number >= 0, got " + potentialFocus);
        }
        if (!(potentialBand > 0) || !Double.isFinite(potentialBand)) {
            throw new IllegalArgumentException("potential_band: must be a finite number > 0, got " + potentialBand);
        }
        if (!(potentialTiming >= 0) || !Double.isFinite(potentialTiming)) {
            throw new IllegalArgumentException("potential_timing: must be a finite number >= 0, got " + potentialTiming);
        }
        if (!(consistencyWeight >= 0) || !Double.isFinite(consistencyWeight)) {
            throw new IllegalArgumentException("consistency_weight: must be a finite number >= 0, got " + consistencyWeight);
        }
        if (environments < 1) {
            throw new IllegalArgumentException("environments: must be >= 1, got " + environments);
        }
        if (steps < 4) {
            throw new IllegalArgumentException("steps: must be >= 4, got " + steps);
        }
        if (segments < 1 || segments > steps) {
            throw new IllegalArgumentException("segments: must be in 1..steps (" + steps + "), got " + segments);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold: must be a finite number > 0, got " + threshold);
        }
        if (!(inputLow >= 0) || !Double.isFinite(inputLow)) {
            throw new IllegalArgumentException("input_low: must be a finite number >= 0, got " + inputLow);
        }
        if (!(inputHigh > inputLow) || !Double.isFinite(inputHigh)) {
            throw new IllegalArgumentException("input_high: must be finite and > input_low, got " + inputHigh);
        }
        if (maxMultiplier < 1) {
            throw new IllegalArgumentException("max_multiplier: must be >= 1, got " + maxMultiplier);
        }
        if (!(spikeLevel > 0 && spikeLevel < 1)) {
            throw new IllegalArgumentException("spike_level: must be in (0, 1), got " + spikeLevel);
        }
    }

    /** The same settings with another teacher-forcing fraction. */
    public IafConfig withTeacherForcing(double fraction) {
        return new IafConfig(environments, steps, threshold, inputLow, inputHigh, maxMultiplier, spikeLevel, loss,
                distanceCap, traceWeight, marginWeight, margin, fraction, potentialWeight, potentialScale, potentialFocus,
                potentialBand, consistencyWeight, segments, potentialTiming);
    }

    /** The paper's settings: 32 environments of 100 steps, threshold 0.5, input U(0.01, 0.02) x 1..9. */
    public static IafConfig paper() {
        return new IafConfig(32, 100, 0.5, 0.01, 0.02, 9, 0.05);
    }
}
