package org.enu.bench;

import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
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
}
