package org.enu.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.enu.rng.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast kernel computes the reference equations: random weights, inputs and states, many
 * shapes (B = 1, sizes that are not multiples of the vector width, with and without bias, both
 * slope presets, noise), several consecutive steps. Error is measured relative to the value's
 * scale, |kernel − reference| / max(1, |reference|); memories and outputs lie in [−1, 1]. Both
 * paths of the kernel (memory cells in the lanes, {@link EnuKernel#stepTiles}, and one unit per
 * lane, {@link EnuKernelLanes}) run from the same state at every step and must give the same bits.
 */
class EnuKernelTest {
    static final double TOLERANCE = 1e-5;

    static Stream<Arguments> shapes() {
        List<Arguments> list = new ArrayList<>();
        int[][] dims = {
            // B, inputs, memory, outputs
            {1, 1, 32, 16}, {32, 1, 32, 16}, {32, 4, 32, 16}, {384, 32, 32, 16}, {48, 16, 32, 16},
            {1, 1, 1, 1}, {3, 5, 7, 3}, {5, 2, 9, 17}, {6, 3, 13, 5}, {7, 11, 31, 15}, {2, 1, 8, 8},
            {9, 2, 33, 2}, {13, 7, 40, 1},
        };
        for (int[] d : dims) {
            list.add(Arguments.of(d[0], d[1], d[2], d[3], true, 3f, 1f, 3f, false));
            list.add(Arguments.of(d[0], d[1], d[2], d[3], false, 1f, 0f, 1f, true));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "B={0} x={1} H={2} O={3} bias={4} slopes={5}/{6}/{7} noise={8}")
    @MethodSource("shapes")
    void kernelEqualsReference(int B, int nx, int H, int O, boolean bias, float gs, float shift, float cs,
                               boolean noisy) {
        EnuSpec spec = new EnuSpec(nx, H, O, bias, gs, shift, cs, false, noisy ? 0.01f : 0f);
        compare(spec, B, 6, 1.0, TOLERANCE, 1000L * B + 31L * nx + H);
    }

    @ParameterizedTest(name = "spike output B={0} x={1} H={2} O={3}")
    @MethodSource("shapes")
    void spikeOutputEqualsReference(int B, int nx, int H, int O, boolean bias, float gs, float shift, float cs,
                                    boolean noisy) {
        // One step: the x1000 output scale magnifies the pre-activation's rounding error by 1000.
        EnuSpec spec = new EnuSpec(nx, H, O, bias, gs, shift, cs, true, 0f);
        compare(spec, B, 1, 1.0, TOLERANCE * EnuSpec.SPIKE_SCALE, 77L * B + H);
    }

    @ParameterizedTest(name = "large weights B={0} x={1} H={2} O={3}")
    @MethodSource("shapes")
    void saturatedGatesEqualReference(int B, int nx, int H, int O, boolean bias, float gs, float shift, float cs,
                                      boolean noisy) {
        EnuSpec spec = new EnuSpec(nx, H, O, bias, gs, shift, cs, false, 0f);
        compare(spec, B, 3, 4.0, TOLERANCE, 5L * B + 3L * O);
    }

    private static void compare(EnuSpec spec, int B, int steps, double weightScale, double tol, long seed) {
        KeyedRandom rnd = new KeyedRandom(seed);
        float[] params = new float[spec.parameterCount() + 3];
        int base = 3; // a non-zero offset, as for the second unit kind of a network
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (weightScale * rnd.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        EnuWeights w = new EnuWeights(spec, false).pack(params, base);
        EnuWeights wl = new EnuWeights(spec, true).pack(params, base);
        EnuBatch batch = new EnuBatch(spec, B, false);
        int nx = spec.inputs();
        int H = spec.memory();
        int O = spec.outputs();
        float[][] refH = new float[B][H];
        float[][] refO = new float[B][O];
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                refH[b][j] = (float) rnd.uniform(-1, 1);
                batch.h[b * batch.hStride + j] = refH[b][j];
            }
            for (int j = 0; j < O; j++) {
                refO[b][j] = (float) rnd.nextDouble();
                batch.o[b * batch.oStride + j] = refO[b][j];
            }
        }
        int xStride = nx + 2; // inputs need not be packed
        float[] x = new float[B * xStride + 1];
        float[] noise = spec.outputNoise() > 0 ? new float[B * batch.oStride] : null;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.uniform(-1, 2);
            }
            if (noise != null) {
                for (int b = 0; b < B; b++) {
                    for (int c = 0; c < O; c++) {
                        noise[b * batch.oStride + c] = (float) (spec.outputNoise() * rnd.nextGaussian());
                    }
                }
            }
            // both paths, from the same state: the same bits, padding included
            EnuBatch lanes = copy(batch, true);
            EnuKernel.stepTiles(w, batch, B, x, 1, xStride, noise);
            // the lane path reads its noise packed (EnuKernel.noiseStride): the same values, no padding
            float[] packed = null;
            if (noise != null) {
                packed = new float[B * O];
                for (int b = 0; b < B; b++) {
                    System.arraycopy(noise, b * batch.oStride, packed, b * O, O);
                }
            }
            EnuKernel.step(wl, lanes, B, x, 1, xStride, packed, EnuKernel.noiseStride(wl, lanes));
            assertSameMemories(batch, lanes, "memories: lane path differs from tile path at step " + t);
            assertArrayEquals(batch.o, lanes.o, "outputs: lane path differs from tile path at step " + t);
            for (int b = 0; b < B; b++) {
                float[] xb = new float[nx];
                System.arraycopy(x, 1 + b * xStride, xb, 0, nx);
                float[] nb = null;
                if (noise != null) {
                    nb = new float[O];
                    System.arraycopy(noise, b * batch.oStride, nb, 0, O);
                }
                EnuReference.step(spec, params, base, xb, refH[b], refO[b], nb);
            }
            double worst = 0;
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    worst = Math.max(worst, relErr(batch.memory(b, j), refH[b][j]));
                }
                for (int j = 0; j < O; j++) {
                    worst = Math.max(worst, relErr(batch.output(b, j), refO[b][j]));
                }
                for (int j = H; j < batch.hStride; j++) {
                    assertEquals(0f, batch.h[b * batch.hStride + j], "memory padding must stay zero");
                }
                for (int j = O; j < batch.oStride; j++) {
                    assertEquals(0f, batch.o[b * batch.oStride + j], "output padding must stay zero");
                }
            }
            assertTrue(worst <= tol, "step " + t + ": worst relative error " + worst + " > " + tol);
            // Continue from the reference state so that errors do not compound over steps.
            for (int b = 0; b < B; b++) {
                System.arraycopy(refH[b], 0, batch.h, b * batch.hStride, H);
                System.arraycopy(refO[b], 0, batch.o, b * batch.oStride, O);
            }
        }
    }

    /**
     * Fast math: both paths give exactly the bits of {@link EnuReference#stepFast}, step after
     * step from their own state (no reset to the reference: the bits must never part), padding
     * included; and the fast reference stays near the exact equations.
     */
    @ParameterizedTest(name = "fast math B={0} x={1} H={2} O={3} bias={4} slopes={5}/{6}/{7} noise={8}")
    @MethodSource("shapes")
    void fastKernelEqualsFastReferenceBitForBit(int B, int nx, int H, int O, boolean bias, float gs, float shift,
                                                 float cs, boolean noisy) {
        for (boolean spike : new boolean[] {false, true}) {
            for (double weightScale : new double[] {1.0, 6.0}) { // 6: saturated gates, clamped exponents
                EnuSpec spec = new EnuSpec(nx, H, O, bias, gs, shift, cs, spike, noisy ? 0.01f : 0f, EnuMath.FAST);
                compareFast(spec, B, 5, weightScale, 91L * B + 7L * H + (spike ? 1 : 0) + (long) weightScale);
            }
        }
    }

    static void compareFast(EnuSpec spec, int B, int steps, double weightScale, long seed) {
        KeyedRandom rnd = new KeyedRandom(seed);
        float[] params = new float[spec.parameterCount() + 2];
        int base = 2;
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (weightScale * rnd.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        EnuWeights w = new EnuWeights(spec, false).pack(params, base);
        EnuWeights wl = new EnuWeights(spec, true).pack(params, base);
        EnuBatch tiles = new EnuBatch(spec, B, false);
        int nx = spec.inputs(), H = spec.memory(), O = spec.outputs();
        float[][] refH = new float[B][H];
        float[][] refO = new float[B][O];
        float[][] exactH = new float[B][H];
        float[][] exactO = new float[B][O];
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                refH[b][j] = (float) rnd.uniform(-1, 1);
                tiles.h[b * tiles.hStride + j] = refH[b][j];
            }
            for (int j = 0; j < O; j++) {
                refO[b][j] = (float) rnd.nextDouble();
                tiles.o[b * tiles.oStride + j] = refO[b][j];
            }
        }
        EnuBatch lanes = copy(tiles, true);
        float[] x = new float[B * nx];
        float[] noise = spec.outputNoise() > 0 ? new float[B * tiles.oStride] : null;
        float[] packed = noise != null ? new float[B * O] : null;
        boolean anyMoved = false;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.uniform(-1, 2);
            }
            if (noise != null) {
                for (int b = 0; b < B; b++) {
                    for (int c = 0; c < O; c++) {
                        noise[b * tiles.oStride + c] = packed[b * O + c] = (float) (spec.outputNoise() * rnd.nextGaussian());
                    }
                }
            }
            for (int b = 0; b < B; b++) { // the exact equations from the same state, one step
                exactH[b] = refH[b].clone();
                exactO[b] = refO[b].clone();
            }
            EnuKernel.step(w, tiles, B, x, 0, nx, noise, EnuKernel.noiseStride(w, tiles));
            EnuKernel.step(wl, lanes, B, x, 0, nx, packed, EnuKernel.noiseStride(wl, lanes));
            for (int b = 0; b < B; b++) {
                float[] xb = java.util.Arrays.copyOfRange(x, b * nx, b * nx + nx);
                float[] nb = noise == null ? null : java.util.Arrays.copyOfRange(packed, b * O, b * O + O);
                float[] before = refH[b].clone();
                EnuReference.stepFast(spec, params, base, xb, refH[b], refO[b], nb);
                EnuReference.step(spec, params, base, xb, exactH[b], exactO[b], nb);
                anyMoved |= !java.util.Arrays.equals(before, refH[b]);
                for (int j = 0; j < H; j++) {
                    String where = "step " + t + ", unit " + b + ", cell " + j;
                    assertEquals(Float.floatToRawIntBits(refH[b][j]), Float.floatToRawIntBits(tiles.memory(b, j)),
                            "tile path differs from the fast reference: " + where);
                    assertEquals(Float.floatToRawIntBits(refH[b][j]), Float.floatToRawIntBits(lanes.memory(b, j)),
                            "lane path differs from the fast reference: " + where);
                    assertEquals(exactH[b][j], refH[b][j], 1e-4, "fast memory far from the exact equations: " + where);
                }
                for (int j = 0; j < O; j++) {
                    String where = "step " + t + ", unit " + b + ", output " + j;
                    assertEquals(Float.floatToRawIntBits(refO[b][j]), Float.floatToRawIntBits(tiles.output(b, j)),
                            "tile path differs from the fast reference: " + where);
                    assertEquals(Float.floatToRawIntBits(refO[b][j]), Float.floatToRawIntBits(lanes.output(b, j)),
                            "lane path differs from the fast reference: " + where);
                    // the spike output's x1000 scale magnifies the pre-activation's difference
                    assertEquals(exactO[b][j], refO[b][j], spec.spikeOutput() ? 0.1 : 1e-4,
                            "fast output far from the exact equations: " + where);
                }
                for (int j = H; j < tiles.hStride; j++) {
                    assertEquals(0f, tiles.h[b * tiles.hStride + j], "memory padding must stay zero");
                }
                for (int j = O; j < tiles.oStride; j++) {
                    assertEquals(0f, tiles.o[b * tiles.oStride + j], "output padding must stay zero");
                }
            }
            for (int i = 0; i < lanes.h.length; i++) {
                int blockRow = i / KernelShape.LANES % lanes.hRows;
                int unit = i / (lanes.hRows * KernelShape.LANES) * KernelShape.LANES + i % KernelShape.LANES;
                if (blockRow >= H || unit >= B) {
                    assertEquals(0f, lanes.h[i], "lane-layout padding must stay zero at " + i);
                }
            }
        }
        assertTrue(anyMoved, "the memories must have moved");
    }

    /** A copy of b's state in the layout of the tiles (lanes false) or of one unit per lane. */
    static EnuBatch copy(EnuBatch b, boolean lanes) {
        EnuBatch c = new EnuBatch(b.spec, b.rows, lanes);
        for (int u = 0; u < b.rows; u++) {
            for (int j = 0; j < b.spec.memory(); j++) {
                c.h[c.hIndex(u, j)] = b.memory(u, j);
            }
        }
        System.arraycopy(b.o, 0, c.o, 0, b.o.length);
        return c;
    }

    /** Every memory cell of every unit has the same bits in a and b (whatever their layouts). */
    static void assertSameMemories(EnuBatch a, EnuBatch b, String message) {
        for (int u = 0; u < a.rows; u++) {
            for (int j = 0; j < a.spec.memory(); j++) {
                assertEquals(Float.floatToRawIntBits(a.memory(u, j)), Float.floatToRawIntBits(b.memory(u, j)),
                        message + " (unit " + u + ", cell " + j + ")");
            }
        }
    }

    /** Each path states its noise layout and refuses another: padded rows (tiles), packed or wider (lanes). */
    @Test
    void noiseStrideIsEachPathsLayoutAndAnotherIsRefused() {
        EnuSpec spec = new EnuSpec(8, 8, 4, true, 3f, 1f, 3f, false, 0.1f);
        EnuWeights w = new EnuWeights(spec, false);
        EnuWeights wl = new EnuWeights(spec, true);
        EnuBatch b = new EnuBatch(spec, 5, false);
        EnuBatch bl = new EnuBatch(spec, 5, true);
        assertEquals(b.oStride, EnuKernel.noiseStride(w, b));
        assertEquals(4, EnuKernel.noiseStride(wl, bl));
        float[] x = new float[5 * 8];
        float[] noise = new float[5 * b.oStride];
        assertThrows(IllegalArgumentException.class, () -> EnuKernel.step(w, b, 5, x, 0, 8, noise, 4));
        assertThrows(IllegalArgumentException.class, () -> EnuKernel.step(wl, bl, 5, x, 0, 8, noise, 3));
        EnuKernel.step(wl, bl, 5, x, 0, 8, noise, b.oStride); // a wider stride is only slower
        EnuKernel.step(w, b, 5, x, 0, 8, noise, b.oStride);
    }

    /** A batch is laid out for one path; weights of the other path refuse to step it. */
    @Test
    void aBatchLaidOutForOnePathIsRefusedByTheOther() {
        EnuSpec spec = new EnuSpec(8, 8, 4, true, 3f, 1f, 3f, false, 0f);
        float[] x = new float[5 * 8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnuKernel.step(new EnuWeights(spec, true), new EnuBatch(spec, 5, false), x, 0, 8, null));
        assertTrue(e.getMessage().contains("laid out for the tile path"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EnuKernel.step(new EnuWeights(spec, false), new EnuBatch(spec, 5, true), x, 0, 8, null));
        // the defaults agree with each other
        assertEquals(new EnuWeights(spec).lanePath, new EnuBatch(spec, 5).lanes);
    }

    /** Swapping units exchanges exactly their memories and outputs, in both layouts. */
    @ParameterizedTest(name = "lanes={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void swapUnitsExchangesMemoriesAndOutputs(boolean lanes) {
        EnuSpec spec = new EnuSpec(2, 6, 3, true, 3f, 1f, 3f, false, 0f);
        int B = 2 * KernelShape.LANES + 3; // three blocks, the last one partial
        EnuBatch b = new EnuBatch(spec, B, lanes);
        for (int u = 0; u < B; u++) {
            for (int j = 0; j < 6; j++) {
                b.h[b.hIndex(u, j)] = 100 * u + j;
            }
            for (int c = 0; c < 3; c++) {
                b.o[u * b.oStride + c] = -(100 * u + c);
            }
        }
        int a0 = 1, b0 = KernelShape.LANES + 5, n = 4; // across blocks and lanes
        b.swapUnits(a0, b0, n);
        for (int u = 0; u < B; u++) {
            int from = u >= a0 && u < a0 + n ? b0 + (u - a0) : u >= b0 && u < b0 + n ? a0 + (u - b0) : u;
            for (int j = 0; j < 6; j++) {
                assertEquals(100 * from + j, b.memory(u, j), "unit " + u + " cell " + j);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(-(100 * from + c), b.output(u, c), "unit " + u + " output " + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> b.swapUnits(0, 2, 3), "overlapping ranges");
        assertThrows(IllegalArgumentException.class, () -> b.swapUnits(0, B - 1, 2), "past the end");
    }

    /** Stepping only the first rows leaves the others alone, on both paths, with the same bits. */
    @ParameterizedTest(name = "partial B={0} x={1} H={2} O={3}")
    @MethodSource("shapes")
    void bothPathsStepOnlyTheFirstRows(int B, int nx, int H, int O, boolean bias, float gs, float shift, float cs,
                                       boolean noisy) {
        EnuSpec spec = new EnuSpec(nx, H, O, bias, gs, shift, cs, noisy, 0f);
        KeyedRandom rnd = new KeyedRandom(17L * B + H);
        float[] params = new float[spec.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (rnd.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        EnuWeights w = new EnuWeights(spec, false).pack(params, 0);
        EnuWeights wl = new EnuWeights(spec, true).pack(params, 0);
        EnuBatch tiles = new EnuBatch(spec, B, false);
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                tiles.h[b * tiles.hStride + j] = (float) rnd.uniform(-1, 1);
            }
            for (int j = 0; j < O; j++) {
                tiles.o[b * tiles.oStride + j] = (float) rnd.nextDouble();
            }
        }
        EnuBatch before = copy(tiles, false);
        EnuBatch lanes = copy(tiles, true);
        float[] x = new float[B * nx];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.uniform(-1, 2);
        }
        int rows = Math.max(0, B - 2);
        EnuKernel.stepTiles(w, tiles, rows, x, 0, nx, null);
        EnuKernel.step(wl, lanes, rows, x, 0, nx, null, EnuKernel.noiseStride(wl, lanes));
        assertSameMemories(tiles, lanes, "memories: lane path differs from tile path");
        assertArrayEquals(tiles.o, lanes.o);
        for (int b = rows; b < B; b++) {
            for (int j = 0; j < H; j++) {
                assertEquals(before.memory(b, j), lanes.memory(b, j), "row " + b + " moved");
            }
        }
        for (int i = 0; i < lanes.h.length; i++) { // the lane layout's padding: rows past memory, units past B
            int blockRow = i / KernelShape.LANES % lanes.hRows, unit = i / (lanes.hRows * KernelShape.LANES) * KernelShape.LANES
                    + i % KernelShape.LANES;
            if (blockRow >= H || unit >= B) {
                assertEquals(0f, lanes.h[i], "lane-layout padding must stay zero at " + i);
            }
        }
        if (rows > 0) {
            boolean moved = false;
            for (int j = 0; j < H; j++) {
                moved |= before.memory(0, j) != lanes.memory(0, j);
            }
            assertTrue(moved, "row 0 must have been stepped");
        }
    }

    private static double relErr(double a, double ref) {
        return Math.abs(a - ref) / Math.max(1.0, Math.abs(ref));
    }

    @Test
    void nonlinearitiesAreTheGateEquationsAndRefuseABadCount() {
        EnuSpec spec = new EnuSpec(1, 32, 16, true, 3f, 1f, 3f, false, 0f);
        int n = 2 * KernelShape.LANES;
        KeyedRandom r = new KeyedRandom(5);
        float[] z = new float[n], rr = new float[n], c = new float[n], h = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (3 * r.nextGaussian());
            rr[i] = (float) (3 * r.nextGaussian());
            c[i] = (float) (3 * r.nextGaussian());
            h[i] = (float) (2 * r.nextDouble() - 1);
        }
        float[] z0 = z.clone(), r0 = rr.clone(), h0 = h.clone();
        EnuKernel.nonlinearities(spec, z, rr, c, h, n);
        for (int i = 0; i < n; i++) {
            double zz = 1 / (1 + Math.exp(-3.0 * z0[i]));
            double rh = h0[i] / (1 + Math.exp(-3.0 * (r0[i] - 1.0)));
            double hn = h0[i] + zz * (Math.tanh(3.0 * c[i]) - h0[i]);
            assertEquals(zz, z[i], 1e-6, "z " + i);
            assertEquals(rh, rr[i], 1e-6, "r * h " + i);
            assertEquals(hn, h[i], 1e-6, "h " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> EnuKernel.nonlinearities(spec, z, rr, c, h, n - 1));
        assertThrows(IllegalArgumentException.class, () -> EnuKernel.nonlinearities(spec, z, rr, c, new float[1], n));
    }
}
