package org.enu.cli.echo;

import java.util.List;
import org.enu.cell.EnuSpec;
import org.enu.rng.KeyedRandom;
import org.enu.task.SingleEnuTask;

/** One ENU with one input channel, on or off at random each step; output 0 should echo it {@code delay} steps later. */
public final class EchoTask extends SingleEnuTask<float[], EchoConfig> {
    public EchoTask(EchoConfig cfg, EnuSpec cell) {
        super("echo", cfg, cell, 1, cfg.environments(), cfg.steps());
    }

    @Override
    public float[] environment(long envKey) {
        KeyedRandom rnd = new KeyedRandom(envKey);
        float[] x = new float[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = rnd.nextDouble() < 0.5 ? (float) cfg.level() : 0f;
        }
        return x;
    }

    @Override
    protected void inputs(float[] env, int t, float[] x, int off) {
        x[off] = env[t];
    }

    /** The input {@code delay} steps before t (0 before the episode). */
    double target(float[] env, int t) {
        return t >= cfg.delay() ? env[t - cfg.delay()] : 0;
    }

    @Override
    protected double loss(float[] env, float[] output) {
        int first = cfg.target() == EchoConfig.Scored.ALL ? 0 : steps / 2;
        double sum = 0;
        for (int t = first; t < steps; t++) {
            double d = output[t] - target(env, t);
            sum += d * d;
        }
        return sum;
    }

    @Override
    protected List<String> traceColumns() {
        return List.of("input", "target");
    }

    @Override
    protected double[] traceValues(float[] env, int t) {
        return new double[] {env[t], target(env, t)};
    }
}
