package org.enu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Repeated measurements taken once the figure has settled: warm-up measurements run until the
 * last {@link #WINDOW} agree within a tolerance (the JIT has finished with the code) or a cap is
 * reached, then a fixed number of measurements is kept and summarised as min / median / max.
 */
public final class Steady {
    /** Consecutive warm-up measurements that must agree before timing starts. */
    public static final int WINDOW = 3;

    private Steady() {
    }

    /**
     * The kept measurements of one figure.
     *
     * @param values  the kept measurements, sorted ascending
     * @param warmup  warm-up measurements taken (and discarded) before them
     * @param settled whether the warm-up ended because the last {@link #WINDOW} agreed (false: cap)
     */
    public record Spread(double[] values, int warmup, boolean settled) {
        public Spread {
            if (values.length == 0) {
                throw new IllegalArgumentException("spread: no measurements");
            }
            values = values.clone();
            Arrays.sort(values);
        }

        public double min() {
            return values[0];
        }

        public double max() {
            return values[values.length - 1];
        }

        /** The middle value (the upper middle of an even count). */
        public double median() {
            return values[values.length / 2];
        }

        /** The largest distance of a kept value from the median, as a fraction of the median. */
        public double maxDeviation() {
            double m = median();
            return Math.max(m - min(), max() - m) / Math.abs(m);
        }
    }

    /**
     * Measures until settled (or {@code maxWarmup} warm-up measurements), then keeps
     * {@code repeats} more.
     *
     * @param measure   takes one measurement (a positive figure: seconds, GFLOP/s)
     * @param repeats   measurements kept, >= 1
     * @param tolerance the largest (max − min) / median of the last {@link #WINDOW} warm-up
     *                  measurements that counts as settled, e.g. 0.05
     * @param maxWarmup the most warm-up measurements, >= 0 (0: none)
     */
    public static Spread measure(DoubleSupplier measure, int repeats, double tolerance, int maxWarmup) {
        if (repeats < 1 || maxWarmup < 0 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("steady: repeats >= 1, maxWarmup >= 0 and tolerance >= 0 needed, got "
                    + repeats + ", " + maxWarmup + ", " + tolerance);
        }
        List<Double> warm = new ArrayList<>();
        boolean settled = maxWarmup == 0;
        while (!settled && warm.size() < maxWarmup) {
            warm.add(measure.getAsDouble());
            settled = agree(warm, tolerance);
        }
        double[] kept = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            kept[i] = measure.getAsDouble();
        }
        return new Spread(kept, warm.size(), settled);
    }

    /**
     * One throughput measurement: runs {@code batch} again and again for about {@code seconds}
     * (at least once) and returns GFLOP/s, counting {@code flopsPerBatch} per run.
     */
    public static double gflops(double seconds, double flopsPerBatch, Runnable batch) {
        long runs = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        do {
            batch.run();
            runs++;
        } while (System.nanoTime() < deadline);
        return runs * flopsPerBatch / ((System.nanoTime() - t0) * 1e-9) * 1e-9;
    }

    /** Whether the last {@link #WINDOW} values lie within {@code tolerance} of their median. */
    static boolean agree(List<Double> values, double tolerance) {
        int n = values.size();
        if (n < WINDOW) {
            return false;
        }
        double[] last = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            last[i] = values.get(n - WINDOW + i);
        }
        Arrays.sort(last);
        return (last[WINDOW - 1] - last[0]) <= tolerance * Math.abs(last[WINDOW / 2]);
    }
}
