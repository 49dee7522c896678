package org.enu.check;

/**
 * The range checks of settings, each with the one message every setting of that kind gets:
 * "key: must be ..., got VALUE". A settings record calls them in its constructor with the key its
 * configuration section names (snake_case); the binder puts the section in front
 * ({@code org.enu.config.RecordBinder}). NaN fails every check; a check that names a finite
 * number fails the infinities too. Each returns its value, so a check can sit in an expression.
 */
public final class Check {
    private Check() {
    }

    /** A finite number. */
    public static double finite(String key, double v) {
        return require(Double.isFinite(v), key, "a finite number", v);
    }

    /** A finite number > 0. */
    public static double positive(String key, double v) {
        return require(v > 0 && Double.isFinite(v), key, "a finite number > 0", v);
    }

    /** A finite number >= 0. */
    public static double nonNegative(String key, double v) {
        return require(v >= 0 && Double.isFinite(v), key, "a finite number >= 0", v);
    }

    /** A finite number {@code <= 0}. */
    public static double nonPositive(String key, double v) {
        return require(v <= 0 && Double.isFinite(v), key, "a finite number <= 0", v);
    }

    /** A finite number above another setting's value. */
    public static double above(String key, double v, String lowKey, double low) {
        if (!(v > low) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": must be finite and > " + lowKey + ", got " + v);
        }
        return v;
    }

    /** A probability or fraction: in [0, 1]. */
    public static double fraction(String key, double v) {
        return require(v >= 0 && v <= 1, key, "in [0, 1]", v);
    }

    /** In [0, 1): a decay or momentum factor. */
    public static double belowOne(String key, double v) {
        return require(v >= 0 && v < 1, key, "in [0, 1)", v);
    }

    /** In (0, 1). */
    public static double openUnit(String key, double v) {
        return require(v > 0 && v < 1, key, "in (0, 1)", v);
    }

    /** A float setting: a finite number > 0 (the message shows the float as it was set). */
    public static float positive(String key, float v) {
        return require(v > 0 && Float.isFinite(v), key, "a finite number > 0", v);
    }

    /** A float setting: a finite number >= 0. */
    public static float nonNegative(String key, float v) {
        return require(v >= 0 && Float.isFinite(v), key, "a finite number >= 0", v);
    }

    /** A float setting: a finite number. */
    public static float finite(String key, float v) {
        return require(Float.isFinite(v), key, "a finite number", v);
    }

    /** A float setting in [0, 1). */
    public static float belowOne(String key, float v) {
        return require(v >= 0 && v < 1, key, "in [0, 1)", v);
    }

    /** A count of at least {@code min}. */
    public static int atLeast(String key, int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException(key + ": must be >= " + min + ", got " + n);
        }
        return n;
    }

    /** A count in {@code min..max}. */
    public static int inRange(String key, int n, int min, int max) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + ": must be in " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    private static double require(boolean ok, String key, String what, double v) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": must be " + what + ", got " + v);
        }
        return v;
    }

    private static float require(boolean ok, String key, String what, float v) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": must be " + what + ", got " + v);
        }
        return v;
    }
}
