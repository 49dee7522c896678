package org.enu.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.eval.LocalEvaluator;
import org.enu.run.Experiment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole generation (evaluation of every offspring and the update) at paper scale
 * (`original` preset): IAF and STDP 512 x 32 x 100 steps, T-maze 512 x 8 x 400 steps on the
 * 4-3-3 network. Single-shot timing, because a T-maze generation takes seconds.
 * Run: {@code java --add-modules jdk.incubator.vector -jar enu-bench/target/benchmarks.jar GenerationPerf}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:CompileCommand=quiet",
    "-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*"})
public class GenerationPerf {
    @Param({"iaf", "stdp", "tmaze"})
    public String task;

    @Param({"1", "2"})
    public int threads;

    private Experiment experiment;
    private LocalEvaluator evaluator;
    private EsState state;

    @Setup(Level.Trial)
    public void setup() {
        RunConfig cfg = RunConfig.resolve(task, "original", null, List.of());
        experiment = Experiment.of(cfg);
        evaluator = experiment.evaluator(threads);
        state = experiment.initialState();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
    }

    @Benchmark
    public double generation() {
        state = experiment.step(state, evaluator);
        return state.theta()[0];
    }
}
