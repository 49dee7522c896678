package org.enu.bench.paired;

import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * A before / after comparison of the kernel that a noisy machine cannot fake: two enu jars
 * loaded side by side in ONE JVM, their kernels measured in alternation at one shape, and the
 * ratio B / A taken per round. The machine's own speed moves over seconds (docs/PERFORMANCE.md,
 * log 26), so figures from different JVMs or minutes differ by 20-50% while the paired ratio of
 * two equal jars stays near 1.
 *
 * <pre>
 * mvn -B -q -DskipTests package   # enu-bench/target/benchmarks.jar
 * java --add-modules jdk.incubator.vector -XX:+UseParallelGC \
 *      -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*' \
 *      -cp enu-bench/target/benchmarks.jar org.enu.bench.paired.PairedKernel \
 *      A.jar B.jar ROWS INPUTS MEMORY OUTPUTS [ROUNDS [SECONDS]]
 * </pre>
 * e.g. {@code before.jar after.jar 384 8 8 4 12 0.3} for the memory-8 T-maze synapse shape.
 * Each jar needs {@code org.enu.bench.KernelBench.measure(Shape, double, int)}; a class path
 * (jars and class folders joined by the path separator) serves as well as a jar. Exit status 2
 * with one line on stderr when the arguments cannot be run.
 */
public final class PairedKernel {
    private PairedKernel() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the comparison and prints its summary on {@code out}: 0, or 2 with one line on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        return Paired.run(args, out, err,
                a -> compare(a).summary("%.1f GFLOP/s", "B / A"));
    }

    /** GFLOP/s of A and B and their ratio B / A in each round, for the command line's arguments. */
    static Paired.Rounds compare(String[] args) throws Paired.Usage, ReflectiveOperationException,
            java.net.MalformedURLException {
        if (args.length < 6 || args.length > 8) {
            throw new Paired.Usage("usage: PairedKernel A.jar B.jar ROWS INPUTS MEMORY OUTPUTS [ROUNDS [SECONDS]]");
        }
        int[] dims = new int[4];
        for (int i = 0; i < 4; i++) {
            dims[i] = Paired.positive(args[2 + i], "ROWS INPUTS MEMORY OUTPUTS".split(" ", -1)[i]);
        }
        int rounds = args.length > 6 ? Paired.positive(args[6], "ROUNDS") : 12;
        double seconds = args.length > 7 ? seconds(args[7]) : 0.3;
        Method[] measure = new Method[2];
        Object[] shape = new Object[2];
        for (int v = 0; v < 2; v++) {
            ClassLoader cl = Paired.loader(args[v]);
            Class<?> bench = cl.loadClass("org.enu.bench.KernelBench");
            Class<?> sh = cl.loadClass("org.enu.bench.KernelBench$Shape");
            shape[v] = sh.getConstructor(String.class, int.class, int.class, int.class, int.class)
                    .newInstance("paired", dims[0], dims[1], dims[2], dims[3]);
            measure[v] = bench.getMethod("measure", sh, double.class, int.class);
        }
        double[][] g = Paired.alternate(2, rounds, (v, r) -> {
            Object spread = measure[v].invoke(null, shape[v], seconds, 1);
            return (double) spread.getClass().getMethod("median").invoke(spread);
        });
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = g[1][r] / g[0][r];
        }
        return new Paired.Rounds(g[0], g[1], ratio);
    }

    private static double seconds(String s) throws Paired.Usage {
        try {
            double x = Double.parseDouble(s);
            if (x > 0 && x < 1e6) {
                return x;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new Paired.Usage("SECONDS: must be a number > 0, got " + s);
    }
}
