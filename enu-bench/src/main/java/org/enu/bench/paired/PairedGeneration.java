package org.enu.bench.paired;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@link PairedKernel} for whole generations: two enu jars side by side in ONE JVM, one timed
 * generation of each in alternation, the ratio of their seconds A / B per round (above 1: B is
 * faster). Overrides as for {@code enu train --set}; the preset is {@code original}.
 *
 * <pre>
 * mvn -B -q -DskipTests package   # enu-bench/target/benchmarks.jar
 * java --add-modules jdk.incubator.vector -XX:+UseParallelGC \
 *      -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*' \
 *      -cp enu-bench/target/benchmarks.jar org.enu.bench.paired.PairedGeneration \
 *      A.jar B.jar TASK THREADS ROUNDS [KEY=VALUE ...]
 * </pre>
 * e.g. {@code before.jar after.jar tmaze 2 8 enu.memory=8 enu.outputs=4 tmaze.energy_max=1000}.
 * An override written {@code A:KEY=VALUE} or {@code B:KEY=VALUE} applies to that side only, so
 * that one jar given twice compares two settings of one version, e.g.
 * {@code enu.jar enu.jar tmaze 2 8 enu.memory=8 enu.outputs=4 tmaze.energy_max=1000 B:enu.math=fast}
 * (exact against fast math).
 * Each jar needs {@code org.enu.bench.GenerationBench.measure(String, String, List, int, int, int)};
 * a class path (jars and class folders joined by the path separator) serves as well as a jar.
 * Exit status 2 with one line on stderr when the arguments cannot be run.
 */
public final class PairedGeneration {
    private PairedGeneration() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the comparison and prints its summary on {@code out}: 0, or 2 with one line on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        return Paired.run(args, out, err, a -> compare(a).summary("%.3f s", "A / B"));
    }

    /** Seconds of a generation of A and B and their ratio A / B in each round, for the command line's arguments. */
    static Paired.Rounds compare(String[] args) throws Paired.Usage, ReflectiveOperationException,
            java.net.MalformedURLException {
        if (args.length < 5) {
            throw new Paired.Usage("usage: PairedGeneration A.jar B.jar TASK THREADS ROUNDS [[A:|B:]KEY=VALUE ...]");
        }
        String task = args[2];
        int threads = Paired.positive(args[3], "THREADS");
        int rounds = Paired.positive(args[4], "ROUNDS");
        List<List<String>> sets = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>());
        for (String a : Arrays.asList(args).subList(5, args.length)) {
            if (a.startsWith("A:") || a.startsWith("B:")) {
                sets.get(a.charAt(0) - 'A').add(a.substring(2));
            } else {
                sets.get(0).add(a);
                sets.get(1).add(a);
            }
        }
        Method[] measure = new Method[2];
        for (int v = 0; v < 2; v++) {
            measure[v] = Paired.loader(args[v]).loadClass("org.enu.bench.GenerationBench")
                    .getMethod("measure", String.class, String.class, List.class, int.class, int.class, int.class);
        }
        // one untimed round: each jar settles its JIT (up to 3 warm-up generations)
        double[][] s = Paired.alternate(1, rounds, (v, r) -> {
            Object result = measure[v].invoke(null, task, "original", List.copyOf(sets.get(v)), threads, r < 0 ? 3 : 0, 1);
            return (double) result.getClass().getMethod("seconds").invoke(result);
        });
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = s[0][r] / s[1][r];
        }
        return new Paired.Rounds(s[0], s[1], ratio);
    }
}
