package org.enu.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.enu.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector width does not change a bit, for either math: a child JVM with other vector options
 * ({@code -XX:UseAVX=2}: 256-bit vectors where the CPU has AVX-512; {@code -XX:MaxVectorSize=16}:
 * 128-bit vectors on any x86 CPU) steps the shapes of {@link VectorWidthProbe} with C2-compiled
 * kernels (no tiers, a low compile threshold; the test checks that C2 compiled the fast loops),
 * and its digests must equal this JVM's, and on each side the tile path, the lane path and (fast
 * math) the scalar reference must agree.
 */
class VectorWidthTest {
    static final int STEPS = 150;
    private static List<String> here;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-XX:UseAVX=2", "-XX:MaxVectorSize=16"})
    void aChildJvmWithOtherVectorsGivesTheSameBits(String option) throws Exception {
        if (here == null) {
            here = VectorWidthProbe.lines(STEPS);
        }
        List<String> there = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        List<String> jvm = List.of(option, "-XX:-TieredCompilation", "-XX:CompileThreshold=100", "-Xbatch",
                "-XX:+PrintCompilation", "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*");
        try (ChildJvm child = ChildJvm.start(jvm, VectorWidthProbe.class, Integer.toString(STEPS))) {
            String out = child.rest();
            assertEquals(0, child.waitFor(), out);
            all.append(out);
            for (String line : out.split("\n", -1)) {
                if (line.startsWith("probe ")) {
                    there.add(line);
                }
            }
        }
        assertEquals(here.size(), there.size(), "the child's lines:\n" + all);
        for (int i = 0; i < here.size(); i++) {
            String[] a = here.get(i).split(" ");
            String[] b = there.get(i).split(" ");
            // every digest after the lane count: tile, lane, ref
            for (int k = 2; k < a.length; k++) {
                assertEquals(a[k], b[k], "lanes " + a[1] + " here, " + b[1] + " with " + option + ": " + here.get(i)
                        + " / " + there.get(i));
            }
            for (String[] side : List.of(a, b)) {
                String tile = side[4].substring(5);
                for (int k = 5; k < side.length; k++) {
                    assertEquals(tile, side[k].substring(side[k].indexOf('=') + 1), "paths disagree: " + String.join(" ", side));
                }
            }
        }
        if (option.equals("-XX:MaxVectorSize=16")) {
            assertEquals("4", there.get(0).split(" ", -1)[1], "128-bit vectors hold 4 floats");
            if (KernelShape.LANES > 4) {
                assertNotEquals(here.get(0).split(" ", -1)[1], there.get(0).split(" ", -1)[1]);
            }
        }
        // the fast loops ran as C2 code in the child (PrintCompilation lists them: dontinline keeps them apart)
        for (String m : List.of("org.enu.cell.EnuKernel::gateEpilogueFast", "org.enu.cell.EnuKernel::cellEpilogueFast",
                "org.enu.cell.EnuKernelLanes::gatesFast", "org.enu.cell.EnuKernelLanes::tanhUpdateFast")) {
            assertTrue(all.toString().contains(m), m + " was not compiled:\n" + all);
        }
    }
}
