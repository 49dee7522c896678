import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A before / after comparison of the kernel that a noisy machine cannot fake: two enu jars
 * loaded side by side in ONE JVM, their kernels measured in alternation at one shape, and the
 * ratio B / A taken per round. The machine's own speed moves over seconds (docs/PERFORMANCE.md,
 * log 26), so figures from different JVMs or minutes differ by 20-50% while the paired ratio of
 * two equal jars stays near 1.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -XX:+UseParallelGC \
 *      -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*' \
 *      enu-bench/paired/PairedKernel.java A.jar B.jar ROWS INPUTS MEMORY OUTPUTS [ROUNDS [SECONDS]]
 * </pre>
 * e.g. {@code before.jar after.jar 384 8 8 4 12 0.3} for the memory-8 T-maze synapse shape.
 * Each jar needs {@code org.enu.bench.KernelBench.measure(Shape, double, int)}.
 */
public class PairedKernel {
    public static void main(String[] a) throws Exception {
        if (a.length < 6) {
            System.err.println("usage: PairedKernel A.jar B.jar ROWS INPUTS MEMORY OUTPUTS [ROUNDS [SECONDS]]");
            System.exit(2);
        }
        String[] jars = {a[0], a[1]};
        int[] dims = new int[4];
        for (int i = 0; i < 4; i++) {
            dims[i] = Integer.parseInt(a[2 + i]);
        }
        int rounds = a.length > 6 ? Integer.parseInt(a[6]) : 12;
        double seconds = a.length > 7 ? Double.parseDouble(a[7]) : 0.3;
        if (rounds < 1 || !(seconds > 0)) {
            System.err.println("ROUNDS must be >= 1 and SECONDS > 0");
            System.exit(2);
        }
        Method[] measure = new Method[2];
        Object[] shape = new Object[2];
        for (int v = 0; v < 2; v++) {
            if (!Files.isRegularFile(Path.of(jars[v]))) {
                System.err.println("no such jar: " + jars[v]);
                System.exit(2);
            }
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jars[v]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bench = cl.loadClass("org.enu.bench.KernelBench");
            Class<?> sh = cl.loadClass("org.enu.bench.KernelBench$Shape");
            shape[v] = sh.getConstructor(String.class, int.class, int.class, int.class, int.class)
                    .newInstance("paired", dims[0], dims[1], dims[2], dims[3]);
            measure[v] = bench.getMethod("measure", sh, double.class, int.class);
        }
        double[][] g = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int r = -2; r < rounds; r++) { // two untimed rounds for the JIT
            for (int k = 0; k < 2; k++) {
                int v = (r + 2 + k) % 2; // A first in even rounds, B first in odd ones
                Object spread = measure[v].invoke(null, shape[v], seconds, 1);
                double gflops = (double) spread.getClass().getMethod("median").invoke(spread);
                if (r >= 0) {
                    g[v][r] = gflops;
                }
            }
            if (r >= 0) {
                ratio[r] = g[1][r] / g[0][r];
            }
        }
        Arrays.sort(ratio);
        Arrays.sort(g[0]);
        Arrays.sort(g[1]);
        System.out.printf("A median %.1f GFLOP/s, B median %.1f GFLOP/s; B / A per round: median %.3f, quartiles %.3f .. %.3f (%d rounds)%n",
                g[0][rounds / 2], g[1][rounds / 2], ratio[rounds / 2], ratio[rounds / 4], ratio[(3 * rounds) / 4], rounds);
    }
}
