package org.enu.cell;

/**
 * Which nonlinearities the kernel computes (configuration key {@code enu.math}). Both are built
 * from IEEE operations in a fixed order only, so either gives the same bits on every machine,
 * vector width, thread count and JIT tier; they differ from each other.
 * <ul>
 *   <li>{@link #EXACT} (the default, and what every run before this setting used): per memory
 *       cell three exponentials of relative error below 2e-7 and three correctly rounded
 *       divisions ({@link VectorMath#gates}, {@link VectorMath#tanhUpdate}).</li>
 *   <li>{@link #FAST}: per memory cell three shorter exponentials (2^y with a degree-4
 *       polynomial, relative error below 3e-6) and two divisions, the update gate sharing the
 *       cell gate's; the equations are {@link EnuReference#stepFast}, errors in
 *       docs/PERFORMANCE.md (log 32).</li>
 * </ul>
 */
public enum EnuMath {
    EXACT("exact"),
    FAST("fast");

    private final String key;

    EnuMath(String key) {
        this.key = key;
    }

    /** The value of {@code enu.math} that selects it. */
    public String key() {
        return key;
    }

    /** The math named by a value of {@code enu.math}; "math: must be exact or fast" otherwise. */
    public static EnuMath of(String value) {
        for (EnuMath m : values()) {
            if (m.key.equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("math: must be exact or fast, got '" + value + "'");
    }
}
