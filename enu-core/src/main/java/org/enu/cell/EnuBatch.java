package org.enu.cell;

import java.util.Arrays;

/**
 * The memories and outputs of a batch of B units of one kind, in the padded row layout of
 * {@link EnuKernel}: unit b's memory is {@code h[b*hStride .. b*hStride + memory)}, its output
 * {@code o[b*oStride .. b*oStride + outputs)}; the padding stays zero. Also holds the kernel's
 * scratch space, so that a step allocates nothing.
 */
public final class EnuBatch {
    public final EnuSpec spec;
    public final int rows;
    public final int hStride;
    public final int oStride;
    public final float[] h;
    public final float[] o;
    // scratch for one tile of TILE rows
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
    final int[] xIdx = new int[EnuKernel.LANES];
    final int[] oIdx = new int[EnuKernel.LANES];
    final int[] hIdx = new int[EnuKernel.LANES];
    final int[] nIdx = new int[EnuKernel.LANES];

    public EnuBatch(EnuSpec spec, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows: must be >= 1, got " + rows);
        }
        this.spec = spec;
        this.rows = rows;
        int L = EnuKernel.LANES;
        this.hStride = (spec.memory() + L - 1) / L * L;
        this.oStride = (spec.outputs() + L - 1) / L * L;
        this.h = new float[rows * hStride];
        this.o = new float[rows * oStride];
        this.za = new float[EnuKernel.TILE * hStride];
        this.ra = new float[EnuKernel.TILE * hStride];
        this.ca = new float[EnuKernel.TILE * hStride];
        this.oa = new float[EnuKernel.TILE * oStride];
        this.xo = new float[EnuKernel.TILE * (spec.inputs() + spec.outputs())];
        int hg = (spec.memory() + EnuKernelLanes.G - 1) / EnuKernelLanes.G * EnuKernelLanes.G;
        int og = (spec.outputs() + EnuKernelLanes.G - 1) / EnuKernelLanes.G * EnuKernelLanes.G;
        this.tx = new float[(spec.inputs() + spec.outputs()) * L];
        this.th = new float[hg * L];
        this.tz = new float[hg * L];
        this.tr = new float[hg * L];
        this.tc = new float[hg * L];
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
        return h[b * hStride + j];
    }
}
