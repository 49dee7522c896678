package org.enu.task.stdp;

import org.enu.check.Check;

/**
 * Settings of the STDP task (paper section 4.4, Fig. 7).
 *
 * @param environments   environments per offspring (the mini-batch m)
 * @param steps          steps per episode
 * @param variant        neuromodulated: the weight changes only when the neuromodulator is present;
 *                       plain: always
 * @param amplitude      STDP amplitude A
 * @param tau            STDP time constant τ in steps
 * @param gradedLow      lower bound of the uniform graded potential
 * @param gradedHigh     upper bound of the uniform graded potential
 * @param spikeMean      mean of the (rounded, clipped) spike times
 * @param spikeStd       standard deviation of the spike times
 * @param modulatorRate  probability that an environment has the neuromodulator present
 */
public record StdpConfig(int environments, int steps, Variant variant, double amplitude, double tau,
                         double gradedLow, double gradedHigh, double spikeMean, double spikeStd,
                         double modulatorRate) {
    /** Whether the rule is gated by the neuromodulator (config values: the lower-case names). */
    public enum Variant { NEUROMODULATED, PLAIN }

    public StdpConfig {
        Check.atLeast("environments", environments, 1);
        Check.atLeast("steps", steps, 3);
        Check.finite("amplitude", amplitude);
        Check.positive("tau", tau);
        Check.nonNegative("graded_low", gradedLow);
        Check.above("graded_high", gradedHigh, "graded_low", gradedLow);
        Check.finite("spike_mean", spikeMean);
        Check.nonNegative("spike_std", spikeStd);
        Check.fraction("modulator_rate", modulatorRate);
    }

    /** Whether the weight changes only when the neuromodulator is present. */
    public boolean modulated() {
        return variant == Variant.NEUROMODULATED;
    }
}
