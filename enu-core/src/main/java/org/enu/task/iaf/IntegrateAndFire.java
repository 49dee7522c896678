package org.enu.task.iaf;

/**
 * The target model of the IAF task, equation (2) of the paper: the membrane potential sums the
 * input; when it reaches the threshold the neuron outputs a spike (1) and the potential resets
 * to 0, otherwise it outputs 0. At step t: h = h + x_t; if h >= threshold then spike, h = 0.
 */
public final class IntegrateAndFire {
    private IntegrateAndFire() {
    }

    /**
     * Runs the Integrate-and-Fire neuron over an input sequence.
     *
     * @param input     graded input per step (not modified)
     * @param threshold firing threshold
     * @param membrane  if not null, receives the potential after each step (after a reset)
     * @return spike per step
     */
    public static boolean[] simulate(float[] input, double threshold, double[] membrane) {
        boolean[] spikes = new boolean[input.length];
        double h = 0;
        for (int t = 0; t < input.length; t++) {
            h += input[t];
            if (h >= threshold) {
                spikes[t] = true;
                h = 0;
            }
            if (membrane != null) {
                membrane[t] = h;
            }
        }
        return spikes;
    }
}
