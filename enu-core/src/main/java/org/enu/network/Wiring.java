package org.enu.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enu.rng.KeyedRandom;

/**
 * Who connects to whom in a network of ENUs. Neurons are numbered globally: first the input
 * neurons (whose outputs the environment sets), then the ENU neurons. Each ENU neuron has a list
 * of presynaptic sources (any neuron, itself included); each entry is one synapse ENU. Synapses
 * are numbered in order: neuron 0's synapses first, then neuron 1's, and so on.
 */
public final class Wiring {
    private final String name;
    private final int inputNeurons;
    private final int[][] sources;
    private final int[] firstSynapse;
    private final int synapses;

    /**
     * @param name         a label for provenance
     * @param inputNeurons number of input neurons
     * @param sources      for each ENU neuron, its presynaptic neurons (global indices)
     */
    public Wiring(String name, int inputNeurons, int[][] sources) {
        if (inputNeurons < 0) {
            throw new IllegalArgumentException("wiring: input neurons must be >= 0, got " + inputNeurons);
        }
        if (sources.length == 0) {
            throw new IllegalArgumentException("wiring: no ENU neurons");
        }
        int total = inputNeurons + sources.length;
        this.firstSynapse = new int[sources.length + 1];
        this.sources = new int[sources.length][];
        for (int j = 0; j < sources.length; j++) {
            int[] s = sources[j];
            if (s == null || s.length == 0) {
                throw new IllegalArgumentException("wiring: ENU neuron " + (inputNeurons + j) + " has no synapses");
            }
            for (int src : s) {
                if (src < 0 || src >= total) {
                    throw new IllegalArgumentException("wiring: ENU neuron " + (inputNeurons + j)
                            + " has a synapse from neuron " + src + ", outside 0.." + (total - 1));
                }
            }
            this.sources[j] = s.clone();
            firstSynapse[j + 1] = firstSynapse[j] + s.length;
        }
        this.name = name;
        this.inputNeurons = inputNeurons;
        this.synapses = firstSynapse[sources.length];
    }

    /**
     * The authors' "4-3-3 (8syn)" network: input neurons 0–2 (sensors) and 3 (reward), hidden
     * ENU neurons 4–6, output ENU neurons 7–9; each ENU neuron has 8 synapses: 2 sensors, 2
     * hidden, 2 output, the reward neuron and itself.
     */
    public static Wiring paper433() {
        return new Wiring("4-3-3-8syn", 4, new int[][] {
            {0, 1, 5, 6, 7, 8, 3, 4},
            {0, 2, 4, 6, 7, 9, 3, 5},
            {1, 2, 4, 5, 8, 9, 3, 6},
            {4, 5, 8, 9, 0, 1, 3, 7},
            {4, 6, 7, 9, 0, 2, 3, 8},
            {5, 6, 7, 8, 1, 2, 3, 9},
        });
    }

    /**
     * Random sparse wiring: each ENU neuron draws {@code perNeuron} distinct presynaptic neurons
     * uniformly from all neurons (itself included), from a seed.
     */
    public static Wiring randomSparse(int inputNeurons, int enuNeurons, int perNeuron, long seed) {
        int total = inputNeurons + enuNeurons;
        if (perNeuron < 1 || perNeuron > total) {
            throw new IllegalArgumentException("wiring: synapses per neuron must be in 1.." + total + ", got " + perNeuron);
        }
        if (enuNeurons < 1) {
            throw new IllegalArgumentException("wiring: ENU neurons must be >= 1, got " + enuNeurons);
        }
        KeyedRandom rnd = new KeyedRandom(seed);
        int[][] src = new int[enuNeurons][];
        for (int j = 0; j < enuNeurons; j++) {
            int[] all = new int[total];
            for (int i = 0; i < total; i++) {
                all[i] = i;
            }
            rnd.shuffle(all);
            src[j] = Arrays.copyOf(all, perNeuron);
            Arrays.sort(src[j]);
        }
        return new Wiring("random-" + perNeuron + "syn-seed" + seed, inputNeurons, src);
    }

    public String name() {
        return name;
    }

    public int inputNeurons() {
        return inputNeurons;
    }

    public int enuNeurons() {
        return sources.length;
    }

    public int totalNeurons() {
        return inputNeurons + sources.length;
    }

    public int synapses() {
        return synapses;
    }

    /** ENU units stepped per network step: every synapse and every ENU neuron. */
    public int units() {
        return synapses() + enuNeurons();
    }

    /** Kernel flops of one network step of one environment, with these synapse and neuron kinds. */
    public double flopsPerStep(org.enu.cell.EnuSpec synapse, org.enu.cell.EnuSpec neuron) {
        return (double) synapses() * synapse.flopsPerStep() + (double) enuNeurons() * neuron.flopsPerStep();
    }

    /** Presynaptic sources of ENU neuron j (0-based among ENU neurons); a copy. */
    public int[] sources(int j) {
        return sources[j].clone();
    }

    /** Index of ENU neuron j's first synapse. */
    public int firstSynapse(int j) {
        return firstSynapse[j];
    }

    /** Number of synapses of ENU neuron j. */
    public int synapseCount(int j) {
        return sources[j].length;
    }

    /** The rows of the wiring as text, one ENU neuron per line. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (int j = 0; j < sources.length; j++) {
            lines.add((inputNeurons + j) + " <- " + Arrays.toString(sources[j]));
        }
        return lines;
    }
}
