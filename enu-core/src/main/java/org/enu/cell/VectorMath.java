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
 * Taylor polynomial: relative error below 2e-7 on the clamped range [−87.3, 88.3].
 */
final class VectorMath {
    private VectorMath() {
    }

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.42860682030941723212e-6f;
    /** 1.5 · 2^23: adding it rounds a float in (−2^22, 2^22) to the nearest integer. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final int ROUND_MAGIC_BITS = 0x4B400000;
    private static final float EXP_MIN = -87.3f;
    private static final float EXP_MAX = 88.3f;

    /**
     * a[i] := exp(scale · (a[i] − shift)) for i in [off, off + n), n a multiple of the vector
     * length. The only copy of the polynomial: callers apply the cheap rest of sigmoid or tanh in
     * a separate loop, because C2 boxes vectors that cross a call it does not inline.
     */
    static void expScaled(float[] a, int off, int n, float scale, float shift) {
        // the species must be a compile-time constant here: a species passed as an argument to a
        // method C2 does not inline defeats the intrinsics and runs the Java fallback (boxing)
        final VectorSpecies<Float> s = EnuKernel.S;
        FloatVector vLog2e = FloatVector.broadcast(s, LOG2E);
        FloatVector vMagic = FloatVector.broadcast(s, ROUND_MAGIC);
        FloatVector vLn2Hi = FloatVector.broadcast(s, -LN2_HI);
        FloatVector vLn2Lo = FloatVector.broadcast(s, -LN2_LO);
        FloatVector c6 = FloatVector.broadcast(s, 1f / 720f);
        FloatVector c5 = FloatVector.broadcast(s, 1f / 120f);
        FloatVector c4 = FloatVector.broadcast(s, 1f / 24f);
        FloatVector c3 = FloatVector.broadcast(s, 1f / 6f);
        FloatVector c2 = FloatVector.broadcast(s, 0.5f);
        FloatVector one = FloatVector.broadcast(s, 1f);
        int L = s.length();
        for (int i = off; i < off + n; i += L) {
            FloatVector x = FloatVector.fromArray(s, a, i).sub(shift).mul(scale);
            x = x.max(EXP_MIN).min(EXP_MAX);
            FloatVector t = x.fma(vLog2e, vMagic);
            FloatVector k = t.sub(ROUND_MAGIC);
            FloatVector r = k.fma(vLn2Hi, x);
            r = k.fma(vLn2Lo, r);
            // Horner: 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + r/720)))))
            FloatVector p = r.fma(c6, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            IntVector bits = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            p.mul(bits.reinterpretAsFloats()).intoArray(a, i);
        }
    }
}
