package org.enu.cell;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ENU step for small units: one unit per vector lane. {@link EnuKernel} puts a unit's memory
 * cells in the lanes, so a unit with memory 8 or 4 outputs fills half or a quarter of a 16-lane
 * vector and the rest of every product and nonlinearity is padding. Here a block of L units (L
 * = the vector width) is worked on transposed: row k holds input, output or memory k of the L
 * units side by side, every weight is broadcast and multiplied into a whole row. The memories
 * stay in that layout between steps ({@link EnuBatch#lanes}) and are updated in place; the
 * inputs and outputs, which the caller keeps in rows, are gathered into a transposed scratch
 * (one vector gather per row) and the new outputs scattered back. No lane is padding, whatever
 * the memory and outputs; the price is the gathers and scatters (docs/PERFORMANCE.md, logs 17
 * and 28).
 *
 * <p>Bit-identical to {@link EnuKernel#stepTiles}: every pre-activation is accumulated in the
 * same order (bias, inputs, outputs, then memory; the cell gate's r ⊙ h part after the others)
 * with the same fused multiply-adds, and the nonlinearities are the same {@link VectorMath}
 * loops, which act on each lane alone. {@link EnuKernel#step} chooses the path
 * ({@link KernelShape#prefersLanes}); {@code EnuKernelTest} runs both from the same state at every
 * step and requires the same bits, and each against {@link EnuReference}.
 *
 * <p>Cells and outputs are taken 4 at a time (12 accumulators in the gate pass: 4 cells x z, r, c),
 * padded with zero weights to a multiple of 4 in the scratch only. A last block of fewer than L
 * units repeats its last unit in the unused lanes and discards them. Nothing is allocated.
 */
final class EnuKernelLanes {
    private EnuKernelLanes() {
    }

    private static final VectorSpecies<Float> S = KernelShape.S;
    private static final int L = KernelShape.LANES;
    private static final int G = KernelShape.GROUP;
    private static final boolean VECTOR_SCATTER = KernelShape.VECTOR_SCATTER;

    /**
     * Noise of unit b's channel c at {@code noise[b*noiseStride + c]}. The memories are stepped
     * where they lie ({@link EnuBatch}'s lane layout); only a last block with units beyond
     * {@code rows} is stepped in the scratch and copied back for the live units alone.
     */
    static void step(EnuWeights w, EnuBatch st, int rows, float[] x, int xOff, int xStride, float[] noise,
                     int noiseStride) {
        final int block = st.hRows * L;
        for (int r0 = 0; r0 < rows; r0 += L) {
            int n = Math.min(L, rows - r0);
            int base = r0 / L * block;
            float[] hv = n < L ? st.th : st.h;
            int hb = n < L ? 0 : base;
            if (n < L) {
                System.arraycopy(st.h, base, hv, 0, block);
            }
            gather(w, st, r0, n, x, xOff, xStride, noise, noiseStride);
            gatePass(w, st, hv, hb);
            if (w.fast) {
                gatesFast(w, st, hv, hb);
                cellPass(w, st);
                tanhUpdateFast(w, st, hv, hb);
            } else {
                VectorMath.gates(st.tz, st.tr, w.cellGroups * G * L, w.spec.gateSlope(), w.spec.resetShift(), hv, hb);
                cellPass(w, st);
                VectorMath.tanhUpdate(st.tc, st.tz, w.cellGroups * G * L, w.spec.cellSlope(), hv, hb);
            }
            outputPass(w, st, hv, hb, noise != null);
            scatter(w, st, r0, n);
            if (n < L) {
                for (int k = 0; k < w.spec.memory(); k++) {
                    System.arraycopy(st.th, k * L, st.h, base + k * L, n);
                }
            }
        }
    }

    /** Fast math's gates ({@link VectorMath#gatesFast}), in a method of its own so that C2 compiles it apart. */
    private static void gatesFast(EnuWeights w, EnuBatch st, float[] hv, int hb) {
        VectorMath.gatesFast(st.tz, st.tr, w.cellGroups * G * L, w.gateScale, w.resetOffset, hv, hb);
    }

    /** Fast math's memory update ({@link VectorMath#tanhUpdateFast}). */
    private static void tanhUpdateFast(EnuWeights w, EnuBatch st, float[] hv, int hb) {
        VectorMath.tanhUpdateFast(st.tc, st.tz, w.cellGroups * G * L, w.cellScale, hv, hb);
    }

    /** Copies the block's inputs, outputs (and noise) into the transposed scratch. */
    private static void gather(EnuWeights w, EnuBatch st, int r0, int n, float[] x, int xOff, int xStride,
                               float[] noise, int noiseStride) {
        final int nx = w.spec.inputs();
        final int no = w.spec.outputs();
        final int os = st.oStride;
        final int[] xi = st.xIdx;
        final int[] oi = st.oIdx;
        for (int l = 0; l < L; l++) {
            int r = Math.min(l, n - 1);
            xi[l] = r * xStride;
            oi[l] = r * os;
        }
        final int xb = xOff + r0 * xStride;
        final int ob = r0 * os;
        for (int k = 0; k < nx; k++) {
            FloatVector.fromArray(S, x, xb + k, xi, 0).intoArray(st.tx, k * L);
        }
        for (int k = 0; k < no; k++) {
            FloatVector.fromArray(S, st.o, ob + k, oi, 0).intoArray(st.tx, (nx + k) * L);
        }
        if (noise != null) {
            final int[] ni = st.nIdx;
            for (int l = 0; l < L; l++) {
                ni[l] = Math.min(l, n - 1) * noiseStride;
            }
            final int nb = r0 * noiseStride;
            for (int k = 0; k < no; k++) {
                FloatVector.fromArray(S, noise, nb + k, ni, 0).intoArray(st.tn, k * L);
            }
        }
    }

    /** Writes the block's live units' new outputs back to the row layout. */
    private static void scatter(EnuWeights w, EnuBatch st, int r0, int n) {
        final int no = w.spec.outputs();
        final int os = st.oStride;
        final float[] to = st.to;
        if (n == L && VECTOR_SCATTER) {
            final int ob = r0 * os;
            for (int k = 0; k < no; k++) {
                FloatVector.fromArray(S, to, k * L).intoArray(st.o, ob + k, st.oIdx, 0);
            }
            return;
        }
        for (int l = 0; l < n; l++) {
            int ob = (r0 + l) * os;
            for (int k = 0; k < no; k++) {
                st.o[ob + k] = to[k * L + l];
            }
        }
    }

    /**
     * z, r and (the bias, input and output part of) c for every cell: groups of 4 cells, 12
     * accumulators, each row of the scratch loaded once per group. Weights, per group: [z r c] x 4
     * for the bias and for each input and output, then [z r] x 4 for each memory.
     */
    private static void gatePass(EnuWeights w, EnuBatch st, float[] th, int hb) {
        final int nxo = w.spec.inputs() + w.spec.outputs();
        final int H = w.spec.memory();
        final float[] g = w.laneGates;
        final float[] tx = st.tx;
        int wi = 0;
        for (int grp = 0; grp < w.cellGroups; grp++) {
            FloatVector z0 = FloatVector.broadcast(S, g[wi]), z1 = FloatVector.broadcast(S, g[wi + 1]);
            FloatVector z2 = FloatVector.broadcast(S, g[wi + 2]), z3 = FloatVector.broadcast(S, g[wi + 3]);
            FloatVector q0 = FloatVector.broadcast(S, g[wi + 4]), q1 = FloatVector.broadcast(S, g[wi + 5]);
            FloatVector q2 = FloatVector.broadcast(S, g[wi + 6]), q3 = FloatVector.broadcast(S, g[wi + 7]);
            FloatVector c0 = FloatVector.broadcast(S, g[wi + 8]), c1 = FloatVector.broadcast(S, g[wi + 9]);
            FloatVector c2 = FloatVector.broadcast(S, g[wi + 10]), c3 = FloatVector.broadcast(S, g[wi + 11]);
            wi += 12;
            for (int k = 0; k < nxo; k++, wi += 12) {
                FloatVector a = FloatVector.fromArray(S, tx, k * L);
                z0 = FloatVector.broadcast(S, g[wi]).fma(a, z0);
                z1 = FloatVector.broadcast(S, g[wi + 1]).fma(a, z1);
                z2 = FloatVector.broadcast(S, g[wi + 2]).fma(a, z2);
                z3 = FloatVector.broadcast(S, g[wi + 3]).fma(a, z3);
                q0 = FloatVector.broadcast(S, g[wi + 4]).fma(a, q0);
                q1 = FloatVector.broadcast(S, g[wi + 5]).fma(a, q1);
                q2 = FloatVector.broadcast(S, g[wi + 6]).fma(a, q2);
                q3 = FloatVector.broadcast(S, g[wi + 7]).fma(a, q3);
                c0 = FloatVector.broadcast(S, g[wi + 8]).fma(a, c0);
                c1 = FloatVector.broadcast(S, g[wi + 9]).fma(a, c1);
                c2 = FloatVector.broadcast(S, g[wi + 10]).fma(a, c2);
                c3 = FloatVector.broadcast(S, g[wi + 11]).fma(a, c3);
            }
            for (int k = 0; k < H; k++, wi += 8) {
                FloatVector a = FloatVector.fromArray(S, th, hb + k * L);
                z0 = FloatVector.broadcast(S, g[wi]).fma(a, z0);
                z1 = FloatVector.broadcast(S, g[wi + 1]).fma(a, z1);
                z2 = FloatVector.broadcast(S, g[wi + 2]).fma(a, z2);
                z3 = FloatVector.broadcast(S, g[wi + 3]).fma(a, z3);
                q0 = FloatVector.broadcast(S, g[wi + 4]).fma(a, q0);
                q1 = FloatVector.broadcast(S, g[wi + 5]).fma(a, q1);
                q2 = FloatVector.broadcast(S, g[wi + 6]).fma(a, q2);
                q3 = FloatVector.broadcast(S, g[wi + 7]).fma(a, q3);
            }
            int s = grp * G * L;
            z0.intoArray(st.tz, s); z1.intoArray(st.tz, s + L); z2.intoArray(st.tz, s + 2 * L); z3.intoArray(st.tz, s + 3 * L);
            q0.intoArray(st.tr, s); q1.intoArray(st.tr, s + L); q2.intoArray(st.tr, s + 2 * L); q3.intoArray(st.tr, s + 3 * L);
            c0.intoArray(st.tc, s); c1.intoArray(st.tc, s + L); c2.intoArray(st.tc, s + 2 * L); c3.intoArray(st.tc, s + 3 * L);
        }
    }

    /** c += W_c,h · (r ⊙ h), 4 cells at a time; st.tr holds r ⊙ h. */
    private static void cellPass(EnuWeights w, EnuBatch st) {
        final int H = w.spec.memory();
        final float[] cm = w.laneCell;
        final float[] rh = st.tr;
        final float[] tc = st.tc;
        int wi = 0;
        for (int grp = 0; grp < w.cellGroups; grp++) {
            int s = grp * G * L;
            FloatVector c0 = FloatVector.fromArray(S, tc, s), c1 = FloatVector.fromArray(S, tc, s + L);
            FloatVector c2 = FloatVector.fromArray(S, tc, s + 2 * L), c3 = FloatVector.fromArray(S, tc, s + 3 * L);
            for (int k = 0; k < H; k++, wi += 4) {
                FloatVector a = FloatVector.fromArray(S, rh, k * L);
                c0 = FloatVector.broadcast(S, cm[wi]).fma(a, c0);
                c1 = FloatVector.broadcast(S, cm[wi + 1]).fma(a, c1);
                c2 = FloatVector.broadcast(S, cm[wi + 2]).fma(a, c2);
                c3 = FloatVector.broadcast(S, cm[wi + 3]).fma(a, c3);
            }
            c0.intoArray(tc, s); c1.intoArray(tc, s + L); c2.intoArray(tc, s + 2 * L); c3.intoArray(tc, s + 3 * L);
        }
    }

    /** o := clip(scale · (W_o · [h', 1]) + noise, 0, 1), 4 outputs at a time, into st.to. */
    private static void outputPass(EnuWeights w, EnuBatch st, float[] th, int hb, boolean noisy) {
        final int H = w.spec.memory();
        final float[] wo = w.laneOut;
        final float scale = w.spec.spikeOutput() ? EnuSpec.SPIKE_SCALE : 1f;
        int wi = 0;
        for (int grp = 0; grp < w.outGroups; grp++) {
            FloatVector a0 = FloatVector.broadcast(S, wo[wi]), a1 = FloatVector.broadcast(S, wo[wi + 1]);
            FloatVector a2 = FloatVector.broadcast(S, wo[wi + 2]), a3 = FloatVector.broadcast(S, wo[wi + 3]);
            wi += 4;
            for (int k = 0; k < H; k++, wi += 4) {
                FloatVector a = FloatVector.fromArray(S, th, hb + k * L);
                a0 = FloatVector.broadcast(S, wo[wi]).fma(a, a0);
                a1 = FloatVector.broadcast(S, wo[wi + 1]).fma(a, a1);
                a2 = FloatVector.broadcast(S, wo[wi + 2]).fma(a, a2);
                a3 = FloatVector.broadcast(S, wo[wi + 3]).fma(a, a3);
            }
            int s = grp * G * L;
            a0 = a0.mul(scale);
            a1 = a1.mul(scale);
            a2 = a2.mul(scale);
            a3 = a3.mul(scale);
            if (noisy) {
                a0 = a0.add(FloatVector.fromArray(S, st.tn, s));
                a1 = a1.add(FloatVector.fromArray(S, st.tn, s + L));
                a2 = a2.add(FloatVector.fromArray(S, st.tn, s + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, st.tn, s + 3 * L));
            }
            a0.max(0f).min(1f).intoArray(st.to, s);
            a1.max(0f).min(1f).intoArray(st.to, s + L);
            a2.max(0f).min(1f).intoArray(st.to, s + 2 * L);
            a3.max(0f).min(1f).intoArray(st.to, s + 3 * L);
        }
    }
}
