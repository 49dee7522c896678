package org.enu.task.stdp;

/**
 * Settings of the STDP task (paper section 4.4, Fig. 7).
 *
 * @param environments   environments per offspring (the mini-batch m)
 * @param steps          steps per episode
 * @param variant        "neuromodulated": the weight changes only when the neuromodulator is present;
 *                       "plain": always
 * @param amplitude      STDP amplitude A
 * @param tau            STDP time constant τ in steps
 * @param gradedLow      lower bound of the uniform graded potential
 * @param gradedHigh     upper bound of the uniform graded potential
 * @param spikeMean      mean of the (rounded, clipped) spike times
 * @param spikeStd       standard deviation of the spike times
 * @param modulatorRate  probability that an environment has the neuromodulator present
 */
public record StdpConfig(int environments, int steps, String variant, double amplitude, double tau,
                         double gradedLow, double gradedHigh, double spikeMean, double spikeStd,
                         double modulatorRate) {
    public StdpConfig {
        if (!variant.equals("neuromodulated") && !variant.equals("plain")) {
            throw new IllegalArgumentException("variant: expected neuromodulated or plain, got '" + variant + "'");
        }
        if (environments < 1) {
            throw new IllegalArgumentException("environments: must be >= 1, got " + environments);
        }
        if (steps < 3) {
            throw new IllegalArgumentException("steps: must be >= 3, got " + steps);
        }
        if (!Double.isFinite(amplitude)) {
            throw new IllegalArgumentException("amplitude: must be finite, got " + amplitude);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau: must be a finite number > 0, got " + tau);
        }
        if (!(gradedLow >= 0) || !Double.isFinite(gradedLow)) {
            throw new IllegalArgumentException("graded_low: must be a finite number >= 0, got " + gradedLow);
        }
        if (!(gradedHigh > gradedLow) || !Double.isFinite(gradedHigh)) {
            throw new IllegalArgumentException("graded_high: must be finite and > graded_low, got " + gradedHigh);
        }
        if (!Double.isFinite(spikeMean)) {
            throw new IllegalArgumentException("spike_mean: must be finite, got " + spikeMean);
        }
        if (!(spikeStd >= 0) || !Double.isFinite(spikeStd)) {
            throw new IllegalArgumentException("spike_std: must be a finite number >= 0, got " + spikeStd);
        }
        if (!(modulatorRate >= 0 && modulatorRate <= 1)) {
            throw new IllegalArgumentException("modulator_rate: must be in [0, 1], got " + modulatorRate);
        }
    }

    /** The paper's settings: 32 environments of 100 steps, A = 0.5, τ = 10, neuromodulated. */
    public static StdpConfig paper() {
        return new StdpConfig(32, 100, "neuromodulated", 0.5, 10, 0.45, 0.55, 50, 7, 0.5);
    }

    /** Whether the weight changes only when the neuromodulator is present. */
    public boolean modulated() {
        return variant.equals("neuromodulated");
    }
}
