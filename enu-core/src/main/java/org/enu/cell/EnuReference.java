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
 *
 * <p>{@link #step} is the definition for {@code enu.math: exact} (the kernel agrees with it to
 * float rounding). {@link #stepFast} is the definition for {@code enu.math: fast}: the same
 * equations in float, with the cheaper nonlinearities and in the kernel's order of operations,
 * so that the kernel gives exactly its bits.
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

    // ---- enu.math: fast ----------------------------------------------------------------------

    static final float LOG2E = 1.442695f;
    /** 1.5 · 2^23 + 127: adding it rounds y to an integer n and puts n + 127 in the low bits. */
    static final float EXP2_MAGIC = 12583039f;
    /** Clamp of y in 2^y: 2^−125 stays a normal float, and (1 + 2^62)^2 does not overflow. */
    static final float EXP2_MIN = -125f;
    static final float EXP2_MAX = 62f;
    /**
     * 2^f on [−1/2, 1/2] as 1 + f·(P1 + f·(P2 + f·(P3 + f·P4))): relative error 2.9e-6 (a minimax
     * fit of the relative error with the constant term held at 1, so that 2^0 is exactly 1 and
     * tanh(0) exactly 0: padded memory cells stay zero).
     */
    static final float P1 = 0.6931242f;
    static final float P2 = 0.24024099f;
    static final float P3 = 0.055906426f;
    static final float P4 = 0.009582853f;

    /**
     * The fast 2^y: n = round(y), f = y − n in [−1/2, 1/2], 2^n · p(f), y clamped to [−125, 62].
     * {@code VectorMath.exp2Fast} does the same operations on each lane.
     */
    static float exp2Fast(float y) {
        y = Math.min(Math.max(y, EXP2_MIN), EXP2_MAX);
        float t = y + EXP2_MAGIC;
        float f = y - (t - EXP2_MAGIC);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(P4, f, P3), f, P2), f, P1), f, 1f);
        return p * Float.intBitsToFloat(Float.floatToRawIntBits(t) << 23);
    }

    /** The multiplier of a in the update gate's 2^y: y = a · (−gateSlope · log2 e). */
    static float gateScale(EnuSpec spec) {
        return -spec.gateSlope() * LOG2E;
    }

    /** The reset gate's y = a · gateScale + resetShift · gateSlope · log2 e. */
    static float resetOffset(EnuSpec spec) {
        return -(gateScale(spec) * spec.resetShift());
    }

    /** The cell gate's y = a · (−2 · cellSlope · log2 e): tanh(k a) = 2 / (1 + e^(−2ka)) − 1. */
    static float cellScale(EnuSpec spec) {
        return -2f * spec.cellSlope() * LOG2E;
    }

    /**
     * One step of one unit with {@code enu.math: fast}, in place; arguments as for {@link #step}.
     * In float, each sum in the kernel's order (the bias, the inputs, the outputs, then the memory;
     * the cell gate's r ⊙ h part last), every multiply-add fused. With u = 1 + 2^(y_z),
     * v = 1 + 2^(y_c) (so that z = 1 / u and tanh = 2 / v − 1), the update and cell gates share
     * one division: q = 1 / (u·v), z = v·q, c = 2·(u·q) − 1. The reset gate has its own:
     * r ⊙ h = h / (1 + 2^(y_r)).
     */
    public static void stepFast(EnuSpec spec, float[] params, int base, float[] x, float[] h, float[] o, float[] noise) {
        int nx = spec.inputs();
        int H = spec.memory();
        int O = spec.outputs();
        int K = spec.gateInputs();
        int nxo = nx + O;
        float[] in = new float[nxo];
        System.arraycopy(x, 0, in, 0, nx);
        System.arraycopy(o, 0, in, nx, O);
        float gs = gateScale(spec), rs = resetOffset(spec), cs = cellScale(spec);

        float[] u = new float[H];
        float[] rh = new float[H];
        float[] ac = new float[H];
        for (int j = 0; j < H; j++) {
            int wz = base + spec.offsetZ() + j * K, wr = base + spec.offsetR() + j * K, wc = base + spec.offsetC() + j * K;
            float az = spec.bias() ? params[wz + K - 1] : 0f;
            float ar = spec.bias() ? params[wr + K - 1] : 0f;
            float c = spec.bias() ? params[wc + K - 1] : 0f;
            for (int k = 0; k < nxo; k++) {
                az = Math.fma(params[wz + k], in[k], az);
                ar = Math.fma(params[wr + k], in[k], ar);
                c = Math.fma(params[wc + k], in[k], c);
            }
            for (int k = 0; k < H; k++) {
                az = Math.fma(params[wz + nxo + k], h[k], az);
                ar = Math.fma(params[wr + nxo + k], h[k], ar);
            }
            u[j] = 1f + exp2Fast(az * gs);
            rh[j] = h[j] / (1f + exp2Fast(Math.fma(ar, gs, rs)));
            ac[j] = c;
        }
        for (int j = 0; j < H; j++) {
            int wc = base + spec.offsetC() + j * K + nxo;
            float c = ac[j];
            for (int k = 0; k < H; k++) {
                c = Math.fma(params[wc + k], rh[k], c);
            }
            float v = 1f + exp2Fast(c * cs);
            float q = 1f / (u[j] * v);
            float z = v * q;
            float tanh = Math.fma(2f, u[j] * q, -1f);
            ac[j] = Math.fma(z, tanh - h[j], h[j]);
        }
        System.arraycopy(ac, 0, h, 0, H);

        int KO = spec.outputGateInputs();
        float scale = spec.spikeOutput() ? EnuSpec.SPIKE_SCALE : 1f;
        for (int j = 0; j < O; j++) {
            int wo = base + spec.offsetO() + j * KO;
            float a = spec.bias() ? params[wo + KO - 1] : 0f;
            for (int k = 0; k < H; k++) {
                a = Math.fma(params[wo + k], h[k], a);
            }
            a *= scale;
            if (noise != null) {
                a += noise[j];
            }
            o[j] = Math.min(Math.max(a, 0f), 1f);
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
