package org.enu.bench.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The paired tools in-process, each version compared with itself on a tiny shape: enu-core's
 * classes and their dependencies come from this test's own class path (a class path serves as
 * well as a jar), so the test needs no jar of a later module.
 */
class PairedToolsTest {
    private static final String SELF = System.getProperty("java.class.path");
    private static final String[] TINY_IAF = {"es.offspring=4", "iaf.environments=2", "iaf.steps=20", "enu.memory=4"};

    @Test
    void kernelGivesOneFinitePositiveRatioPerRound() throws Exception {
        Paired.Rounds r = PairedKernel.compare(new String[] {SELF, SELF, "16", "4", "4", "2", "2", "0.02"});
        assertRounds(r, 2);
        assertTrue(r.summary("%.1f GFLOP/s", "B / A").endsWith("(2 rounds)"), r.summary("%.1f", "B / A"));
    }

    @Test
    void generationGivesOneFinitePositiveRatioPerRound() throws Exception {
        String[] args = new String[5 + TINY_IAF.length];
        System.arraycopy(new String[] {SELF, SELF, "iaf", "1", "2"}, 0, args, 0, 5);
        System.arraycopy(TINY_IAF, 0, args, 5, TINY_IAF.length);
        assertRounds(PairedGeneration.compare(args), 2);
    }

    /** A: and B: overrides reach one side only: a key that side's version refuses names that side. */
    @Test
    void sideOverridesApplyToOneSide() throws Exception {
        assertRefused(err -> assertTrue(err.startsWith("B: iaf.no_such_key: unknown key"), err),
                out -> PairedGeneration.run(new String[] {SELF, SELF, "iaf", "1", "1", "A:enu.math=exact", "B:iaf.no_such_key=1"},
                        out.out, out.err));
        String[] args = new String[6 + TINY_IAF.length];
        System.arraycopy(new String[] {SELF, SELF, "iaf", "1", "1", "B:enu.math=fast"}, 0, args, 0, 6);
        System.arraycopy(TINY_IAF, 0, args, 6, TINY_IAF.length);
        assertRounds(PairedGeneration.compare(args), 1);
    }

    @Test
    void aMissingJarIsOneLineAndExitStatus2() throws Exception {
        String missing = "no-such-dir/before.jar";
        assertRefused(err -> assertEquals("no such jar: " + missing, err),
                out -> PairedKernel.run(new String[] {SELF, missing, "16", "4", "4", "2"}, out.out, out.err));
        assertRefused(err -> assertEquals("no such jar: " + missing, err),
                out -> PairedGeneration.run(new String[] {missing, SELF, "iaf", "1", "1"}, out.out, out.err));
    }

    @Test
    void badArgumentsAndSettingsAreOneLineAndExitStatus2() throws Exception {
        assertRefused(err -> assertTrue(err.startsWith("usage: PairedKernel A.jar B.jar"), err),
                out -> PairedKernel.run(new String[] {SELF, SELF, "16"}, out.out, out.err));
        assertRefused(err -> assertEquals("ROUNDS: must be a whole number >= 1, got 0", err),
                out -> PairedGeneration.run(new String[] {SELF, SELF, "iaf", "1", "0"}, out.out, out.err));
        // the version's own ConfigException, from its own class loader, names the version
        assertRefused(err -> assertTrue(err.matches("[AB]: iaf\\.no_such_key: unknown key .*"), err),
                out -> PairedGeneration.run(new String[] {SELF, SELF, "iaf", "1", "1", "iaf.no_such_key=1"},
                        out.out, out.err));
    }

    private static void assertRounds(Paired.Rounds r, int rounds) {
        assertEquals(rounds, r.ratio().length);
        for (double[] figures : new double[][] {r.a(), r.b(), r.ratio()}) {
            assertEquals(rounds, figures.length);
            for (double x : figures) {
                assertTrue(Double.isFinite(x) && x > 0, "a figure of " + java.util.Arrays.toString(figures));
            }
        }
    }

    /** Streams a tool writes to. */
    private record Capture(ByteArrayOutputStream outBytes, ByteArrayOutputStream errBytes, PrintStream out,
                           PrintStream err) {
        static Capture open() {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            return new Capture(o, e, new PrintStream(o, true, StandardCharsets.UTF_8),
                    new PrintStream(e, true, StandardCharsets.UTF_8));
        }
    }

    private interface Tool {
        int run(Capture c) throws Exception;
    }

    /** The tool exits with 2, prints nothing on stdout and one line on stderr, which {@code line} checks. */
    private static void assertRefused(Consumer<String> line, Tool tool) throws Exception {
        Capture c = Capture.open();
        assertEquals(2, tool.run(c));
        assertEquals("", c.outBytes().toString(StandardCharsets.UTF_8));
        String err = c.errBytes().toString(StandardCharsets.UTF_8);
        assertTrue(err.endsWith(System.lineSeparator()) && err.lines().count() == 1, "one line: " + err);
        line.accept(err.strip());
    }
}
