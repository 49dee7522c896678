package org.enu.rng;

/**
 * Indexable standard normal noise: element i of the noise vector of a key is a function of
 * (key, i) alone, so any slice of it can be generated anywhere, in any order, on any thread.
 * Elements 2j and 2j+1 are the two Box–Muller outputs of one hashed pair of uniforms.
 * {@link StrictMath} keeps the values identical on every JVM and machine.
 */
public final class GaussianNoise {
    private GaussianNoise() {
    }

    /**
     * Writes {@code scale * eps[key][from + t]} into {@code out[outOff + t]} for t in [0, n).
     *
     * @param key    the noise vector's key
     * @param from   index of the first element of the noise vector
     * @param n      number of elements
     * @param scale  multiplier (use -scale for the antithetic mirror: it negates exactly)
     * @param out    destination (modified)
     * @param outOff offset in out
     */
    public static void fill(long key, long from, int n, float scale, float[] out, int outOff) {
        long i = from;
        long end = from + n;
        int o = outOff;
        if ((i & 1) == 1 && i < end) {
            out[o++] = scale * (float) pair(key, i >>> 1, true);
            i++;
        }
        for (; i + 1 < end; i += 2) {
            long bits = Keys.mix(key + Keys.mix(i >>> 1));
            long bits2 = Keys.mix(bits ^ 0xD1B54A32D192ED03L);
            double u1 = 1.0 - (bits >>> 11) * 0x1.0p-53;
            double u2 = (bits2 >>> 11) * 0x1.0p-53;
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double t = 2.0 * Math.PI * u2;
            out[o++] = scale * (float) (r * StrictMath.cos(t));
            out[o++] = scale * (float) (r * StrictMath.sin(t));
        }
        if (i < end) {
            out[o] = scale * (float) pair(key, i >>> 1, false);
        }
    }

    /** Element 2j (second = false) or 2j+1 (second = true) of the noise vector of key. */
    public static double pair(long key, long j, boolean second) {
        long bits = Keys.mix(key + Keys.mix(j));
        long bits2 = Keys.mix(bits ^ 0xD1B54A32D192ED03L);
        double u1 = 1.0 - (bits >>> 11) * 0x1.0p-53;
        double u2 = (bits2 >>> 11) * 0x1.0p-53;
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double t = 2.0 * Math.PI * u2;
        return second ? r * StrictMath.sin(t) : r * StrictMath.cos(t);
    }
}
