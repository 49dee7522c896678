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

    static FloatVector exp(VectorSpecies<Float> s, FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = x.fma(FloatVector.broadcast(s, LOG2E), FloatVector.broadcast(s, ROUND_MAGIC));
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(s, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(s, -LN2_LO), r);
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

    /** sigmoid(k·a) = 1 / (1 + exp(−k·a)). */
    static FloatVector sigmoid(VectorSpecies<Float> s, FloatVector a, float k) {
        FloatVector e = exp(s, a.mul(-k));
        return FloatVector.broadcast(s, 1f).div(e.add(1f));
    }

    /** tanh(k·a) = 2 / (1 + exp(−2k·a)) − 1. */
    static FloatVector tanh(VectorSpecies<Float> s, FloatVector a, float k) {
        FloatVector e = exp(s, a.mul(-2f * k));
        return FloatVector.broadcast(s, 2f).div(e.add(1f)).sub(1f);
    }
}
