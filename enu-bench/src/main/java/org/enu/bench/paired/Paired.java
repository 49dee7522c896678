package org.enu.bench.paired;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@link PairedKernel} and {@link PairedGeneration} share: each version's own class loader,
 * the alternation of the two versions round by round, the summary line and the exit status.
 */
final class Paired {
    private Paired() {
    }

    /** Arguments that cannot be run: the message is the one line to print. */
    static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** The figures of each kept round, in round order: A's, B's and their ratio. */
    record Rounds(double[] a, double[] b, double[] ratio) {
        /**
         * One line: the medians of A and B (each as {@code figure}, a format of one number) and the
         * median and quartiles of the ratio, named {@code ratioName}.
         */
        String summary(String figure, String ratioName) {
            double[] sa = sorted(a);
            double[] sb = sorted(b);
            double[] sr = sorted(ratio);
            int n = ratio.length;
            return String.format(Locale.ROOT, "A median " + figure + ", B median " + figure + "; " + ratioName
                    + " per round: median %.3f, quartiles %.3f .. %.3f (%d rounds)", sa[n / 2], sb[n / 2], sr[n / 2],
                    sr[n / 4], sr[(3 * n) / 4], n);
        }
    }

    /** A comparison from the command line's arguments, as its summary line. */
    interface Comparison {
        String summary(String[] args) throws Exception;
    }

    /** One measurement of version {@code v} (0: A, 1: B) in round {@code round} (negative: untimed). */
    interface Measurement {
        double of(int v, int round) throws ReflectiveOperationException;
    }

    /**
     * Runs {@code comparison} and prints its summary on {@code out}: 0, or 2 with one line on
     * {@code err} when the arguments cannot be run.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Comparison comparison) throws Exception {
        try {
            out.println(comparison.summary(args));
            return 0;
        } catch (Usage e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * The figures of A ({@code [0]}) and B ({@code [1]}) in each of {@code rounds} kept rounds,
     * after {@code untimed} rounds for the JIT; A goes first in even rounds, B in odd ones. A
     * setting that a version refuses (its ConfigException, e.g. an unknown key) is a Usage.
     */
    static double[][] alternate(int untimed, int rounds, Measurement m) throws Usage, ReflectiveOperationException {
        double[][] f = new double[2][rounds];
        for (int r = -untimed; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = Math.floorMod(r + k, 2);
                double x;
                try {
                    x = m.of(v, r);
                } catch (InvocationTargetException e) {
                    // the version's own class, from its own loader: known by name only
                    if (e.getCause() != null && e.getCause().getClass().getName().equals("org.enu.config.ConfigException")) {
                        throw new Usage((v == 0 ? "A: " : "B: ") + e.getCause().getMessage());
                    }
                    throw e;
                }
                if (r >= 0) {
                    f[v][r] = x;
                }
            }
        }
        return f;
    }

    /**
     * A loader of its own for an enu jar or a class path (jars and class folders joined by the
     * path separator), apart from this program's classes.
     */
    static ClassLoader loader(String classPath) throws Usage, MalformedURLException {
        String[] parts = classPath.split(File.pathSeparator, -1);
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Path p = Path.of(parts[i]);
            if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                throw new Usage("no such jar: " + parts[i]);
            }
            urls[i] = p.toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    /** {@code s} as a whole number of at least 1, or a Usage naming {@code what}. */
    static int positive(String s, String what) throws Usage {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new Usage(what + ": must be a whole number >= 1, got " + s);
    }

    static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }
}
