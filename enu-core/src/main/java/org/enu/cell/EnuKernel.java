package org.enu.cell;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast ENU step: a batch of B units that share one set of weights, advanced by one step with
 * the Vector API. Computes exactly the equations of {@link EnuReference} (tested equal to it),
 * organised for the CPU:
 * <ol>
 *   <li>rows are taken in tiles of {@value KernelShape#TILE}; a tile's three gate pre-activations for one
 *       panel of L memory cells are accumulated in 12 vector registers (4 rows x z, r, c), with
 *       each weight vector loaded once and used for 4 rows;</li>
 *   <li>the update and reset gate nonlinearities run on the tile while it is in L1;</li>
 *   <li>the cell gate's r ⊙ h term is a second small product (over two tiles when the memory is one panel), then the memory update;</li>
 *   <li>the output gate is a third product, over two tiles at once (8 rows, 8 accumulators), then the clip.</li>
 * </ol>
 * The nonlinearities are polynomial ({@link VectorMath}) so that results are bit-identical on
 * every machine and JIT tier. A remainder of fewer than 4 rows repeats the last row's pointers in
 * the unused slots and discards them. Nothing is allocated.
 */
public final class EnuKernel {
    private EnuKernel() {
    }

    private static final VectorSpecies<Float> S = KernelShape.S;
    private static final int LANES = KernelShape.LANES;
    private static final int TILE = KernelShape.TILE;

    /**
     * A short name of the kernel and vector shape, for provenance and benchmarks: "+lanes" where
     * small units take {@link EnuKernelLanes}, "-lanes" where every unit does ({@code -Denu.kernel=lane}).
     * Throws {@link KernelException} for a bad {@code -Denu.kernel}.
     */
    public static String variant() {
        return KernelShape.variant();
    }

    /**
     * Advances every unit of the batch by one step.
     *
     * @param w       the shared weights (not modified)
     * @param st      memories and outputs of B = st.rows units; updated
     * @param x       inputs: unit b's input channel k is {@code x[xOff + b*xStride + k]} (not modified)
     * @param xOff    offset of unit 0's inputs
     * @param xStride distance between consecutive units' inputs (>= inputs)
     * @param noise   output noise, unit b's channel c at {@code noise[b*st.oStride + c]}, padding zero;
     *                or null for none (not modified)
     */
    public static void step(EnuWeights w, EnuBatch st, float[] x, int xOff, int xStride, float[] noise) {
        step(w, st, st.rows, x, xOff, xStride, noise, st.oStride);
    }

    /**
     * Advances the first {@code rows} units of the batch by one step; the others keep their state.
     *
     * @param rows units to advance, {@code 0 <= rows <= st.rows}
     */
    public static void step(EnuWeights w, EnuBatch st, int rows, float[] x, int xOff, int xStride, float[] noise) {
        step(w, st, rows, x, xOff, xStride, noise, st.oStride);
    }

    /**
     * Advances the first {@code rows} units with the noise of unit b's channel c at
     * {@code noise[b*noiseStride + c]}: {@link #noiseStride} gives the stride each path reads
     * fastest (the padded rows for the tiles, which add whole rows; packed, {@code outputs}, for
     * one unit per lane, which gathers), so that a caller can write the noise in that layout.
     *
     * @param noiseStride distance between consecutive units' noise; st.oStride on the tile path
     *                    (whose padding must be zero), >= outputs on the lane path
     */
    public static void step(EnuWeights w, EnuBatch st, int rows, float[] x, int xOff, int xStride, float[] noise,
                            int noiseStride) {
        if (rows < 0 || rows > st.rows) {
            throw new IllegalArgumentException("rows: must be in 0.." + st.rows + ", got " + rows);
        }
        if (w.lanePath != st.lanes) {
            throw new IllegalArgumentException("batch: its memories are laid out for the " + (st.lanes ? "lane" : "tile")
                    + " path, the weights take the " + (w.lanePath ? "lane" : "tile") + " path");
        }
        if (w.lanePath) {
            if (noiseStride < w.spec.outputs()) {
                throw new IllegalArgumentException("noiseStride: must be >= outputs (" + w.spec.outputs() + "), got " + noiseStride);
            }
            EnuKernelLanes.step(w, st, rows, x, xOff, xStride, noise, noiseStride);
        } else {
            if (noiseStride != st.oStride) {
                throw new IllegalArgumentException("noiseStride: the tile path reads padded rows of " + st.oStride + ", got " + noiseStride);
            }
            stepTiles(w, st, rows, x, xOff, xStride, noise);
        }
    }

    /** The noise layout {@code w}'s path reads fastest: st.oStride (tiles) or outputs (one unit per lane). */
    public static int noiseStride(EnuWeights w, EnuBatch st) {
        return w.lanePath ? w.spec.outputs() : st.oStride;
    }

    /**
     * The nonlinear part of a step for {@code n} memory cells, exactly as both paths compute it:
     * z := sigmoid(k·z), r := sigmoid(k·(r − shift)) ⊙ h, then h := h + z ⊙ (tanh(k_c·c) − h)
     * (here without the product W_c,h · (r ⊙ h) that the kernels add to c in between), with the
     * spec's math. Public so that {@code enu bench} can time the part of a step that no faster
     * product shortens: three exponentials and three correctly rounded divisions per cell with
     * exact math (docs/PERFORMANCE.md, log 27), three shorter exponentials and two divisions with
     * fast math (log 32). With fast math z ends as the update gate's denominator, not z.
     *
     * @param n cells, a multiple of {@link KernelShape#LANES}; z, r, c and h hold at least n values
     */
    public static void nonlinearities(EnuSpec spec, float[] z, float[] r, float[] c, float[] h, int n) {
        if (n < 0 || n % LANES != 0 || z.length < n || r.length < n || c.length < n || h.length < n) {
            throw new IllegalArgumentException("nonlinearities: n must be a multiple of " + LANES
                    + " that every array holds, got " + n);
        }
        if (spec.math() == EnuMath.FAST) {
            VectorMath.gatesFast(z, r, n, EnuReference.gateScale(spec), EnuReference.resetOffset(spec), h, 0);
            VectorMath.tanhUpdateFast(c, z, n, EnuReference.cellScale(spec), h, 0);
        } else {
            VectorMath.gates(z, r, n, spec.gateSlope(), spec.resetShift(), h, 0);
            VectorMath.tanhUpdate(c, z, n, spec.cellSlope(), h, 0);
        }
    }

    /**
     * The memory-in-lanes path for the first {@code rows} units (see the class comment). Tiles go
     * in pairs: both tiles' gates and memories, then one output pass over their 8 rows, so that
     * even a single panel of outputs has 8 independent accumulators (4 leave the FMA units half
     * idle, waiting on each other's latency; docs/PERFORMANCE.md, logs 29-30).
     */
    static void stepTiles(EnuWeights w, EnuBatch st, int rows, float[] x, int xOff, int xStride, float[] noise) {
        int B = rows;
        for (int r0 = 0; r0 < B; r0 += 2 * TILE) {
            int n = Math.min(2 * TILE, B - r0);
            if (w.memPanels == 1) {
                // one panel of memory: the cell product too would have only 4 accumulators a tile
                gatePass(w, st, x, xOff, xStride, r0, Math.min(TILE, n), 0);
                if (n > TILE) {
                    gatePass(w, st, x, xOff, xStride, r0 + TILE, n - TILE, TILE * st.hStride);
                }
                gateEpilogue(w, st, r0, n);
                cellPassOnePanel(w, st, n);
                cellEpilogue(w, st, r0, n);
            } else {
                memoryTile(w, st, x, xOff, xStride, r0, Math.min(TILE, n));
                if (n > TILE) {
                    memoryTile(w, st, x, xOff, xStride, r0 + TILE, n - TILE);
                }
            }
            outputPass(w, st, r0, n);
            outputEpilogue(w, st, r0, n, noise);
        }
    }

    /** Gates and memory update of the n <= TILE rows from r0. */
    private static void memoryTile(EnuWeights w, EnuBatch st, float[] x, int xOff, int xStride, int r0, int n) {
        gatePass(w, st, x, xOff, xStride, r0, n, 0);
        gateEpilogue(w, st, r0, n);
        cellPass(w, st, n);
        cellEpilogue(w, st, r0, n);
    }

    /**
     * Pre-activations of z, r and (the x, o, bias part of) c for the n <= 4 rows from r0, into
     * st.za / ra / ca from scratch offset so (row slots beyond n repeat row n−1).
     * The rows' inputs and outputs are first copied side by side into st.xo, so that one loop
     * covers both segments (a smaller method that C2 compiles whole: when a method this size
     * outgrows its inlining budget, some vector operations fall back to slow Java code).
     */
    private static void gatePass(EnuWeights w, EnuBatch st, float[] x, int xOff, int xStride, int r0, int n,
                                 int so) {
        final int r1 = r0 + Math.min(1, n - 1);
        final int r2 = r0 + Math.min(2, n - 1);
        final int r3 = r0 + Math.min(3, n - 1);
        final int L = LANES;
        final int nx = w.spec.inputs();
        final int no = w.spec.outputs();
        final int nxo = nx + no;
        final int H = w.spec.memory();
        final int hs = st.hStride;
        final int os = st.oStride;
        final float[] g = w.gates;
        final float[] h = st.h;
        final float[] xo = st.xo;
        System.arraycopy(x, xOff + r0 * xStride, xo, 0, nx);
        System.arraycopy(x, xOff + r1 * xStride, xo, nxo, nx);
        System.arraycopy(x, xOff + r2 * xStride, xo, 2 * nxo, nx);
        System.arraycopy(x, xOff + r3 * xStride, xo, 3 * nxo, nx);
        System.arraycopy(st.o, r0 * os, xo, nx, no);
        System.arraycopy(st.o, r1 * os, xo, nxo + nx, no);
        System.arraycopy(st.o, r2 * os, xo, 2 * nxo + nx, no);
        System.arraycopy(st.o, r3 * os, xo, 3 * nxo + nx, no);
        final int a1 = nxo, a2 = 2 * nxo, a3 = 3 * nxo;
        final int h0 = r0 * hs, h1 = r1 * hs, h2 = r2 * hs, h3 = r3 * hs;
        for (int p = 0; p < w.memPanels; p++) {
            int wi = p * w.gatePanelStride;
            FloatVector bz = FloatVector.fromArray(S, g, wi);
            FloatVector br = FloatVector.fromArray(S, g, wi + L);
            FloatVector bc = FloatVector.fromArray(S, g, wi + 2 * L);
            FloatVector z0 = bz, z1 = bz, z2 = bz, z3 = bz;
            FloatVector q0 = br, q1 = br, q2 = br, q3 = br;
            FloatVector c0 = bc, c1 = bc, c2 = bc, c3 = bc;
            wi += 3 * L;
            for (int k = 0; k < nxo; k++, wi += 3 * L) {
                FloatVector wz = FloatVector.fromArray(S, g, wi);
                FloatVector wr = FloatVector.fromArray(S, g, wi + L);
                FloatVector wc = FloatVector.fromArray(S, g, wi + 2 * L);
                FloatVector a = FloatVector.broadcast(S, xo[k]);
                z0 = wz.fma(a, z0); q0 = wr.fma(a, q0); c0 = wc.fma(a, c0);
                a = FloatVector.broadcast(S, xo[a1 + k]);
                z1 = wz.fma(a, z1); q1 = wr.fma(a, q1); c1 = wc.fma(a, c1);
                a = FloatVector.broadcast(S, xo[a2 + k]);
                z2 = wz.fma(a, z2); q2 = wr.fma(a, q2); c2 = wc.fma(a, c2);
                a = FloatVector.broadcast(S, xo[a3 + k]);
                z3 = wz.fma(a, z3); q3 = wr.fma(a, q3); c3 = wc.fma(a, c3);
            }
            for (int k = 0; k < H; k++, wi += 2 * L) {
                FloatVector wz = FloatVector.fromArray(S, g, wi);
                FloatVector wr = FloatVector.fromArray(S, g, wi + L);
                FloatVector a = FloatVector.broadcast(S, h[h0 + k]);
                z0 = wz.fma(a, z0); q0 = wr.fma(a, q0);
                a = FloatVector.broadcast(S, h[h1 + k]);
                z1 = wz.fma(a, z1); q1 = wr.fma(a, q1);
                a = FloatVector.broadcast(S, h[h2 + k]);
                z2 = wz.fma(a, z2); q2 = wr.fma(a, q2);
                a = FloatVector.broadcast(S, h[h3 + k]);
                z3 = wz.fma(a, z3); q3 = wr.fma(a, q3);
            }
            int s = so + p * L;
            z0.intoArray(st.za, s); z1.intoArray(st.za, s + hs); z2.intoArray(st.za, s + 2 * hs); z3.intoArray(st.za, s + 3 * hs);
            q0.intoArray(st.ra, s); q1.intoArray(st.ra, s + hs); q2.intoArray(st.ra, s + 2 * hs); q3.intoArray(st.ra, s + 3 * hs);
            c0.intoArray(st.ca, s); c1.intoArray(st.ca, s + hs); c2.intoArray(st.ca, s + 2 * hs); c3.intoArray(st.ca, s + 3 * hs);
        }
    }

    /**
     * za := sigmoid(k·za); ra := sigmoid(k·(ra − shift)) ⊙ h, for the tile's live rows (fast math:
     * za := the update gate's denominator, see {@link VectorMath#gatesFast}). Each math in a method
     * of its own, so that C2 compiles each loop apart (docs/DESIGN.md, "JIT notes").
     */
    private static void gateEpilogue(EnuWeights w, EnuBatch st, int r0, int n) {
        if (w.fast) {
            gateEpilogueFast(w, st, r0, n);
        } else {
            VectorMath.gates(st.za, st.ra, n * st.hStride, w.spec.gateSlope(), w.spec.resetShift(), st.h, r0 * st.hStride);
        }
    }

    private static void gateEpilogueFast(EnuWeights w, EnuBatch st, int r0, int n) {
        VectorMath.gatesFast(st.za, st.ra, n * st.hStride, w.gateScale, w.resetOffset, st.h, r0 * st.hStride);
    }

    /**
     * ca += W_c,h · (r ⊙ h) for the tile's rows (row slots beyond n repeat slot n−1), two panels
     * at a time: 8 accumulators, each broadcast used twice.
     */
    private static void cellPass(EnuWeights w, EnuBatch st, int n) {
        final int L = LANES;
        final int H = w.spec.memory();
        final int hs = st.hStride;
        final float[] cm = w.cellMemory;
        final float[] rh = st.ra;
        final float[] ca = st.ca;
        final int s0 = 0, s1 = Math.min(1, n - 1) * hs, s2 = Math.min(2, n - 1) * hs, s3 = Math.min(3, n - 1) * hs;
        final int ps = w.cellPanelStride;
        int p = 0;
        for (; p + 1 < w.memPanels; p += 2) {
            int wa = p * ps;
            int wb = wa + ps;
            int s = p * L;
            FloatVector a0 = FloatVector.fromArray(S, ca, s0 + s), b0 = FloatVector.fromArray(S, ca, s0 + s + L);
            FloatVector a1 = FloatVector.fromArray(S, ca, s1 + s), b1 = FloatVector.fromArray(S, ca, s1 + s + L);
            FloatVector a2 = FloatVector.fromArray(S, ca, s2 + s), b2 = FloatVector.fromArray(S, ca, s2 + s + L);
            FloatVector a3 = FloatVector.fromArray(S, ca, s3 + s), b3 = FloatVector.fromArray(S, ca, s3 + s + L);
            for (int k = 0; k < H; k++) {
                FloatVector wva = FloatVector.fromArray(S, cm, wa + k * L);
                FloatVector wvb = FloatVector.fromArray(S, cm, wb + k * L);
                FloatVector x = FloatVector.broadcast(S, rh[s0 + k]);
                a0 = wva.fma(x, a0); b0 = wvb.fma(x, b0);
                x = FloatVector.broadcast(S, rh[s1 + k]);
                a1 = wva.fma(x, a1); b1 = wvb.fma(x, b1);
                x = FloatVector.broadcast(S, rh[s2 + k]);
                a2 = wva.fma(x, a2); b2 = wvb.fma(x, b2);
                x = FloatVector.broadcast(S, rh[s3 + k]);
                a3 = wva.fma(x, a3); b3 = wvb.fma(x, b3);
            }
            // slots past n−1 duplicate slot n−1; writing them back to their own slot is harmless
            a0.intoArray(ca, s); b0.intoArray(ca, s + L);
            a1.intoArray(ca, s + hs); b1.intoArray(ca, s + hs + L);
            a2.intoArray(ca, s + 2 * hs); b2.intoArray(ca, s + 2 * hs + L);
            a3.intoArray(ca, s + 3 * hs); b3.intoArray(ca, s + 3 * hs + L);
        }
        for (; p < w.memPanels; p++) {
            int wa = p * ps;
            int s = p * L;
            FloatVector a0 = FloatVector.fromArray(S, ca, s0 + s);
            FloatVector a1 = FloatVector.fromArray(S, ca, s1 + s);
            FloatVector a2 = FloatVector.fromArray(S, ca, s2 + s);
            FloatVector a3 = FloatVector.fromArray(S, ca, s3 + s);
            for (int k = 0; k < H; k++) {
                FloatVector wva = FloatVector.fromArray(S, cm, wa + k * L);
                a0 = wva.fma(FloatVector.broadcast(S, rh[s0 + k]), a0);
                a1 = wva.fma(FloatVector.broadcast(S, rh[s1 + k]), a1);
                a2 = wva.fma(FloatVector.broadcast(S, rh[s2 + k]), a2);
                a3 = wva.fma(FloatVector.broadcast(S, rh[s3 + k]), a3);
            }
            a0.intoArray(ca, s);
            a1.intoArray(ca, s + hs);
            a2.intoArray(ca, s + 2 * hs);
            a3.intoArray(ca, s + 3 * hs);
        }
    }

    /**
     * ca += W_c,h · (r ⊙ h) for the n <= 8 rows of two tiles when the memory is one panel: 8
     * accumulators (row slots beyond n repeat slot n−1 and are written back to their own slot).
     */
    private static void cellPassOnePanel(EnuWeights w, EnuBatch st, int n) {
        final int H = w.spec.memory();
        final int hs = st.hStride;
        final float[] cm = w.cellMemory;
        final float[] rh = st.ra;
        final float[] ca = st.ca;
        final int s0 = 0, s1 = Math.min(1, n - 1) * hs, s2 = Math.min(2, n - 1) * hs, s3 = Math.min(3, n - 1) * hs;
        final int s4 = Math.min(4, n - 1) * hs, s5 = Math.min(5, n - 1) * hs, s6 = Math.min(6, n - 1) * hs;
        final int s7 = Math.min(7, n - 1) * hs;
        FloatVector a0 = FloatVector.fromArray(S, ca, s0), a1 = FloatVector.fromArray(S, ca, s1);
        FloatVector a2 = FloatVector.fromArray(S, ca, s2), a3 = FloatVector.fromArray(S, ca, s3);
        FloatVector a4 = FloatVector.fromArray(S, ca, s4), a5 = FloatVector.fromArray(S, ca, s5);
        FloatVector a6 = FloatVector.fromArray(S, ca, s6), a7 = FloatVector.fromArray(S, ca, s7);
        for (int k = 0; k < H; k++) {
            FloatVector wv = FloatVector.fromArray(S, cm, k * LANES);
            a0 = wv.fma(FloatVector.broadcast(S, rh[s0 + k]), a0);
            a1 = wv.fma(FloatVector.broadcast(S, rh[s1 + k]), a1);
            a2 = wv.fma(FloatVector.broadcast(S, rh[s2 + k]), a2);
            a3 = wv.fma(FloatVector.broadcast(S, rh[s3 + k]), a3);
            a4 = wv.fma(FloatVector.broadcast(S, rh[s4 + k]), a4);
            a5 = wv.fma(FloatVector.broadcast(S, rh[s5 + k]), a5);
            a6 = wv.fma(FloatVector.broadcast(S, rh[s6 + k]), a6);
            a7 = wv.fma(FloatVector.broadcast(S, rh[s7 + k]), a7);
        }
        a0.intoArray(ca, 0);
        a1.intoArray(ca, hs);
        a2.intoArray(ca, 2 * hs);
        a3.intoArray(ca, 3 * hs);
        a4.intoArray(ca, 4 * hs);
        a5.intoArray(ca, 5 * hs);
        a6.intoArray(ca, 6 * hs);
        a7.intoArray(ca, 7 * hs);
    }

    /** h := h + z ⊙ (tanh(k·ca) − h) for the tile's live rows. */
    private static void cellEpilogue(EnuWeights w, EnuBatch st, int r0, int n) {
        if (w.fast) {
            cellEpilogueFast(w, st, r0, n);
        } else {
            VectorMath.tanhUpdate(st.ca, st.za, n * st.hStride, w.spec.cellSlope(), st.h, r0 * st.hStride);
        }
    }

    private static void cellEpilogueFast(EnuWeights w, EnuBatch st, int r0, int n) {
        VectorMath.tanhUpdateFast(st.ca, st.za, n * st.hStride, w.cellScale, st.h, r0 * st.hStride);
    }

    /**
     * Output pre-activations W_o · [h, 1] for the n <= 2·TILE rows from r0, into st.oa: one panel
     * at a time, 8 rows (8 accumulators; row slots beyond n repeat row n−1 and are not used).
     */
    private static void outputPass(EnuWeights w, EnuBatch st, int r0, int n) {
        final int H = w.spec.memory();
        final int hs = st.hStride;
        final int os = st.oStride;
        final float[] wo = w.output;
        final float[] h = st.h;
        final float[] oa = st.oa;
        final int last = r0 + n - 1;
        final int h0 = r0 * hs, h1 = Math.min(r0 + 1, last) * hs, h2 = Math.min(r0 + 2, last) * hs;
        final int h3 = Math.min(r0 + 3, last) * hs, h4 = Math.min(r0 + 4, last) * hs, h5 = Math.min(r0 + 5, last) * hs;
        final int h6 = Math.min(r0 + 6, last) * hs, h7 = Math.min(r0 + 7, last) * hs;
        final int ps = w.outPanelStride;
        for (int q = 0; q < w.outPanels; q++) {
            int wa = q * ps;
            FloatVector b = FloatVector.fromArray(S, wo, wa);
            FloatVector a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b;
            for (int k = 0; k < H; k++) {
                FloatVector wv = FloatVector.fromArray(S, wo, wa + (k + 1) * LANES);
                a0 = wv.fma(FloatVector.broadcast(S, h[h0 + k]), a0);
                a1 = wv.fma(FloatVector.broadcast(S, h[h1 + k]), a1);
                a2 = wv.fma(FloatVector.broadcast(S, h[h2 + k]), a2);
                a3 = wv.fma(FloatVector.broadcast(S, h[h3 + k]), a3);
                a4 = wv.fma(FloatVector.broadcast(S, h[h4 + k]), a4);
                a5 = wv.fma(FloatVector.broadcast(S, h[h5 + k]), a5);
                a6 = wv.fma(FloatVector.broadcast(S, h[h6 + k]), a6);
                a7 = wv.fma(FloatVector.broadcast(S, h[h7 + k]), a7);
            }
            int s = q * LANES;
            a0.intoArray(oa, s);
            a1.intoArray(oa, s + os);
            a2.intoArray(oa, s + 2 * os);
            a3.intoArray(oa, s + 3 * os);
            a4.intoArray(oa, s + 4 * os);
            a5.intoArray(oa, s + 5 * os);
            a6.intoArray(oa, s + 6 * os);
            a7.intoArray(oa, s + 7 * os);
        }
    }

    /** o := clip(scale·oa + noise, 0, 1) for the n live rows from r0. */
    private static void outputEpilogue(EnuWeights w, EnuBatch st, int r0, int n, float[] noise) {
        final float scale = w.spec.spikeOutput() ? EnuSpec.SPIKE_SCALE : 1f;
        final int os = st.oStride;
        final int ob = r0 * os;
        for (int i = 0; i < n * os; i += LANES) {
            FloatVector a = FloatVector.fromArray(S, st.oa, i).mul(scale);
            if (noise != null) {
                a = a.add(FloatVector.fromArray(S, noise, ob + i));
            }
            a.max(0f).min(1f).intoArray(st.o, ob + i);
        }
    }
}
