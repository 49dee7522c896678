package org.enu.es;

/** Range checks of strategy settings, with "key: reason" messages. */
final class Check {
    private Check() {
    }

    static double positive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": must be a finite number > 0, got " + v);
        }
        return v;
    }

    static double nonNegative(String key, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": must be a finite number >= 0, got " + v);
        }
        return v;
    }

    static double fraction(String key, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(key + ": must be in [0, 1), got " + v);
        }
        return v;
    }
}
