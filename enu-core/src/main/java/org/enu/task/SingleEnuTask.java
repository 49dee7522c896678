package org.enu.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enu.cell.EnuBatch;
import org.enu.cell.EnuKernel;
import org.enu.cell.EnuSpec;
import org.enu.cell.EnuWeights;

/**
 * The shared frame of the single-ENU tasks (IAF, STDP): one ENU kind "cell", a mini-batch of
 * environments played together as the rows of one kernel call per step, output channel 0
 * compared with a target. A subclass says what an environment is, what its inputs are at each
 * step, and how an episode's outputs are scored.
 *
 * @param <E> one environment (its inputs and target), made from a key
 * @param <C> the task's settings
 */
public abstract class SingleEnuTask<E, C extends Record> implements TrainingTask {
    private final String name;
    protected final C cfg;
    private final int environments;
    protected final int steps;
    protected final EnuSpec spec;
    private final GenomeLayout layout;

    /**
     * @param cell   the run's ENU settings; the task's unit has {@code inputs} input channels
     * @param inputs the input channels a step of the task writes
     */
    protected SingleEnuTask(String name, C cfg, EnuSpec cell, int inputs, int environments, int steps) {
        this.name = name;
        this.cfg = cfg;
        this.spec = cell.withInputs(inputs);
        this.environments = environments;
        this.steps = steps;
        this.layout = GenomeLayout.of(new String[] {"cell"}, new EnuSpec[] {spec});
    }

    /** The environment named by a key. */
    public abstract E environment(long envKey);

    /** Writes the cell's inputs for step t of an environment into {@code x[off .. off + inputs)}. */
    protected abstract void inputs(E env, int t, float[] x, int off);

    /** The summed loss of one episode, given the cell's output channel 0 at every step. */
    protected abstract double loss(E env, float[] output);

    /**
     * Whether {@link #loss(Object, float[], float[])} needs the pre-activation of output channel 0:
     * W_o row 0 · [h', 1], before the spike scale, the noise and the clip (EnuReference). Costs
     * memory + 1 multiply-adds per environment and step when true.
     */
    protected boolean usesPreactivation() {
        return false;
    }

    /**
     * The summed loss of one episode given output channel 0 and, when {@link #usesPreactivation()},
     * its pre-activation at every step (otherwise null); by default {@link #loss(Object, float[])}.
     */
    protected double loss(E env, float[] output, float[] preactivation) {
        return loss(env, output);
    }

    /**
     * Teacher forcing: the value written over the cell's output channel 0 after step t, so that
     * the next step sees it as o(t−1) in place of the cell's own output; NaN (the default) keeps the
     * cell's own. The recorded output and the loss use the cell's own output either way.
     */
    protected float forcedOutput(E env, int t) {
        return Float.NaN;
    }

    /** Whether {@link #forcedOutput} may return a value (saves the calls when not). */
    protected boolean forcesOutput() {
        return false;
    }

    /** Names of the environment's own trace columns (inputs, target, ...), after "step". */
    protected abstract List<String> traceColumns();

    /** The values of {@link #traceColumns()} at step t. */
    protected abstract double[] traceValues(E env, int t);

    /** The task's settings. */
    public final C config() {
        return cfg;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final GenomeLayout layout() {
        return layout;
    }

    @Override
    public final int environments() {
        return environments;
    }

    @Override
    public final long enuStepsPerEpisode() {
        return steps;
    }

    @Override
    public final double flopsPerEpisode() {
        return (double) steps * spec.flopsPerStep();
    }

    @Override
    public final Rollout newRollout() {
        return new Episodes();
    }

    /** Plays the genome on the keys' environments and returns the played episodes. */
    public final Episodes play(float[] params, long[] envKeys) {
        Episodes ep = new Episodes();
        ep.run(params, envKeys, null);
        return ep;
    }

    /** One environment's episode step by step: its own columns, then every output and memory cell. */
    public final EpisodeTrace trace(float[] params, long envKey) {
        List<String> cols = new ArrayList<>();
        cols.add("step");
        cols.addAll(traceColumns());
        int own = cols.size();
        for (int c = 0; c < spec.outputs(); c++) {
            cols.add("out" + c);
        }
        for (int j = 0; j < spec.memory(); j++) {
            cols.add("mem" + j);
        }
        EpisodeTrace trace = new EpisodeTrace(cols);
        Episodes ep = new Episodes();
        ep.run(params, new long[] {envKey}, (t, batch) -> {
            double[] row = new double[cols.size()];
            row[0] = t;
            double[] v = traceValues(ep.env(0), t);
            System.arraycopy(v, 0, row, 1, v.length);
            for (int c = 0; c < spec.outputs(); c++) {
                row[own + c] = batch.output(0, c);
            }
            for (int j = 0; j < spec.memory(); j++) {
                row[own + spec.outputs() + j] = batch.memory(0, j);
            }
            trace.add(row);
        });
        return trace;
    }

    /** Sees the batch after each step (for traces). */
    protected interface StepObserver {
        void afterStep(int t, EnuBatch batch);
    }

    /**
     * A batch of episodes with its scratch space; rebuilds the environments only when the keys
     * change, so the offspring of one generation share the work.
     */
    public final class Episodes implements Rollout {
        private final EnuWeights weights = new EnuWeights(spec);
        private EnuBatch batch;
        private long[] keys = new long[0];
        private List<E> envs;
        private float[][] y;
        private float[][] pre;
        private float[] x;
        private double loss;

        @Override
        public double fitness(float[] params, long[] envKeys) {
            run(params, envKeys, null);
            return fitness();
        }

        /** −(loss per step and environment) of the last run. */
        public double fitness() {
            return -loss;
        }

        /** Environments in the last run. */
        public int size() {
            return envs.size();
        }

        /** Environment e of the last run. */
        public E env(int e) {
            return envs.get(e);
        }

        /** The cell's output channel 0 at every step of environment e in the last run. */
        public float[] output(int e) {
            return y[e];
        }

        /** Its pre-activation (W_o row 0 · [h', 1]) at every step, or null when the task does not use it. */
        public float[] preactivation(int e) {
            return pre == null ? null : pre[e];
        }

        private void prepare(long[] envKeys) {
            if (Arrays.equals(envKeys, keys)) {
                return;
            }
            keys = envKeys.clone();
            envs = new ArrayList<>();
            for (long k : envKeys) {
                envs.add(environment(k));
            }
            int m = envKeys.length;
            if (batch == null || batch.rows != m) {
                batch = new EnuBatch(spec, m);
                y = new float[m][steps];
                pre = usesPreactivation() ? new float[m][steps] : null;
                x = new float[m * spec.inputs()];
            }
        }

        void run(float[] params, long[] envKeys, StepObserver observer) {
            prepare(envKeys);
            int m = envKeys.length;
            int nx = spec.inputs();
            weights.pack(params, 0);
            batch.reset();
            for (int t = 0; t < steps; t++) {
                for (int e = 0; e < m; e++) {
                    inputs(envs.get(e), t, x, e * nx);
                }
                EnuKernel.step(weights, batch, x, 0, nx, null);
                for (int e = 0; e < m; e++) {
                    y[e][t] = batch.o[e * batch.oStride];
                }
                if (pre != null) {
                    preactivations(params, t);
                }
                if (observer != null) {
                    observer.afterStep(t, batch);
                }
                if (forcesOutput()) {
                    for (int e = 0; e < m; e++) {
                        float f = forcedOutput(envs.get(e), t);
                        if (!Float.isNaN(f)) {
                            batch.o[e * batch.oStride] = f;
                        }
                    }
                }
            }
            double sum = 0;
            for (int e = 0; e < m; e++) {
                sum += loss(envs.get(e), y[e], pre == null ? null : pre[e]);
            }
            loss = sum / ((double) steps * m);
        }

        /** pre[e][t] = W_o row 0 · [h', 1] from the batch's new memory, in double, rounded once. */
        private void preactivations(float[] params, int t) {
            int H = spec.memory();
            int row = spec.offsetO();
            for (int e = 0; e < pre.length; e++) {
                double a = spec.bias() ? params[row + H] : 0;
                for (int j = 0; j < H; j++) {
                    a += (double) params[row + j] * batch.memory(e, j);
                }
                pre[e][t] = (float) a;
            }
        }
    }
}
