package org.enu.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.enu.cell.EnuReference;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.GenomeLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The batched network step equals the network written unit by unit with the reference cell. */
class EnuNetworkTest {

    @ParameterizedTest(name = "paper433={0} mean={1} noise={2} channels={3}")
    @CsvSource({"true,true,true,16", "true,false,false,16", "false,true,true,5", "false,false,true,4"})
    void batchedNetworkEqualsUnitByUnitReference(boolean paper, boolean mean, boolean noisy, int C) {
        Wiring w = paper ? Wiring.paper433() : Wiring.randomSparse(3, 4, 3, 11);
        EnuSpec syn = new EnuSpec(2 * C, 8, C, true, 3f, 1f, 3f, false, noisy ? 0.01f : 0f);
        EnuSpec neu = new EnuSpec(C, 8, C, true, 3f, 1f, 3f, false, noisy ? 0.01f : 0f);
        GenomeLayout layout = GenomeLayout.of(new String[] {"synapse", "neuron"}, new EnuSpec[] {syn, neu});
        float[] params = layout.initialParameters(4);
        KeyedRandom r = new KeyedRandom(8);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.3 * r.nextGaussian()); // biases and all: exercise every weight
        }
        int m = 3;
        NoiseTable table = noisy ? new NoiseTable(0.01f) : null;
        EnuNetwork net = new EnuNetwork(w, syn, neu, m, mean, table);
        net.load(params, 0, syn.parameterCount());
        long[] keys = {101, 202, 303};
        net.reset(keys);

        int NI = w.inputNeurons();
        int NE = w.enuNeurons();
        int S = w.synapses();
        float[][][] synH = new float[m][S][8];
        float[][][] synO = new float[m][S][C];
        float[][][] neuH = new float[m][NE][8];
        float[][][] neuO = new float[m][NE][C];
        float[][][] in = new float[m][NI][C];
        for (int step = 0; step < 6; step++) {
            for (int e = 0; e < m; e++) {
                for (int i = 0; i < NI; i++) {
                    for (int c = 0; c < C; c++) {
                        float v = r.bernoulli(0.3) ? (float) r.nextDouble() : 0f;
                        in[e][i][c] = v;
                        net.setInput(e, i, c, v);
                    }
                }
            }
            net.step();
            for (int e = 0; e < m; e++) {
                float[] synNoise = new float[S * C];
                float[] neuNoise = new float[NE * C];
                if (noisy) {
                    table.window(keys[e], 2 * step, S * C, synNoise, 0);
                    table.window(keys[e], 2 * step + 1, NE * C, neuNoise, 0);
                }
                float[][] newSynO = new float[S][];
                for (int j = 0; j < NE; j++) {
                    int[] src = w.sources(j);
                    for (int k = 0; k < src.length; k++) {
                        int s = w.firstSynapse(j) + k;
                        float[] x = new float[2 * C];
                        float[] pre = src[k] < NI ? in[e][src[k]] : neuO[e][src[k] - NI];
                        System.arraycopy(pre, 0, x, 0, C);
                        System.arraycopy(neuO[e][j], 0, x, C, C);
                        float[] nz = noisy ? java.util.Arrays.copyOfRange(synNoise, s * C, s * C + C) : null;
                        float[] o = synO[e][s];
                        EnuReference.step(syn, params, 0, x, synH[e][s], o, nz);
                        newSynO[s] = o;
                    }
                }
                for (int j = 0; j < NE; j++) {
                    float[] x = new float[C];
                    int count = w.synapseCount(j);
                    for (int c = 0; c < C; c++) {
                        double sum = 0;
                        for (int k = 0; k < count; k++) {
                            sum += newSynO[w.firstSynapse(j) + k][c];
                        }
                        x[c] = (float) (mean ? sum / count : sum);
                    }
                    float[] nz = noisy ? java.util.Arrays.copyOfRange(neuNoise, j * C, j * C + C) : null;
                    EnuReference.step(neu, params, syn.parameterCount(), x, neuH[e][j], neuO[e][j], nz);
                }
                for (int s = 0; s < S; s++) {
                    for (int c = 0; c < C; c++) {
                        assertEquals(synO[e][s][c], net.synapseOutput(e, s, c), 2e-4,
                                "step " + step + " env " + e + " synapse " + s + " channel " + c);
                    }
                }
                for (int j = 0; j < NE; j++) {
                    for (int c = 0; c < C; c++) {
                        assertEquals(neuO[e][j][c], net.output(e, NI + j, c), 2e-4,
                                "step " + step + " env " + e + " neuron " + (NI + j) + " channel " + c);
                    }
                }
            }
        }
        double any = 0;
        for (int c = 0; c < C; c++) {
            any += Math.abs(net.output(0, NI, c));
        }
        assertTrue(any > 0, "the network is not silent");
    }

    /**
     * Environments of one batch wired differently (random wirings of one size, other seeds) step
     * exactly as networks built with those wirings, also after two environments swap places.
     */
    @Test
    void eachEnvironmentMayHaveItsOwnWiringAndKeepsItWhenItMoves() {
        int C = 4;
        EnuSpec syn = new EnuSpec(2 * C, 8, C, true, 3f, 1f, 3f, false, 0.01f);
        EnuSpec neu = new EnuSpec(C, 8, C, true, 3f, 1f, 3f, false, 0.01f);
        float[] params = GenomeLayout.of(new String[] {"synapse", "neuron"}, new EnuSpec[] {syn, neu}).initialParameters(4);
        KeyedRandom r = new KeyedRandom(8);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.3 * r.nextGaussian());
        }
        Wiring[] w = {Wiring.randomSparse(4, 6, 5, 1), Wiring.randomSparse(4, 6, 5, 2), Wiring.randomSparse(4, 6, 5, 3)};
        long[] keys = {101, 202, 303};
        NoiseTable table = new NoiseTable(0.01f);
        EnuNetwork batch = new EnuNetwork(w[0], syn, neu, 3, true, table);
        batch.rewire(1, w[1]);
        batch.rewire(2, w[2]);
        batch.load(params, 0, syn.parameterCount());
        batch.reset(keys);
        EnuNetwork[] alone = new EnuNetwork[3];
        for (int e = 0; e < 3; e++) {
            alone[e] = new EnuNetwork(w[e], syn, neu, 1, true, table);
            alone[e].load(params, 0, syn.parameterCount());
            alone[e].reset(new long[] {keys[e]});
        }
        int[] slotOf = {0, 1, 2};
        for (int step = 0; step < 8; step++) {
            if (step == 4) { // environments 0 and 2 change places, as dead agents' rows do
                batch.swapEnvironments(0, 2);
                slotOf = new int[] {2, 1, 0};
            }
            for (int e = 0; e < 3; e++) {
                for (int i = 0; i < 4; i++) {
                    float v = (float) r.nextDouble();
                    batch.setInput(slotOf[e], i, 0, v);
                    alone[e].setInput(0, i, 0, v);
                }
                alone[e].step();
            }
            batch.step();
            for (int e = 0; e < 3; e++) {
                for (int n = 4; n < 10; n++) {
                    for (int c = 0; c < C; c++) {
                        assertEquals(Float.floatToIntBits(alone[e].output(0, n, c)),
                                Float.floatToIntBits(batch.output(slotOf[e], n, c)),
                                "step " + step + " environment " + e + " neuron " + n + " channel " + c);
                    }
                }
            }
        }
        assertTrue(alone[1].output(0, 4, 0) != alone[2].output(0, 4, 0), "the wirings make a difference");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> batch.rewire(0, Wiring.randomSparse(4, 6, 4, 1)));
        assertTrue(bad.getMessage().contains("5 synapses into neuron 0"), bad.getMessage());
        bad = assertThrows(IllegalArgumentException.class, () -> batch.rewire(0, Wiring.randomSparse(4, 7, 5, 1)));
        assertTrue(bad.getMessage().contains("6 ENU neurons"), bad.getMessage());
    }

    @Test
    void aStridedNoiseWindowHoldsThePackedWindowsValuesRowByRow() {
        NoiseTable table = new NoiseTable(0.01f);
        float[] packed = new float[48 * 4];
        table.window(77L, 9, 48 * 4, packed, 0);
        float[] rows = new float[5 + 48 * 16];
        java.util.Arrays.fill(rows, 42f);
        table.window(77L, 9, 48, 4, rows, 5, 16);
        for (int u = 0; u < 48; u++) {
            for (int c = 0; c < 16; c++) {
                assertEquals(c < 4 ? packed[u * 4 + c] : 42f, rows[5 + u * 16 + c], "unit " + u + " slot " + c);
            }
        }
        float[] same = new float[48 * 4];
        table.window(77L, 9, 48, 4, same, 0, 4);
        assertTrue(java.util.Arrays.equals(packed, same), "stride = width is the packed window");
        assertThrows(IllegalArgumentException.class, () -> table.window(77L, 9, 48, 4, rows, 0, 3));
    }

    @Test
    void paperWiringMatchesTheNotes() {
        Wiring w = Wiring.paper433();
        assertEquals(4, w.inputNeurons());
        assertEquals(6, w.enuNeurons());
        assertEquals(48, w.synapses());
        for (int j = 0; j < 6; j++) {
            int[] s = w.sources(j);
            assertEquals(8, s.length);
            assertEquals(3, s[6], "the reward neuron");
            assertEquals(4 + j, s[7], "itself");
        }
    }

    @Test
    void badWiringIsRejectedWithTheNeuronNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Wiring("x", 2, new int[][] {{0, 1}, {0, 9}}));
        assertTrue(e.getMessage().contains("neuron 3") && e.getMessage().contains("neuron 9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Wiring("x", 2, new int[][] {{0, 1}, {}}));
        assertTrue(e.getMessage().contains("no synapses"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wiring.randomSparse(2, 2, 5, 1));
        assertTrue(e.getMessage().contains("synapses per neuron"), e.getMessage());
    }

    @Test
    void randomWiringIsSeededAndDistinct() {
        Wiring a = Wiring.randomSparse(4, 6, 8, 3);
        Wiring b = Wiring.randomSparse(4, 6, 8, 3);
        assertEquals(a.describe(), b.describe());
        for (int j = 0; j < 6; j++) {
            assertEquals(8, java.util.Arrays.stream(a.sources(j)).distinct().count());
        }
    }
}
