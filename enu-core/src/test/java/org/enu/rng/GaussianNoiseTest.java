package org.enu.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("statistics")
class GaussianNoiseTest {

    @Test
    void noiseIsStandardNormal() {
        int n = 200_000;
        float[] v = new float[n];
        GaussianNoise.fill(Keys.of(42, 7, 3), 0, n, 1f, v, 0);
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= n;
        double var = 0;
        double m4 = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
            m4 += Math.pow(x - mean, 4);
        }
        var /= n;
        m4 /= n;
        // standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032, kurtosis ~ sqrt(96/n) = 0.022
        assertEquals(0, mean, 0.01, "mean");
        assertEquals(1, var, 0.015, "variance");
        assertEquals(3, m4 / (var * var), 0.1, "kurtosis");
        // Kolmogorov–Smirnov against the normal CDF; critical value at alpha = 0.001 is 1.95 / sqrt(n)
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = v[i];
        }
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = normalCdf(s[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
        }
        assertTrue(d < 1.95 / Math.sqrt(n), "KS distance " + d);
    }

    @Test
    void inverseCdfHitsKnownQuantiles() {
        // Φ⁻¹ at p = 0.5, 0.975, 0.84134474606854, 0.001, 1e-10 (tables to 9 digits)
        assertEquals(0.0, GaussianNoise.inverseNormalCdf(0.5), 1e-12);
        assertEquals(1.959963985, GaussianNoise.inverseNormalCdf(0.975), 1e-8);
        assertEquals(1.0, GaussianNoise.inverseNormalCdf(0.84134474606854), 1e-8);
        assertEquals(-3.090232306, GaussianNoise.inverseNormalCdf(0.001), 1e-8);
        assertEquals(-6.361340902, GaussianNoise.inverseNormalCdf(1e-10), 1e-7);
        assertEquals(3.090232306, GaussianNoise.inverseNormalCdf(0.999), 1e-8);
    }

    @Test
    void consecutiveElementsAreUncorrelated() {
        int n = 100_000;
        float[] v = new float[n];
        GaussianNoise.fill(Keys.of(1, 2, 3), 0, n, 1f, v, 0);
        for (int lag = 1; lag <= 3; lag++) {
            double c = 0;
            for (int i = 0; i + lag < n; i++) {
                c += v[i] * v[i + lag];
            }
            c /= n - lag;
            assertEquals(0, c, 5 / Math.sqrt(n), "lag " + lag + " correlation");
        }
    }

    @Test
    void anySliceEqualsTheSameSliceOfTheWholeVector() {
        long key = Keys.of(9, 9);
        float[] whole = new float[1001];
        GaussianNoise.fill(key, 0, whole.length, 0.5f, whole, 0);
        for (int from : new int[] {0, 1, 2, 17, 500, 999, 1000}) {
            for (int len : new int[] {0, 1, 2, 3, 64}) {
                if (from + len > whole.length) {
                    continue;
                }
                float[] part = new float[len + 2];
                GaussianNoise.fill(key, from, len, 0.5f, part, 1);
                assertArrayEquals(Arrays.copyOfRange(whole, from, from + len), Arrays.copyOfRange(part, 1, len + 1),
                        "slice from " + from + " length " + len);
            }
        }
    }

    @Test
    void fillEqualsElementBitForBitTailsIncluded() {
        // fill computes the central branch on vectors; element is the scalar definition
        long key = Keys.of(5, 6, 7);
        int n = 3 * 256 + 13; // whole chunks and a short one
        float[] v = new float[n + 2];
        GaussianNoise.fill(key, 1000, n, 0.25f, v, 2);
        int tails = 0;
        for (int t = 0; t < n; t++) {
            double e = GaussianNoise.element(key, 1000 + t);
            assertEquals(Float.floatToRawIntBits(0.25f * (float) e), Float.floatToRawIntBits(v[2 + t]), "element " + t);
            tails += Math.abs(e) > 1.97 ? 1 : 0;
        }
        assertTrue(tails > 10, "the tails (|e| > 1.97, 5% of elements) must be exercised: " + tails);
    }

    @Test
    void negatedScaleMirrorsExactly() {
        float[] a = new float[513];
        float[] b = new float[513];
        GaussianNoise.fill(77, 0, a.length, 0.01f, a, 0);
        GaussianNoise.fill(77, 0, b.length, -0.01f, b, 0);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToRawIntBits(-a[i]), Float.floatToRawIntBits(b[i]), "element " + i);
        }
    }

    @Test
    void differentKeysGiveDifferentNoise() {
        float[] a = new float[64];
        float[] b = new float[64];
        GaussianNoise.fill(Keys.of(1, 0), 0, 64, 1f, a, 0);
        GaussianNoise.fill(Keys.of(1, 1), 0, 64, 1f, b, 0);
        double c = 0;
        for (int i = 0; i < 64; i++) {
            c += a[i] * b[i];
        }
        assertTrue(Math.abs(c / 64) < 0.5, "keys 0 and 1 look correlated: " + c / 64);
    }

    @Test
    void keyedRandomIntegersAreUniform() {
        KeyedRandom r = new KeyedRandom(123);
        int k = 9;
        int n = 90_000;
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(k)]++;
        }
        double chi2 = 0;
        double e = (double) n / k;
        for (int c : counts) {
            chi2 += (c - e) * (c - e) / e;
        }
        // chi-squared with 8 degrees of freedom: P(X > 26.1) = 0.001
        assertTrue(chi2 < 26.1, "chi2 " + chi2 + " counts " + Arrays.toString(counts));
    }

    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Complementary error function, Numerical Recipes' Chebyshev fit (|error| < 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
