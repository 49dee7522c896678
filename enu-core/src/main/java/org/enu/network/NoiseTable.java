package org.enu.network;

import org.enu.rng.GaussianNoise;
import org.enu.rng.Keys;

/**
 * Cheap reproducible output noise for the units of a network: one table of N(0, std²) values,
 * made once from a fixed key, read as windows at positions hashed from (environment key, step).
 * Every unit and step gets a normal value; windows of different steps start at unrelated
 * positions. Drawing fresh normals instead would cost as much as a fifth of the network's
 * arithmetic.
 */
public final class NoiseTable {
    /** Table length (floats); windows longer than a quarter of it are refused. */
    public static final int SIZE = 1 << 18;
    private final float[] table;

    public NoiseTable(float std) {
        this.table = new float[SIZE];
        GaussianNoise.fill(Keys.of(0x4E4F495345L, 1), 0, SIZE, std, table, 0);
    }

    /**
     * Copies {@code n} noise values for (key, step) into {@code out[off ..)}.
     *
     * @param n at most SIZE / 4
     */
    public void window(long key, int step, int n, float[] out, int off) {
        if (n > SIZE / 4) {
            throw new IllegalArgumentException("noise window too long: " + n);
        }
        int start = (int) ((Keys.of(key, step) >>> 1) % (SIZE - n));
        System.arraycopy(table, start, out, off, n);
    }

    /**
     * The same values as {@link #window} of n = units · width floats, spread over rows of
     * {@code stride} floats: unit u's {@code width} values go to {@code out[off + u·stride ..)};
     * the rest of each row is left as it is.
     */
    public void window(long key, int step, int units, int width, float[] out, int off, int stride) {
        int n = units * width;
        if (n > SIZE / 4) {
            throw new IllegalArgumentException("noise window too long: " + n);
        }
        if (stride < width) {
            throw new IllegalArgumentException("noise window: stride " + stride + " < width " + width);
        }
        int start = (int) ((Keys.of(key, step) >>> 1) % (SIZE - n));
        if (stride == width) {
            System.arraycopy(table, start, out, off, n);
            return;
        }
        for (int u = 0; u < units; u++) {
            int src = start + u * width;
            int dst = off + u * stride;
            for (int c = 0; c < width; c++) {
                out[dst + c] = table[src + c];
            }
        }
    }
}
