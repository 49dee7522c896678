package org.enu.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
import org.enu.cell.EnuSpec;
import org.enu.cell.EnuWeights;
import org.enu.rng.KeyedRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link EnuKernel#step} at the shapes of the experiments (rows x inputs, memory 32, 16
 * outputs). GFLOP/s = flops per step (printed by {@code enu bench}) / time per step.
 * Run: {@code java --add-modules jdk.incubator.vector -jar enu-bench/target/benchmarks.jar KernelPerf}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:CompileCommand=quiet",
    "-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*"})
public class KernelPerf {
    /** rows x inputs: single ENU (IAF, STDP), T-maze synapses, T-maze neurons. */
    @Param({"32x1", "32x4", "384x32", "48x16"})
    public String shape;

    private EnuWeights weights;
    private EnuBatch batch;
    private float[] x;
    private int inputs;

    @Setup(Level.Trial)
    public void setup() {
        String[] p = shape.split("x", -1);
        int rows = Integer.parseInt(p[0]);
        inputs = Integer.parseInt(p[1]);
        EnuSpec spec = new EnuSpec(inputs, 32, 16, true, 3f, 1f, 3f, false, 0f);
        KeyedRandom r = new KeyedRandom(3);
        float[] params = new float[spec.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        weights = new EnuWeights(spec).pack(params, 0);
        batch = new EnuBatch(spec, rows);
        x = new float[rows * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
    }

    @Benchmark
    public float step() {
        EnuKernel.step(weights, batch, x, 0, inputs, null);
        return batch.o[0];
    }
}
