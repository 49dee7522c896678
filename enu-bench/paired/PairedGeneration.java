import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link PairedKernel} for whole generations: two enu jars side by side in ONE JVM, one timed
 * generation of each in alternation, the ratio of their seconds A / B per round (above 1: B is
 * faster). Overrides as for {@code enu train --set}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -XX:+UseParallelGC \
 *      -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*' \
 *      enu-bench/paired/PairedGeneration.java A.jar B.jar TASK THREADS ROUNDS [KEY=VALUE ...]
 * </pre>
 * e.g. {@code before.jar after.jar tmaze 2 8 enu.memory=8 enu.outputs=4 tmaze.energy_max=1000}.
 * Each jar needs {@code org.enu.bench.GenerationBench.measure(String, String, List, int, int, int)}.
 */
public class PairedGeneration {
    public static void main(String[] a) throws Exception {
        if (a.length < 5) {
            System.err.println("usage: PairedGeneration A.jar B.jar TASK THREADS ROUNDS [KEY=VALUE ...]");
            System.exit(2);
        }
        String task = a[2];
        int threads = Integer.parseInt(a[3]);
        int rounds = Integer.parseInt(a[4]);
        List<String> sets = new ArrayList<>(Arrays.asList(a).subList(5, a.length));
        Method[] measure = new Method[2];
        for (int v = 0; v < 2; v++) {
            if (!Files.isRegularFile(Path.of(a[v]))) {
                System.err.println("no such jar: " + a[v]);
                System.exit(2);
            }
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[v]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            measure[v] = cl.loadClass("org.enu.bench.GenerationBench")
                    .getMethod("measure", String.class, String.class, List.class, int.class, int.class, int.class);
        }
        double[][] s = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int r = -1; r < rounds; r++) { // one untimed round: each jar settles its JIT (up to 3 warm-up generations)
            for (int k = 0; k < 2; k++) {
                int v = (r + 1 + k) % 2;
                Object result = measure[v].invoke(null, task, "original", sets, threads, r < 0 ? 3 : 0, 1);
                double sec = (double) result.getClass().getMethod("seconds").invoke(result);
                if (r >= 0) {
                    s[v][r] = sec;
                }
            }
            if (r >= 0) {
                ratio[r] = s[0][r] / s[1][r];
            }
        }
        Arrays.sort(ratio);
        Arrays.sort(s[0]);
        Arrays.sort(s[1]);
        System.out.printf("A median %.3f s, B median %.3f s; A / B per round: median %.3f, quartiles %.3f .. %.3f (%d rounds)%n",
                s[0][rounds / 2], s[1][rounds / 2], ratio[rounds / 2], ratio[rounds / 4], ratio[(3 * rounds) / 4], rounds);
    }
}
