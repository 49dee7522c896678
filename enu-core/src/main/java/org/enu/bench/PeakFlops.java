package org.enu.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's FP32 fused-multiply-add peak per core, measured: 12 independent vector FMA chains
 * (enough to cover the FMA latency on two pipes), no memory traffic.
 */
public final class PeakFlops {
    private PeakFlops() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static float sink;

    /**
     * GFLOP/s of one thread: measurements of about {@code seconds} each, taken once they have
     * settled ({@link Steady}), {@code repeats} of them kept.
     */
    public static Steady.Spread measure(double seconds, int repeats) {
        long iters = 1 << 18;
        double flopsPerBatch = iters * 12.0 * S.length() * 2;
        return Steady.measure(() -> Steady.gflops(seconds, flopsPerBatch, () -> sink += loop(iters)), repeats, 0.05, 25);
    }

    private static float loop(long iters) {
        FloatVector m = FloatVector.broadcast(S, 0.999999f);
        FloatVector a = FloatVector.broadcast(S, 1e-7f);
        FloatVector v0 = FloatVector.broadcast(S, 1f), v1 = v0.add(1f), v2 = v0.add(2f), v3 = v0.add(3f);
        FloatVector v4 = v0.add(4f), v5 = v0.add(5f), v6 = v0.add(6f), v7 = v0.add(7f);
        FloatVector v8 = v0.add(8f), v9 = v0.add(9f), v10 = v0.add(10f), v11 = v0.add(11f);
        for (long i = 0; i < iters; i++) {
            v0 = v0.fma(m, a); v1 = v1.fma(m, a); v2 = v2.fma(m, a); v3 = v3.fma(m, a);
            v4 = v4.fma(m, a); v5 = v5.fma(m, a); v6 = v6.fma(m, a); v7 = v7.fma(m, a);
            v8 = v8.fma(m, a); v9 = v9.fma(m, a); v10 = v10.fma(m, a); v11 = v11.fma(m, a);
        }
        return v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
