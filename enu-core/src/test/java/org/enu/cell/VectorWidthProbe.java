package org.enu.cell;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.enu.rng.KeyedRandom;

/**
 * Steps a few unit shapes many times with each math, on both kernel paths and with the scalar
 * fast reference, and prints one line per shape and math with a digest of the final memories and
 * outputs: {@code probe LANES SHAPE MATH tile=... lane=... ref=...} (ref only for fast math,
 * whose reference gives the kernel's bits). Run in a child JVM with other vector options
 * ({@code VectorWidthTest}); many steps, so that C2 compiles the kernel's loops.
 */
public final class VectorWidthProbe {
    private VectorWidthProbe() {
    }

    /** Shapes: rows, inputs, memory, outputs (memory 8 / 4 outputs is the T-maze synapse of the memory-8 runs). */
    static final int[][] SHAPES = {{21, 8, 8, 4}, {5, 4, 32, 16}, {6, 3, 13, 5}};

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        for (String line : lines(steps)) {
            System.out.println(line);
        }
    }

    static java.util.List<String> lines(int steps) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int[] d : SHAPES) {
            for (EnuMath m : EnuMath.values()) {
                EnuSpec spec = new EnuSpec(d[1], d[2], d[3], true, 3f, 1f, 3f, false, 0.05f, m);
                String shape = d[0] + "x" + d[1] + "x" + d[2] + "x" + d[3];
                out.add("probe " + KernelShape.LANES + " " + shape + " " + m.key() + " tile=" + kernel(spec, d[0], steps, false)
                        + " lane=" + kernel(spec, d[0], steps, true)
                        + (m == EnuMath.FAST ? " ref=" + reference(spec, d[0], steps) : ""));
            }
        }
        return out;
    }

    private static float[] params(EnuSpec spec) {
        KeyedRandom rnd = new KeyedRandom(11L * spec.memory() + spec.inputs());
        float[] p = new float[spec.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (2.0 * rnd.nextGaussian() / Math.sqrt(spec.gateInputs()));
        }
        return p;
    }

    /** Input of unit b at step t, and its output noise: functions of (t, b, k) alone. */
    private static float input(int t, int b, int k) {
        return (float) Math.sin(0.37 * t + 1.3 * b + 0.71 * k);
    }

    private static float noise(int t, int b, int k) {
        return (float) (0.05 * Math.cos(0.53 * t + 0.9 * b + 1.7 * k));
    }

    private static String kernel(EnuSpec spec, int rows, int steps, boolean lanes) throws Exception {
        EnuWeights w = new EnuWeights(spec, lanes).pack(params(spec), 0);
        EnuBatch st = new EnuBatch(spec, rows, lanes);
        int nx = spec.inputs(), O = spec.outputs();
        int ns = EnuKernel.noiseStride(w, st);
        float[] x = new float[rows * nx];
        float[] noise = new float[rows * ns];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                for (int k = 0; k < nx; k++) {
                    x[b * nx + k] = input(t, b, k);
                }
                for (int k = 0; k < O; k++) {
                    noise[b * ns + k] = noise(t, b, k);
                }
            }
            EnuKernel.step(w, st, rows, x, 0, nx, noise, ns);
        }
        float[][] h = new float[rows][spec.memory()];
        float[][] o = new float[rows][O];
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < spec.memory(); j++) {
                h[b][j] = st.memory(b, j);
            }
            for (int j = 0; j < O; j++) {
                o[b][j] = st.output(b, j);
            }
        }
        return digest(h, o);
    }

    private static String reference(EnuSpec spec, int rows, int steps) throws Exception {
        float[] p = params(spec);
        int nx = spec.inputs(), O = spec.outputs();
        float[][] h = new float[rows][spec.memory()];
        float[][] o = new float[rows][O];
        float[] x = new float[nx];
        float[] n = new float[O];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                for (int k = 0; k < nx; k++) {
                    x[k] = input(t, b, k);
                }
                for (int k = 0; k < O; k++) {
                    n[k] = noise(t, b, k);
                }
                EnuReference.stepFast(spec, p, 0, x, h[b], o[b], n);
            }
        }
        return digest(h, o);
    }

    private static String digest(float[][] h, float[][] o) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(4 * (h.length * h[0].length + o.length * o[0].length));
        for (float[] row : h) {
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        for (float[] row : o) {
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array())).substring(0, 16);
    }
}
