package org.enu.task.stdp;

/**
 * The target model of the STDP task: the output is the graded potential times a synaptic weight
 * w that starts at 1 and changes once, one step after the later of the pre- and postsynaptic
 * spikes, by the STDP rule of equation (3):
 * <pre>
 *   dt = t_post − t_pre
 *   Δw = +A · exp(−dt / τ)    if dt &gt; 0 (pre before post: potentiation)
 *   Δw = −A · exp( dt / τ)    if dt &lt; 0 (post before pre: depression)
 * </pre>
 * In the neuromodulated variant Δw is multiplied by the neuromodulator (0 or 1).
 */
public final class StdpRule {
    private StdpRule() {
    }

    /** The weight change for a spike-time difference dt = t_post − t_pre (dt ≠ 0). */
    public static double deltaW(int dt, double amplitude, double tau) {
        if (dt == 0) {
            throw new IllegalArgumentException("pre and post spikes must not coincide");
        }
        return dt > 0 ? amplitude * Math.exp(-dt / tau) : -amplitude * Math.exp(dt / tau);
    }

    /** The step from which the new weight applies: one after the later spike. */
    public static int changeStep(int tPre, int tPost) {
        return Math.max(tPre, tPost) + 1;
    }

    /**
     * The target output per step.
     *
     * @param graded    graded potential per step (not modified)
     * @param tPre      presynaptic spike step
     * @param tPost     postsynaptic (back-propagating) spike step, ≠ tPre
     * @param modulator neuromodulator of the episode, 0 or 1
     * @param modulated whether the change is gated by the neuromodulator
     */
    public static double[] target(float[] graded, int tPre, int tPost, double modulator, boolean modulated,
                                  double amplitude, double tau) {
        double dw = deltaW(tPost - tPre, amplitude, tau) * (modulated ? modulator : 1.0);
        int from = changeStep(tPre, tPost);
        double[] y = new double[graded.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = graded[t] * (t >= from ? 1.0 + dw : 1.0);
        }
        return y;
    }
}
