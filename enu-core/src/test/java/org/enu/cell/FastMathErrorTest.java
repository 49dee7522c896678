package org.enu.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.enu.rng.KeyedRandom;
import org.junit.jupiter.api.Test;

/**
 * The error of each math's nonlinearities against the equations in double precision, per
 * operation, on pre-activations drawn uniformly over [−4, 4] (with the authors' slopes of 3, the
 * gates are saturated at both ends): the update gate z, the reset gate r (h = 1) and the memory update
 * h' = h + z·(tanh(3a) − h) (h uniform in [−1, 1]). Run {@link #main} for the table of
 * docs/PERFORMANCE.md (log 32); the test holds the bounds that table states.
 */
class FastMathErrorTest {
    static final int N = 1 << 18;

    /** Max abs error and max error in float ulps of the exact value, per operation: z, r, h'. */
    record Errors(double[] abs, double[] ulps) {
    }

    static Errors measure(EnuMath math) {
        EnuSpec spec = new EnuSpec(1, 32, 16, true, 3f, 1f, 3f, false, 0f, math);
        int L = KernelShape.LANES;
        int n = N / L * L;
        KeyedRandom rnd = new KeyedRandom(23);
        float[] az = new float[n], ar = new float[n], ac = new float[n], h = new float[n];
        for (int i = 0; i < n; i++) {
            az[i] = (float) rnd.uniform(-4, 4);
            ar[i] = (float) rnd.uniform(-4, 4);
            ac[i] = (float) rnd.uniform(-4, 4);
            h[i] = (float) rnd.uniform(-1, 1);
        }
        double[] abs = new double[3], ulps = new double[3];
        // z and r alone: h = 1 and a cell pre-activation of 0, so that r ⊙ h = r and h' = 1 − z
        // (fast math's z is v·q inside the update; read it back as 1 − h', exact to a float rounding)
        float[] z = az.clone(), r = ar.clone(), h1 = new float[n];
        java.util.Arrays.fill(h1, 1f);
        EnuKernel.nonlinearities(spec, z, r, new float[n], h1, n);
        float[] h2 = h.clone();
        EnuKernel.nonlinearities(spec, az.clone(), ar.clone(), ac.clone(), h2, n);
        for (int i = 0; i < n; i++) {
            double zt = 1 / (1 + Math.exp(-3.0 * az[i]));
            double rt = 1 / (1 + Math.exp(-3.0 * (ar[i] - 1.0)));
            double ht = h[i] + zt * (Math.tanh(3.0 * ac[i]) - h[i]);
            double zk = math == EnuMath.EXACT ? z[i] : 1.0 - h1[i];
            double[] got = {zk, r[i], h2[i]};
            double[] want = {zt, rt, ht};
            for (int k = 0; k < 3; k++) {
                double e = Math.abs(got[k] - want[k]);
                abs[k] = Math.max(abs[k], e);
                if (k != 0 || math == EnuMath.EXACT) { // z of fast math is read through 1 − h', not a float of its own
                    ulps[k] = Math.max(ulps[k], e / Math.ulp((float) want[k]));
                }
            }
        }
        return new Errors(abs, ulps);
    }

    @Test
    void eachMathStaysWithinItsStatedError() {
        Errors exact = measure(EnuMath.EXACT);
        Errors fast = measure(EnuMath.FAST);
        for (int k = 0; k < 3; k++) {
            assertTrue(exact.abs()[k] < 5e-7, "exact, operation " + k + ": " + exact.abs()[k]);
            assertTrue(fast.abs()[k] < 3e-6, "fast, operation " + k + ": " + fast.abs()[k]);
        }
        // and fast math is not exact math under another name
        assertTrue(fast.abs()[2] > 2 * exact.abs()[2], fast.abs()[2] + " vs " + exact.abs()[2]);
    }

    public static void main(String[] args) {
        String[] names = {"update gate z", "reset gate r", "memory update h'"};
        for (EnuMath m : EnuMath.values()) {
            Errors e = measure(m);
            for (int k = 0; k < 3; k++) {
                System.out.printf(Locale.ROOT, "%s %s: max abs %.2e, max %s ulp%n", m.key(), names[k], e.abs()[k],
                        k == 0 && m == EnuMath.FAST ? "-" : String.format(Locale.ROOT, "%.1f", e.ulps()[k]));
            }
        }
    }
}
