package org.enu.rng;

/**
 * A small sequential generator (SplitMix64) seeded by a key: for the few random numbers of an
 * environment, an initialisation or a baseline agent. Not thread-safe; make one per use from its
 * key. Gaussian numbers use Box–Muller with {@link StrictMath}, so that every JVM on every
 * machine draws the same values.
 */
public final class KeyedRandom {
    private long state;
    private double spare;
    private boolean hasSpare;

    public KeyedRandom(long key) {
        this.state = key;
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Keys.mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, n), n >= 1 (Lemire's unbiased multiply-shift with rejection). */
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long t = (0x100000000L - n) % n;
            while (low < t) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** True with probability p. */
    public boolean bernoulli(double p) {
        return nextDouble() < p;
    }

    /** Standard normal. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double t = 2.0 * Math.PI * u2;
        spare = r * StrictMath.sin(t);
        hasSpare = true;
        return r * StrictMath.cos(t);
    }

    /** Fisher–Yates shuffle of an int array, in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
