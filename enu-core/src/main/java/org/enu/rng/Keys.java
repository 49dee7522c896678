package org.enu.rng;

/**
 * Keys for counter-based randomness: every random number of a run is derived from a 64-bit key
 * made by hashing a path such as (run seed, stream, generation, offspring, environment), never
 * from a shared generator. Any thread, a resumed run or another machine that knows the path
 * regenerates the same numbers.
 */
public final class Keys {
    private Keys() {
    }

    /** Stream tags: keep the random numbers of different purposes apart. */
    public static final long STREAM_INIT = 0x494E4954L;
    public static final long STREAM_ES_NOISE = 0x45534E5AL;
    public static final long STREAM_TRAIN_ENV = 0x54454E56L;
    public static final long STREAM_HELDOUT_ENV = 0x48454E56L;
    public static final long STREAM_UNIT_NOISE = 0x554E4F49L;
    /** Validation environments of a staged run: apart from training and held-out evaluation. */
    public static final long STREAM_VALIDATION_ENV = 0x56454E56L;
    /** A training maze's own random wiring ({@code tmaze.wiring_per_maze}). */
    public static final long STREAM_WIRING = 0x5749524EL;

    /** The SplitMix64 finalizer: a bijective 64-bit mixer with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Key of a path: a hash chain over its parts, order-sensitive. */
    public static long of(long... parts) {
        long h = 0x6A09E667F3BCC909L;
        for (long p : parts) {
            h = mix(h + 0x9E3779B97F4A7C15L + mix(p));
        }
        return h;
    }

    /** Key of a two-part path (no allocation). */
    public static long of(long a, long b) {
        long h = mix(0x6A09E667F3BCC909L + 0x9E3779B97F4A7C15L + mix(a));
        return mix(h + 0x9E3779B97F4A7C15L + mix(b));
    }
}
