package org.enu.cell;

import java.util.Arrays;

/**
 * The memories and outputs of a batch of B units of one kind. Outputs are in padded rows: unit
 * b's output is {@code o[b*oStride .. b*oStride + outputs)}. Memories are laid out for the path
 * that steps the batch ({@link #lanes}):
 * <ul>
 *   <li>tiles ({@link EnuKernel}): padded rows, unit b's memory {@code h[b*hStride .. b*hStride + memory)};</li>
 *   <li>one unit per lane ({@link EnuKernelLanes}): blocks of L = {@link KernelShape#LANES} units,
 *       transposed, so that a step reads and writes them in place instead of gathering and
 *       scattering them: cell j of unit b at {@code h[((b / L) * hRows + j) * L + b % L]}, with
 *       hRows = memory rounded up to the lane path's group of cells.</li>
 * </ul>
 * Use {@link #memory} to read a cell whatever the layout. Padding stays zero. Also holds the
 * kernel's scratch space, so that a step allocates nothing.
 */
public final class EnuBatch {
    public final EnuSpec spec;
    public final int rows;
    public final int hStride;
    public final int oStride;
    /** Memories, in the layout of {@link #lanes} (read them with {@link #memory}). */
    public final float[] h;
    public final float[] o;
    /** Whether the memories are in the transposed blocks of the lane path (else padded rows). */
    public final boolean lanes;
    /** Rows of memory per block in the lane layout (memory rounded up to a group of cells). */
    final int hRows;
    // scratch for two tiles of TILE rows (the kernel pairs them: log 29-30 of docs/PERFORMANCE.md)
    final float[] za;
    final float[] ra;
    final float[] ca;
    final float[] oa;
    final float[] xo;
    // scratch for one block of LANES units, transposed (EnuKernelLanes): row k holds item k of every unit
    final float[] tx;
    final float[] th;
    final float[] tz;
    final float[] tr;
    final float[] tc;
    final float[] to;
    final float[] tn;
    final int[] xIdx = new int[KernelShape.LANES];
    final int[] oIdx = new int[KernelShape.LANES];
    final int[] nIdx = new int[KernelShape.LANES];

    /** A batch in the layout of the path {@link EnuKernel#step} takes for {@code spec}'s units. */
    public EnuBatch(EnuSpec spec, int rows) {
        this(spec, rows, KernelShape.usesLanes(spec));
    }

    /**
     * @param lanes whether the memories are laid out for {@link EnuKernelLanes} (then only weights
     *              that take that path may step the batch) or for the tiles
     */
    EnuBatch(EnuSpec spec, int rows, boolean lanes) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows: must be >= 1, got " + rows);
        }
        this.spec = spec;
        this.rows = rows;
        int L = KernelShape.LANES;
        this.hStride = (spec.memory() + L - 1) / L * L;
        this.oStride = (spec.outputs() + L - 1) / L * L;
        this.lanes = lanes;
        this.hRows = (spec.memory() + KernelShape.GROUP - 1) / KernelShape.GROUP * KernelShape.GROUP;
        this.h = new float[lanes ? (rows + L - 1) / L * hRows * L : rows * hStride];
        this.o = new float[rows * oStride];
        this.za = new float[2 * KernelShape.TILE * hStride];
        this.ra = new float[2 * KernelShape.TILE * hStride];
        this.ca = new float[2 * KernelShape.TILE * hStride];
        this.oa = new float[2 * KernelShape.TILE * oStride]; // the output pass takes two tiles
        this.xo = new float[KernelShape.TILE * (spec.inputs() + spec.outputs())];
        int og = (spec.outputs() + KernelShape.GROUP - 1) / KernelShape.GROUP * KernelShape.GROUP;
        this.tx = new float[(spec.inputs() + spec.outputs()) * L];
        this.th = new float[hRows * L];
        this.tz = new float[hRows * L];
        this.tr = new float[hRows * L];
        this.tc = new float[hRows * L];
        this.to = new float[og * L];
        this.tn = new float[og * L];
    }

    /** Sets every memory and output to zero (the state at the start of an episode). */
    public void reset() {
        Arrays.fill(h, 0f);
        Arrays.fill(o, 0f);
    }

    /** Output channel c of unit b. */
    public float output(int b, int c) {
        return o[b * oStride + c];
    }

    /** Memory cell j of unit b. */
    public float memory(int b, int j) {
        return h[hIndex(b, j)];
    }

    /** Where memory cell j of unit b lies in {@link #h}. */
    int hIndex(int b, int j) {
        if (lanes) {
            int L = KernelShape.LANES;
            return ((b / L) * hRows + j) * L + b % L;
        }
        return b * hStride + j;
    }

    /**
     * Exchanges the memories and outputs of units [a, a + n) with those of [b, b + n) (ranges
     * that do not overlap).
     */
    public void swapUnits(int a, int b, int n) {
        if (n < 0 || a < 0 || b < 0 || a + n > rows || b + n > rows || (a < b + n && b < a + n && a != b)) {
            throw new IllegalArgumentException("swapUnits: ranges [" + a + ", " + (a + n) + ") and [" + b + ", " + (b + n)
                    + ") must lie in 0.." + rows + " and not overlap");
        }
        if (a == b) {
            return;
        }
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < spec.memory(); j++) {
                swap(h, hIndex(a + u, j), hIndex(b + u, j));
            }
            for (int c = 0; c < spec.outputs(); c++) {
                swap(o, (a + u) * oStride + c, (b + u) * oStride + c);
            }
        }
    }

    private static void swap(float[] v, int i, int k) {
        float t = v[i];
        v[i] = v[k];
        v[k] = t;
    }
}
