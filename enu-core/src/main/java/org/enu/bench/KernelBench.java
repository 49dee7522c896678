package org.enu.bench;

import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
import org.enu.cell.EnuMath;
import org.enu.cell.EnuSpec;
import org.enu.cell.EnuWeights;
import org.enu.rng.KeyedRandom;

/** Throughput of {@link EnuKernel#step} at one shape: B rows sharing one set of weights. */
public final class KernelBench {
    private KernelBench() {
    }

    /** A kernel shape: rows, inputs, memory, outputs. */
    public record Shape(String name, int rows, int inputs, int memory, int outputs) {
        public EnuSpec spec() {
            return new EnuSpec(inputs, memory, outputs, true, 3f, 1f, 3f, false, 0f);
        }

        public long flopsPerStep() {
            return rows * spec().flopsPerStep();
        }
    }

    /**
     * GFLOP/s of one thread stepping the shape: measurements of about {@code seconds} each, taken
     * once they have settled ({@link Steady}), {@code repeats} of them kept.
     */
    public static Steady.Spread measure(Shape shape, double seconds, int repeats) {
        EnuSpec spec = shape.spec();
        KeyedRandom r = new KeyedRandom(17);
        float[] p = new float[spec.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        EnuWeights w = new EnuWeights(spec).pack(p, 0);
        EnuBatch b = new EnuBatch(spec, shape.rows());
        float[] x = new float[shape.rows() * shape.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int stepsPerBatch = (int) Math.max(10, 2e8 / shape.flopsPerStep());
        Runnable batch = () -> {
            for (int s = 0; s < stepsPerBatch; s++) {
                EnuKernel.step(w, b, x, 0, shape.inputs(), null);
            }
        };
        double flopsPerBatch = stepsPerBatch * (double) shape.flopsPerStep();
        return Steady.measure(() -> Steady.gflops(seconds, flopsPerBatch, batch), repeats, 0.05, 25);
    }

    /** Cells per timed call of {@link #nonlinearNanosPerCell}: a tile of 4 units of memory 32. */
    static final int NONLINEAR_CELLS = 4 * 32;

    /**
     * Nanoseconds one thread spends on the nonlinear part of a step ({@link EnuKernel#nonlinearities})
     * per memory cell: measurements of about {@code seconds} each, once settled, {@code repeats} kept.
     * The cells' pre-activations stay in L1, as they do in both kernel paths.
     */
    public static Steady.Spread nonlinearNanosPerCell(double seconds, int repeats) {
        return nonlinearNanosPerCell(seconds, repeats, EnuMath.EXACT);
    }

    /** {@link #nonlinearNanosPerCell(double, int)} for the nonlinearities of {@code math} ({@code enu.math}). */
    public static Steady.Spread nonlinearNanosPerCell(double seconds, int repeats, EnuMath math) {
        EnuSpec spec = new Shape("nonlinear", 1, 1, 32, 16).spec().withMath(math);
        KeyedRandom r = new KeyedRandom(19);
        float[][] a = new float[4][NONLINEAR_CELLS];
        for (float[] v : a) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextGaussian();
            }
        }
        int callsPerBatch = 1000;
        Runnable batch = () -> {
            for (int i = 0; i < callsPerBatch; i++) {
                EnuKernel.nonlinearities(spec, a[0], a[1], a[2], a[3], NONLINEAR_CELLS);
            }
        };
        double cellsPerBatch = callsPerBatch * (double) NONLINEAR_CELLS;
        // Steady.gflops counts "G-cells" per second here; its inverse is ns per cell
        return Steady.measure(() -> 1 / Steady.gflops(seconds, cellsPerBatch, batch), repeats, 0.05, 25);
    }

    /**
     * The largest fraction of the FMA peak that a step of units with {@code flopsPerStep} product
     * flops and {@code memory} cells can reach when the products run at the peak and only the
     * nonlinear part (ns per cell, {@link #nonlinearNanosPerCell}) is added: products / (products +
     * nonlinearities), both in one core's time. Memory padding, copies and the task come on top.
     */
    public static double ceiling(double flopsPerStep, int memory, double peakGflopsPerCore, double nanosPerCell) {
        if (!(flopsPerStep > 0) || memory < 1 || !(peakGflopsPerCore > 0) || !(nanosPerCell >= 0)) {
            throw new IllegalArgumentException("ceiling: positive flops, memory and peak and a non-negative cost needed, got "
                    + flopsPerStep + ", " + memory + ", " + peakGflopsPerCore + ", " + nanosPerCell);
        }
        double products = flopsPerStep / peakGflopsPerCore; // ns at the peak
        return products / (products + memory * nanosPerCell);
    }
}
