package org.enu.network;

import jdk.incubator.vector.FloatVector;
import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
import org.enu.cell.KernelShape;
import org.enu.cell.EnuSpec;
import org.enu.cell.EnuWeights;

/**
 * A network of ENUs (paper section 3.2, Fig. 4) for a batch of m environments of one offspring.
 * Every synapse is an ENU of one shared kind, every ENU neuron an ENU of another; each unit keeps
 * its own memory. One network step:
 * <ol>
 *   <li>each synapse's input is [presynaptic neuron's output, its postsynaptic neuron's previous
 *       output] (C + C channels); an input neuron's output is what the environment set for this
 *       step, an ENU neuron's is its output of the previous step;</li>
 *   <li>all synapses of all m environments advance in one kernel call (m · synapses rows);</li>
 *   <li>each ENU neuron's input is the mean (the authors' code) or sum (the paper) of its
 *       synapses' outputs, per channel;</li>
 *   <li>all ENU neurons of all m environments advance in one kernel call.</li>
 * </ol>
 * With output noise, each unit's output pre-activation gets N(0, std²) per channel and step:
 * step t of environment e reads the synapses' values (unit-major, channel-minor) from the
 * {@link NoiseTable} window of (e's noise key, 2t) and the neurons' from (e's key, 2t + 1).
 */
public final class EnuNetwork {
    private final Wiring wiring;
    private final EnuSpec synSpec;
    private final EnuSpec neuSpec;
    private final int envs;
    private final int channels;
    private final boolean mean;
    private final NoiseTable noise;
    private final EnuWeights synW;
    private final EnuWeights neuW;
    private final EnuBatch syn;
    private final EnuBatch neu;
    private final float[] inputOut;
    private final float[] synX;
    private final float[] neuX;
    private final float[] synNoise;
    private final float[] neuNoise;
    /** Each kind's noise layout: padded rows for the tile path, packed for one unit per lane. */
    private final int synNoiseStride;
    private final int neuNoiseStride;
    /** Each environment's presynaptic neuron of every synapse (S per environment, see {@link #rewire}). */
    private final int[] synSource;
    private final int[] synPost;
    private long[] noiseKeys;
    private int active;
    private int t;
    private double flopsDone;

    /**
     * @param wiring  the connections
     * @param synapse the synapse kind: inputs = 2C, outputs = C
     * @param neuron  the neuron kind: inputs = C, outputs = C
     * @param envs    environments in the batch (m)
     * @param mean    integrate by mean (true) or sum (false)
     * @param noise   output noise table, or null for none
     */
    public EnuNetwork(Wiring wiring, EnuSpec synapse, EnuSpec neuron, int envs, boolean mean, NoiseTable noise) {
        int c = neuron.outputs();
        if (neuron.inputs() != c || synapse.outputs() != c || synapse.inputs() != 2 * c) {
            throw new IllegalArgumentException("network: synapses need " + (2 * c) + " inputs and " + c
                    + " outputs, neurons " + c + " inputs and " + c + " outputs; got synapse " + synapse.inputs()
                    + "->" + synapse.outputs() + ", neuron " + neuron.inputs() + "->" + neuron.outputs());
        }
        if (envs < 1) {
            throw new IllegalArgumentException("network: environments must be >= 1, got " + envs);
        }
        this.wiring = wiring;
        this.synSpec = synapse;
        this.neuSpec = neuron;
        this.envs = envs;
        this.channels = c;
        this.mean = mean;
        this.noise = noise;
        int S = wiring.synapses();
        int NE = wiring.enuNeurons();
        this.synW = new EnuWeights(synapse);
        this.neuW = new EnuWeights(neuron);
        this.syn = new EnuBatch(synapse, envs * S);
        this.neu = new EnuBatch(neuron, envs * NE);
        this.inputOut = new float[envs * wiring.inputNeurons() * c];
        this.synX = new float[envs * S * 2 * c];
        this.neuX = new float[envs * NE * syn.oStride];
        this.synNoiseStride = EnuKernel.noiseStride(synW, syn);
        this.neuNoiseStride = EnuKernel.noiseStride(neuW, neu);
        this.synNoise = noise == null ? null : new float[envs * S * synNoiseStride];
        this.neuNoise = noise == null ? null : new float[envs * NE * neuNoiseStride];
        this.synSource = new int[envs * S];
        this.synPost = new int[S];
        for (int j = 0; j < NE; j++) {
            for (int k = 0; k < wiring.synapseCount(j); k++) {
                synPost[wiring.firstSynapse(j) + k] = j;
            }
        }
        for (int e = 0; e < envs; e++) {
            rewire(e, wiring);
        }
    }

    /**
     * Wires environment e's network with {@code w}: which neuron each synapse listens to. The
     * batch's rows stay as they are, so {@code w} must have this network's neurons and the same
     * number of synapses into each neuron (random sparse wirings of one size, different seeds).
     * Lasts until the next call, whatever {@link #reset} and {@link #swapEnvironments} do.
     */
    public void rewire(int e, Wiring w) {
        if (w.inputNeurons() != wiring.inputNeurons() || w.enuNeurons() != wiring.enuNeurons()) {
            throw new IllegalArgumentException("network: a rewiring must keep " + wiring.inputNeurons() + " input and "
                    + wiring.enuNeurons() + " ENU neurons, got " + w.inputNeurons() + " and " + w.enuNeurons());
        }
        int S = wiring.synapses();
        for (int j = 0; j < w.enuNeurons(); j++) {
            int[] src = w.sources(j);
            if (src.length != wiring.synapseCount(j)) {
                throw new IllegalArgumentException("network: a rewiring must keep " + wiring.synapseCount(j)
                        + " synapses into neuron " + j + ", got " + src.length);
            }
            System.arraycopy(src, 0, synSource, e * S + wiring.firstSynapse(j), src.length);
        }
    }

    /** Loads one offspring's weights: the synapse and neuron kinds' parameters at their offsets. */
    public void load(float[] params, int synapseOffset, int neuronOffset) {
        synW.pack(params, synapseOffset);
        neuW.pack(params, neuronOffset);
    }

    /**
     * Resets every memory and output to zero and sets the noise keys (one per environment).
     *
     * @param envNoiseKeys per-environment noise keys (ignored without noise)
     */
    public void reset(long[] envNoiseKeys) {
        if (envNoiseKeys.length != envs) {
            throw new IllegalArgumentException("expected " + envs + " noise keys, got " + envNoiseKeys.length);
        }
        syn.reset();
        neu.reset();
        java.util.Arrays.fill(inputOut, 0f);
        noiseKeys = envNoiseKeys.clone();
        active = envs;
        t = 0;
    }

    /**
     * Steps only the first {@code n} environments from now on (the others keep their state).
     * Rows never influence each other, so the active environments' numbers do not change.
     */
    public void setActive(int n) {
        if (n < 0 || n > envs) {
            throw new IllegalArgumentException("active environments: must be in 0.." + envs + ", got " + n);
        }
        active = n;
    }

    /** Exchanges everything environments a and b hold: memories, outputs, inputs, noise keys, wiring. */
    public void swapEnvironments(int a, int b) {
        if (a == b) {
            return;
        }
        syn.swapUnits(a * wiring.synapses(), b * wiring.synapses(), wiring.synapses());
        swapRows(synSource, a, b, wiring.synapses());
        neu.swapUnits(a * wiring.enuNeurons(), b * wiring.enuNeurons(), wiring.enuNeurons());
        swapRows(inputOut, a, b, wiring.inputNeurons() * channels);
        long k = noiseKeys[a];
        noiseKeys[a] = noiseKeys[b];
        noiseKeys[b] = k;
    }

    private static void swapRows(float[] arr, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            float v = arr[a * len + i];
            arr[a * len + i] = arr[b * len + i];
            arr[b * len + i] = v;
        }
    }

    private static void swapRows(int[] arr, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            int v = arr[a * len + i];
            arr[a * len + i] = arr[b * len + i];
            arr[b * len + i] = v;
        }
    }

    /** Sets input neuron i's channel c in environment e for the coming step(s). */
    public void setInput(int e, int i, int c, float v) {
        inputOut[(e * wiring.inputNeurons() + i) * channels + c] = v;
    }

    /** Zeroes every input neuron's output in environment e. */
    public void clearInputs(int e) {
        int n = wiring.inputNeurons() * channels;
        java.util.Arrays.fill(inputOut, e * n, (e + 1) * n, 0f);
    }

    /** Output channel c of neuron n (global index) in environment e, as the next step will see it. */
    public float output(int e, int n, int c) {
        int NI = wiring.inputNeurons();
        if (n < NI) {
            return inputOut[(e * NI + n) * channels + c];
        }
        return neu.o[(e * wiring.enuNeurons() + (n - NI)) * neu.oStride + c];
    }

    /** Output channel c of synapse s in environment e. */
    public float synapseOutput(int e, int s, int c) {
        return syn.o[(e * wiring.synapses() + s) * syn.oStride + c];
    }

    /** Input channel k of synapse s in environment e at the last step. */
    public float synapseInput(int e, int s, int k) {
        return synX[(e * wiring.synapses() + s) * 2 * channels + k];
    }

    /** Input channel k of ENU neuron j (0-based among ENU neurons) in environment e at the last step. */
    public float neuronInput(int e, int j, int k) {
        return neuX[(e * wiring.enuNeurons() + j) * syn.oStride + k];
    }

    /** Advances the whole network of every active environment by one step. */
    public void step() {
        final int C = channels;
        final int S = wiring.synapses();
        final int NE = wiring.enuNeurons();
        final int NI = wiring.inputNeurons();
        final int os = neu.oStride;
        final int envs = active;
        for (int e = 0; e < envs; e++) {
            int xb = e * S * 2 * C;
            for (int s = 0; s < S; s++) {
                int src = synSource[e * S + s];
                int d = xb + s * 2 * C;
                if (src < NI) {
                    System.arraycopy(inputOut, (e * NI + src) * C, synX, d, C);
                } else {
                    System.arraycopy(neu.o, (e * NE + src - NI) * os, synX, d, C);
                }
                System.arraycopy(neu.o, (e * NE + synPost[s]) * os, synX, d + C, C);
            }
        }
        if (noise != null) {
            fillNoise(S, synNoise, synNoiseStride, 2 * t);
            fillNoise(NE, neuNoise, neuNoiseStride, 2 * t + 1);
        }
        EnuKernel.step(synW, syn, envs * S, synX, 0, 2 * C, synNoise, synNoiseStride);
        integrate();
        EnuKernel.step(neuW, neu, envs * NE, neuX, 0, syn.oStride, neuNoise, neuNoiseStride);
        flopsDone += envs * wiring.flopsPerStep(synSpec, neuSpec);
        t++;
    }

    /**
     * Each ENU neuron's input: the sum or mean of its synapses' outputs, whole padded rows at a
     * time (the padding is zero), summed in synapse order.
     */
    private void integrate() {
        final int S = wiring.synapses();
        final int NE = wiring.enuNeurons();
        final int ss = syn.oStride;
        final int L = KernelShape.LANES;
        final float[] so = syn.o;
        for (int e = 0; e < active; e++) {
            for (int j = 0; j < NE; j++) {
                int first = (e * S + wiring.firstSynapse(j)) * ss;
                int count = wiring.synapseCount(j);
                int d = (e * NE + j) * ss;
                float scale = mean ? 1f / count : 1f;
                for (int c = 0; c < ss; c += L) {
                    FloatVector sum = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, so, first + c);
                    for (int k = 1; k < count; k++) {
                        sum = sum.add(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, so, first + k * ss + c));
                    }
                    (mean ? sum.mul(scale) : sum).intoArray(neuX, d + c);
                }
            }
        }
    }

    private void fillNoise(int unitsPerEnv, float[] out, int stride, int stream) {
        for (int e = 0; e < active; e++) { // the same values either way: packed (lanes) or spread over padded rows (tiles)
            noise.window(noiseKeys[e], stream, unitsPerEnv, channels, out, e * unitsPerEnv * stride, stride);
        }
    }

    /** Kernel flops actually computed by this network since it was made (dead environments skipped). */
    public double flopsDone() {
        return flopsDone;
    }

    /** Kernel flops of one network step for all environments. */
    public double flopsPerStep() {
        return envs * wiring.flopsPerStep(synSpec, neuSpec);
    }
}
