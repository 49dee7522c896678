package org.enu.cell;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gate nonlinearities on vectors, built only from exactly rounded operations (add, multiply,
 * fused multiply-add, divide, min, max, bit moves). The result is therefore the same on every
 * JIT tier and every machine, which keeps evaluation bit-reproducible; the built-in lanewise EXP
 * may call a platform math library and is avoided for that reason.
 *
 * <p>exp(x) = 2^n · p(r) with n = round(x / ln 2), r = x − n·ln 2 (two-part ln 2), p the degree-6
 * Taylor polynomial: relative error below 2e-7 on the clamped range [−86, 80]. Each method
 * is one loop over arrays with the polynomial applied at most twice per iteration.
 */
final class VectorMath {
    private VectorMath() {
    }

    private static final float LOG2E = 1.442695f;
    private static final float LN2_HI = 0.69314575f; // the leading bits of ln 2 (its last 8 bits zero); LN2_LO the rest
    private static final float LN2_LO = 1.4286068e-6f;
    /** 1.5 · 2^23: adding it rounds a float in (−2^22, 2^22) to the nearest integer. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final int ROUND_MAGIC_BITS = 0x4B400000;
    /**
     * Clamp of the exponent: exp stays a normal float (2^-125 · p(r) and above), and so does
     * 1 / (1 + exp(80)), so no subnormal number, which some CPUs handle slowly, is ever made.
     * sigmoid and tanh are saturated far inside this range.
     */
    private static final float EXP_MIN = -86f;
    private static final float EXP_MAX = 80f;

    /**
     * The polynomial exp of one vector: 2^n · p(r) with n = round(x / ln 2), r = x − n·ln 2.
     * Small enough to inline; each caller below applies it once per loop iteration (C2 boxed
     * vectors when one method inlined it three times).
     */
    private static FloatVector exp(FloatVector x) {
        final VectorSpecies<Float> s = KernelShape.S;
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = x.fma(FloatVector.broadcast(s, LOG2E), FloatVector.broadcast(s, ROUND_MAGIC));
        FloatVector k = t.sub(ROUND_MAGIC);
        FloatVector r = k.fma(FloatVector.broadcast(s, -LN2_HI), x);
        r = k.fma(FloatVector.broadcast(s, -LN2_LO), r);
        // Horner: 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + r/720)))))
        FloatVector p = r.fma(FloatVector.broadcast(s, 1f / 720f), FloatVector.broadcast(s, 1f / 120f));
        p = p.fma(r, FloatVector.broadcast(s, 1f / 24f));
        p = p.fma(r, FloatVector.broadcast(s, 1f / 6f));
        p = p.fma(r, FloatVector.broadcast(s, 0.5f));
        p = p.fma(r, FloatVector.broadcast(s, 1f));
        p = p.fma(r, FloatVector.broadcast(s, 1f));
        IntVector bits = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats());
    }

    /**
     * The update and reset gates: z[i] := sigmoid(k · z[i]) = 1 / (1 + exp(−k · z[i])) and
     * r[i] := sigmoid(k · (r[i] − shift)) · h[hOff + i] (the reset gate applied to the memory) for
     * i in [0, n), n a multiple of the vector length. One loop for both (two loops until log 27 of
     * docs/PERFORMANCE.md; same operations per lane, same bits, no measurable change in speed).
     */
    static void gates(float[] z, float[] r, int n, float k, float shift, float[] h, int hOff) {
        final VectorSpecies<Float> s = KernelShape.S;
        for (int i = 0; i < n; i += s.length()) {
            FloatVector ez = exp(FloatVector.fromArray(s, z, i).mul(-k));
            FloatVector er = exp(FloatVector.fromArray(s, r, i).sub(shift).mul(-k));
            FloatVector.broadcast(s, 1f).div(ez.add(1f)).intoArray(z, i);
            FloatVector.fromArray(s, h, hOff + i).div(er.add(1f)).intoArray(r, i);
        }
    }

    /**
     * The memory update with the cell gate c = tanh(k · a) = 2 / (1 + exp(−2k·a)) − 1:
     * h[hOff + i] := h + z[i] · (c − h) for i in [0, n).
     */
    static void tanhUpdate(float[] a, float[] z, int n, float k, float[] h, int hOff) {
        final VectorSpecies<Float> s = KernelShape.S;
        for (int i = 0; i < n; i += s.length()) {
            FloatVector e = exp(FloatVector.fromArray(s, a, i).mul(-2f * k));
            FloatVector c = FloatVector.broadcast(s, 2f).div(e.add(1f)).sub(1f);
            FloatVector hv = FloatVector.fromArray(s, h, hOff + i);
            FloatVector.fromArray(s, z, i).fma(c.sub(hv), hv).intoArray(h, hOff + i);
        }
    }

    // ---- enu.math: fast (EnuReference.stepFast is the definition; same operations on each lane) ----

    /** 2^y as {@link EnuReference#exp2Fast}: n = round(y), 2^n · p(y − n), y clamped to [−125, 62]. */
    private static FloatVector exp2Fast(FloatVector y) {
        final VectorSpecies<Float> s = KernelShape.S;
        y = y.max(EnuReference.EXP2_MIN).min(EnuReference.EXP2_MAX);
        FloatVector t = y.add(EnuReference.EXP2_MAGIC);
        FloatVector f = y.sub(t.sub(EnuReference.EXP2_MAGIC));
        FloatVector p = f.fma(FloatVector.broadcast(s, EnuReference.P4), FloatVector.broadcast(s, EnuReference.P3));
        p = p.fma(f, FloatVector.broadcast(s, EnuReference.P2));
        p = p.fma(f, FloatVector.broadcast(s, EnuReference.P1));
        p = p.fma(f, FloatVector.broadcast(s, 1f));
        return p.mul(t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }

    /**
     * Fast math's update and reset gates: z[i] := u = 1 + 2^(gs · z[i]) (the update gate's
     * denominator; {@link #tanhUpdateFast} divides once for it and the cell gate) and
     * r[i] := h[hOff + i] / (1 + 2^(gs · r[i] + rs)), for i in [0, n), n a multiple of the vector length.
     */
    static void gatesFast(float[] z, float[] r, int n, float gs, float rs, float[] h, int hOff) {
        final VectorSpecies<Float> s = KernelShape.S;
        for (int i = 0; i < n; i += s.length()) {
            FloatVector ez = exp2Fast(FloatVector.fromArray(s, z, i).mul(gs));
            FloatVector er = exp2Fast(FloatVector.fromArray(s, r, i).fma(gs, rs));
            ez.add(1f).intoArray(z, i);
            FloatVector.fromArray(s, h, hOff + i).div(er.add(1f)).intoArray(r, i);
        }
    }

    /**
     * Fast math's memory update, with u[i] from {@link #gatesFast}: v = 1 + 2^(cs · a[i]),
     * q = 1 / (u·v), z = v·q, c = 2·(u·q) − 1, h[hOff + i] := h + z · (c − h), for i in [0, n).
     */
    static void tanhUpdateFast(float[] a, float[] u, int n, float cs, float[] h, int hOff) {
        final VectorSpecies<Float> s = KernelShape.S;
        for (int i = 0; i < n; i += s.length()) {
            FloatVector v = exp2Fast(FloatVector.fromArray(s, a, i).mul(cs)).add(1f);
            FloatVector uv = FloatVector.fromArray(s, u, i);
            FloatVector q = FloatVector.broadcast(s, 1f).div(uv.mul(v));
            FloatVector c = uv.mul(q).fma(2f, -1f);
            FloatVector hv = FloatVector.fromArray(s, h, hOff + i);
            v.mul(q).fma(c.sub(hv), hv).intoArray(h, hOff + i);
        }
    }
}
