package org.enu.cell;

import org.enu.check.Check;

/**
 * The shape and the fixed (non-evolved) settings of one kind of ENU: channel counts, memory size
 * and the constants of the gate nonlinearities. All units of one kind share one spec and one
 * parameter vector; each keeps its own memory {@code h} and output {@code o}.
 *
 * <p>The gate equations (see {@link EnuReference}) with a = W·in:
 * z = sigmoid(gateSlope·a_z), r = sigmoid(gateSlope·(a_r − resetShift)), c = tanh(cellSlope·a_c),
 * h' = (1 − z)·h + z·c, o' = clip(outScale·(W_o·[h', 1]) + noise, 0, 1) with outScale = 1000 for
 * spike output, else 1. The paper's equations are gateSlope = cellSlope = 1, resetShift = 0,
 * no bias; the authors' code uses 3, 1 and 3 with a bias.
 *
 * @param inputs       number of input channels x (at least 1)
 * @param memory       memory size H (the number of "dynamic parameters")
 * @param outputs      number of output channels O
 * @param bias         whether a constant-1 input (a bias column) feeds every gate and the output
 * @param gateSlope    steepness of the update and reset gate sigmoids
 * @param resetShift   shift of the reset gate's pre-activation before the slope
 * @param cellSlope    steepness of the cell gate tanh
 * @param spikeOutput  multiply the output pre-activation by 1000 before the clip
 * @param outputNoise  standard deviation of Gaussian noise added to the output pre-activation
 * @param math         which nonlinearities the kernel computes ({@code enu.math}; not part of the
 *                     genome's shape: {@link #sameShape})
 */
public record EnuSpec(int inputs, int memory, int outputs, boolean bias, float gateSlope,
                      float resetShift, float cellSlope, boolean spikeOutput, float outputNoise, EnuMath math) {

    /** Multiplier of the output pre-activation for spike output. */
    public static final float SPIKE_SCALE = 1000f;

    /** A spec with the exact nonlinearities ({@link EnuMath#EXACT}). */
    public EnuSpec(int inputs, int memory, int outputs, boolean bias, float gateSlope, float resetShift,
                   float cellSlope, boolean spikeOutput, float outputNoise) {
        this(inputs, memory, outputs, bias, gateSlope, resetShift, cellSlope, spikeOutput, outputNoise, EnuMath.EXACT);
    }

    public EnuSpec {
        if (math == null) {
            throw new IllegalArgumentException("math: must be exact or fast, got null");
        }
        requirePositive("inputs", inputs);
        requirePositive("memory", memory);
        requirePositive("outputs", outputs);
        Check.positive("gate_slope", gateSlope);
        Check.positive("cell_slope", cellSlope);
        Check.finite("reset_shift", resetShift);
        Check.nonNegative("output_noise", outputNoise);
        if (parameterCount(inputs, memory, outputs, bias) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("memory: a unit of memory " + memory + " with " + inputs + " inputs and "
                    + outputs + " outputs has more parameters than an int can count");
        }
    }

    private static void requirePositive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, got " + v);
        }
    }

    /** Width of the gate input [x, o, h, 1]: inputs + outputs + memory (+ 1 with bias). */
    public int gateInputs() {
        return inputs + outputs + memory + (bias ? 1 : 0);
    }

    /** Width of the output gate input [h, 1]: memory (+ 1 with bias). */
    public int outputGateInputs() {
        return memory + (bias ? 1 : 0);
    }

    /** Number of evolved parameters: three H x K gate matrices and one O x (H+1) output matrix. */
    public int parameterCount() {
        return (int) parameterCount(inputs, memory, outputs, bias); // the constructor checked that it fits
    }

    /**
     * The parameter count of a shape, in 64 bits and exact: {@code Long.MAX_VALUE} when it does
     * not fit even there, so a huge memory is never a wrapped (small or negative) count.
     */
    public static long parameterCount(long inputs, long memory, long outputs, boolean bias) {
        long b = bias ? 1 : 0;
        try {
            return Math.addExact(Math.multiplyExact(Math.multiplyExact(3, memory), inputs + outputs + memory + b),
                    Math.multiplyExact(outputs, memory + b));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Offset of the update gate matrix W_z in the flat parameter vector. */
    public int offsetZ() {
        return 0;
    }

    /** Offset of the reset gate matrix W_r. */
    public int offsetR() {
        return memory * gateInputs();
    }

    /** Offset of the cell gate matrix W_c. */
    public int offsetC() {
        return 2 * memory * gateInputs();
    }

    /** Offset of the output matrix W_o. */
    public int offsetO() {
        return 3 * memory * gateInputs();
    }

    /** Floating-point operations of one step of one unit (multiply and add counted apart). */
    public long flopsPerStep() {
        return 2L * (3L * memory * gateInputs() + (long) outputs * outputGateInputs());
    }

    /** The same spec with another input count. */
    public EnuSpec withInputs(int n) {
        return new EnuSpec(n, memory, outputs, bias, gateSlope, resetShift, cellSlope, spikeOutput, outputNoise, math);
    }

    /** The same spec with other nonlinearities. */
    public EnuSpec withMath(EnuMath m) {
        return new EnuSpec(inputs, memory, outputs, bias, gateSlope, resetShift, cellSlope, spikeOutput, outputNoise, m);
    }

    /**
     * Whether a genome of this spec fits units of {@code other}: every component but the math,
     * which is a setting of the run (config.yaml), not of the genome.
     */
    public boolean sameShape(EnuSpec other) {
        return withMath(EnuMath.EXACT).equals(other.withMath(EnuMath.EXACT));
    }
}
