package org.enu.cell;

/**
 * The ENU equations, once, written for reading: the definition every fast path is tested against.
 *
 * <p>One step of one unit, in double precision. With in = [x, o, h, 1] (the 1 only with a bias;
 * the column order of every gate matrix):
 * <pre>
 *   z  = sigmoid(gateSlope * (W_z · in))
 *   r  = sigmoid(gateSlope * (W_r · in − resetShift))
 *   c  = tanh(cellSlope * (W_c · [x, o, r ⊙ h, 1]))
 *   h' = (1 − z) ⊙ h + z ⊙ c
 *   o' = clip(outScale * (W_o · [h', 1]) + noise, 0, 1)     outScale = 1000 for spike output, else 1
 * </pre>
 * Matrices are row-major slices of the flat parameter vector at the offsets of {@link EnuSpec}.
 */
public final class EnuReference {
    private EnuReference() {
    }

    /**
     * Advances one unit by one step, in place.
     *
     * @param spec   the unit's shape and constants
     * @param params flat parameter vector (not modified)
     * @param base   offset of this unit kind's parameters in {@code params}
     * @param x      input channels, length spec.inputs() (not modified)
     * @param h      memory, length spec.memory(); replaced by h'
     * @param o      output, length spec.outputs(); replaced by o'
     * @param noise  output noise for this step, length spec.outputs(), or null for none (not modified)
     */
    public static void step(EnuSpec spec, float[] params, int base, float[] x, float[] h, float[] o, float[] noise) {
        int nx = spec.inputs();
        int H = spec.memory();
        int O = spec.outputs();
        int K = spec.gateInputs();

        double[] in = new double[K];
        for (int i = 0; i < nx; i++) {
            in[i] = x[i];
        }
        for (int i = 0; i < O; i++) {
            in[nx + i] = o[i];
        }
        for (int i = 0; i < H; i++) {
            in[nx + O + i] = h[i];
        }
        if (spec.bias()) {
            in[K - 1] = 1.0;
        }

        double[] z = new double[H];
        double[] r = new double[H];
        for (int j = 0; j < H; j++) {
            z[j] = sigmoid(spec.gateSlope() * dot(params, base + spec.offsetZ() + j * K, in));
            r[j] = sigmoid(spec.gateSlope() * (dot(params, base + spec.offsetR() + j * K, in) - spec.resetShift()));
        }

        double[] inReset = in.clone();
        for (int i = 0; i < H; i++) {
            inReset[nx + O + i] = r[i] * h[i];
        }
        double[] hNew = new double[H];
        for (int j = 0; j < H; j++) {
            double c = Math.tanh(spec.cellSlope() * dot(params, base + spec.offsetC() + j * K, inReset));
            hNew[j] = (1 - z[j]) * h[j] + z[j] * c;
        }

        int KO = spec.outputGateInputs();
        double[] inOut = new double[KO];
        for (int i = 0; i < H; i++) {
            inOut[i] = hNew[i];
        }
        if (spec.bias()) {
            inOut[KO - 1] = 1.0;
        }
        double scale = spec.spikeOutput() ? EnuSpec.SPIKE_SCALE : 1.0;
        for (int j = 0; j < O; j++) {
            double a = scale * dot(params, base + spec.offsetO() + j * KO, inOut);
            if (noise != null) {
                a += noise[j];
            }
            o[j] = (float) Math.min(1.0, Math.max(0.0, a));
        }
        for (int i = 0; i < H; i++) {
            h[i] = (float) hNew[i];
        }
    }

    private static double dot(float[] w, int offset, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[offset + i] * v[i];
        }
        return s;
    }

    private static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }
}
