package org.enu.cell;

/**
 * One ENU kind's parameters repacked for {@link EnuKernel}: gate columns grouped in panels of the
 * vector width, so that the kernel streams them in the order it uses them. Packing is a pure
 * permutation of the flat parameters (plus zero padding); {@link #pack} can refill the same
 * object for another offspring without allocating.
 *
 * <p>Layout, with L lanes, Hp = memory rounded up to L, Op = outputs rounded up to L:
 * <ul>
 *   <li>{@code gates}: for each memory panel p (Hp / L of them): the bias row [z r c], then for each
 *       input x_k and each output o_k a row [z r c], then for each memory h_k a row [z r]
 *       (the cell gate sees r ⊙ h instead, see {@code cellMemory}); each entry is L floats.</li>
 *   <li>{@code cellMemory}: for each memory panel: for each h_k, the cell gate's L weights.</li>
 *   <li>{@code output}: for each output panel: the bias, then for each h_k, L weights.</li>
 * </ul>
 * Units that {@link EnuKernelLanes} steps (one per lane) use its own layout instead
 * ({@code laneGates}, {@code laneCell}, {@code laneOut}, see {@link #packLanes}); an object holds
 * only the layout of its path.
 */
public final class EnuWeights {
    final EnuSpec spec;
    final int lanes;
    final int memPanels;
    final int outPanels;
    final int gatePanelStride;
    final int cellPanelStride;
    final int outPanelStride;
    final float[] gates;
    final float[] cellMemory;
    final float[] output;
    // the same weights for EnuKernelLanes: cells and outputs in groups of G, zero-padded
    final int cellGroups;
    final int outGroups;
    final float[] laneGates;
    final float[] laneCell;
    final float[] laneOut;
    /** Whether {@link EnuKernel#step} takes {@link EnuKernelLanes} for these units. */
    final boolean lanePath;
    /** Whether the units use fast math ({@link EnuMath#FAST}), and its constants ({@link EnuReference#stepFast}). */
    final boolean fast;
    final float gateScale;
    final float resetOffset;
    final float cellScale;

    public EnuWeights(EnuSpec spec) {
        this(spec, KernelShape.usesLanes(spec));
    }

    /**
     * @param onePerLane whether these units take {@link EnuKernelLanes} (then only its layout is
     *                   allocated and packed) or the tiles of {@link EnuKernel} (only theirs)
     */
    EnuWeights(EnuSpec spec, boolean onePerLane) {
        this.spec = spec;
        this.lanes = KernelShape.LANES;
        int H = spec.memory();
        int O = spec.outputs();
        this.memPanels = (H + lanes - 1) / lanes;
        this.outPanels = (O + lanes - 1) / lanes;
        int nxo = spec.inputs() + O;
        this.gatePanelStride = (3 * (1 + nxo) + 2 * H) * lanes;
        this.cellPanelStride = H * lanes;
        this.outPanelStride = (1 + H) * lanes;
        this.lanePath = onePerLane;
        this.fast = spec.math() == EnuMath.FAST;
        this.gateScale = EnuReference.gateScale(spec);
        this.resetOffset = EnuReference.resetOffset(spec);
        this.cellScale = EnuReference.cellScale(spec);
        this.gates = new float[onePerLane ? 0 : memPanels * gatePanelStride];
        this.cellMemory = new float[onePerLane ? 0 : memPanels * cellPanelStride];
        this.output = new float[onePerLane ? 0 : outPanels * outPanelStride];
        int G = KernelShape.GROUP;
        this.cellGroups = (H + G - 1) / G;
        this.outGroups = (O + G - 1) / G;
        this.laneGates = new float[onePerLane ? cellGroups * (3 * G * (1 + nxo) + 2 * G * H) : 0];
        this.laneCell = new float[onePerLane ? cellGroups * G * H : 0];
        this.laneOut = new float[onePerLane ? outGroups * G * (1 + H) : 0];
    }

    public EnuSpec spec() {
        return spec;
    }

    /**
     * Fills this object from a flat parameter vector (layout in {@link EnuSpec}).
     *
     * @param params flat parameters (not modified)
     * @param base   offset of this unit kind's parameters
     * @return this
     */
    public EnuWeights pack(float[] params, int base) {
        if (lanePath) {
            packLanes(params, base);
            return this;
        }
        int nx = spec.inputs();
        int H = spec.memory();
        int O = spec.outputs();
        int K = spec.gateInputs();
        int KO = spec.outputGateInputs();
        int L = lanes;
        boolean bias = spec.bias();
        for (int p = 0; p < memPanels; p++) {
            int g = p * gatePanelStride;
            int cm = p * cellPanelStride;
            for (int l = 0; l < L; l++) {
                int j = p * L + l;
                boolean live = j < H;
                int rz = base + spec.offsetZ() + j * K;
                int rr = base + spec.offsetR() + j * K;
                int rc = base + spec.offsetC() + j * K;
                // bias row
                gates[g + l] = live && bias ? params[rz + K - 1] : 0f;
                gates[g + L + l] = live && bias ? params[rr + K - 1] : 0f;
                gates[g + 2 * L + l] = live && bias ? params[rc + K - 1] : 0f;
                int off = g + 3 * L;
                for (int k = 0; k < nx + O; k++) {
                    gates[off + l] = live ? params[rz + k] : 0f;
                    gates[off + L + l] = live ? params[rr + k] : 0f;
                    gates[off + 2 * L + l] = live ? params[rc + k] : 0f;
                    off += 3 * L;
                }
                for (int k = 0; k < H; k++) {
                    gates[off + l] = live ? params[rz + nx + O + k] : 0f;
                    gates[off + L + l] = live ? params[rr + nx + O + k] : 0f;
                    off += 2 * L;
                    cellMemory[cm + k * L + l] = live ? params[rc + nx + O + k] : 0f;
                }
            }
        }
        for (int q = 0; q < outPanels; q++) {
            int ob = q * outPanelStride;
            for (int l = 0; l < L; l++) {
                int j = q * L + l;
                boolean live = j < O;
                int ro = base + spec.offsetO() + j * KO;
                output[ob + l] = live && bias ? params[ro + KO - 1] : 0f;
                for (int k = 0; k < H; k++) {
                    output[ob + (1 + k) * L + l] = live ? params[ro + k] : 0f;
                }
            }
        }
        return this;
    }

    /** The layout of {@link EnuKernelLanes}: per group of G cells, [z.. r.. c..] for the bias and each input and output, then [z.. r..] for each memory; per group of G outputs, the bias then each memory. */
    private void packLanes(float[] params, int base) {
        int nx = spec.inputs();
        int H = spec.memory();
        int O = spec.outputs();
        int K = spec.gateInputs();
        int KO = spec.outputGateInputs();
        int nxo = nx + O;
        int G = KernelShape.GROUP;
        boolean bias = spec.bias();
        int wi = 0;
        int ci = 0;
        for (int grp = 0; grp < cellGroups; grp++) {
            for (int col = -1; col < nxo + H; col++) { // -1: the bias
                int gates = col < nxo ? 3 : 2;
                for (int gate = 0; gate < gates; gate++) {
                    int offset = gate == 0 ? spec.offsetZ() : gate == 1 ? spec.offsetR() : spec.offsetC();
                    for (int i = 0; i < G; i++) {
                        int j = grp * G + i;
                        float v = 0f;
                        if (j < H && (col >= 0 || bias)) {
                            v = params[base + offset + j * K + (col < 0 ? K - 1 : col)];
                        }
                        laneGates[wi++] = v;
                    }
                }
            }
            for (int k = 0; k < H; k++) {
                for (int i = 0; i < G; i++) {
                    int j = grp * G + i;
                    laneCell[ci++] = j < H ? params[base + spec.offsetC() + j * K + nxo + k] : 0f;
                }
            }
        }
        int oi = 0;
        for (int grp = 0; grp < outGroups; grp++) {
            for (int col = -1; col < H; col++) {
                for (int i = 0; i < G; i++) {
                    int j = grp * G + i;
                    float v = 0f;
                    if (j < O && (col >= 0 || bias)) {
                        v = params[base + spec.offsetO() + j * KO + (col < 0 ? KO - 1 : col)];
                    }
                    laneOut[oi++] = v;
                }
            }
        }
    }
}
