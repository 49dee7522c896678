package org.enu.cell;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel's shape constants and its choice of path, in one leaf class that {@link EnuKernel},
 * {@link EnuKernelLanes}, {@link EnuBatch}, {@link EnuWeights} and {@link VectorMath} all read
 * (it calls none of them): the vector species, the tile and group sizes, whether the CPU has
 * vector scatters, and which path ({@code -Denu.kernel}) steps a unit kind.
 */
public final class KernelShape {
    private KernelShape() {
    }

    /** The vector species of every kernel loop (a constant, so that C2 sees it; docs/DESIGN.md "JIT notes"). */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector register (8 with AVX2, 16 with AVX-512). */
    public static final int LANES = S.length();
    /** Rows per register tile of {@link EnuKernel}. */
    public static final int TILE = 4;
    /** Cells (and outputs) per group of {@link EnuKernelLanes}. */
    static final int GROUP = 4;
    /**
     * Whether the lane path writes its outputs back with vector scatters (an AVX-512 instruction;
     * where the CPU lacks it, the Vector API emulates a scatter in Java, slower than the plain
     * loop used then). The copy in always uses vector gathers (AVX2 has them).
     */
    static final boolean VECTOR_SCATTER = S.vectorBitSize() >= 512;

    /**
     * Which path steps a unit kind: {@code -Denu.kernel=tile} (memory cells in the lanes,
     * {@link EnuKernel}), {@code lane} (one unit per lane, {@link EnuKernelLanes}) or {@code auto}
     * (the default: {@link #prefersLanes}). Both give the same bits; only the speed differs.
     */
    static final String PATH = System.getProperty("enu.kernel", "auto");

    static {
        if (!PATH.equals("auto") && !PATH.equals("tile") && !PATH.equals("lane")) {
            throw new KernelException("enu.kernel (JVM property -Denu.kernel): must be auto, tile or lane, got '"
                    + PATH + "'");
        }
    }

    /**
     * A short name of the kernel and vector shape, for provenance and benchmarks: "+lanes" where
     * small units take {@link EnuKernelLanes} ({@link #prefersLanes}), "-lanes" where every unit
     * does ({@code -Denu.kernel=lane}).
     */
    static String variant() {
        String tiles = "vector" + S.vectorBitSize() + "-tile" + TILE + "x3";
        return switch (PATH) {
            case "tile" -> tiles;
            case "lane" -> tiles + "-lanes";
            default -> VECTOR_SCATTER ? tiles + "+lanes" : tiles;
        };
    }

    /** Whether units of this shape are stepped one per lane. */
    static boolean usesLanes(EnuSpec spec) {
        return switch (PATH) {
            case "tile" -> false;
            case "lane" -> true;
            default -> prefersLanes(spec);
        };
    }

    /**
     * The automatic choice, from measurements (docs/PERFORMANCE.md, log 17): one unit per lane
     * where the CPU has vector scatters (AVX-512) and the memory fills at most half a vector
     * (memory 8 on 16 lanes: T-maze generations 1.7-2x faster); otherwise the tiles (with AVX2's
     * 8 lanes, measured as -XX:UseAVX=2 on the AVX-512 machine, the lane path was slower at
     * every shape).
     */
    static boolean prefersLanes(EnuSpec spec) {
        return VECTOR_SCATTER && 2 * spec.memory() <= LANES;
    }
}
