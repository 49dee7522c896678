package org.enu.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.Population;
import org.enu.es.StrategyRegistry;
import org.enu.eval.Evaluator;
import org.enu.run.EvaluatorFactory;
import org.enu.run.Experiment;

/** Short runs of the tests' configurations with any evaluator, and their bitwise comparison. */
final class Runs {
    private Runs() {
    }

    /** Every generation's fitness array and the last state. */
    record Trace(List<double[]> fitness, EsState last) {
    }

    /** IAF at test size with a strategy (seeded; the quick preset otherwise). */
    static RunConfig iaf(String strategy, String... more) {
        List<String> sets = new ArrayList<>(List.of("es.strategy=" + strategy, "es.offspring=16",
                "iaf.environments=4", "seed=7"));
        sets.addAll(List.of(more));
        return RunConfig.resolve("iaf", "quick", null, sets);
    }

    /**
     * The T-maze at test size with a strategy: the quick preset (its curriculum stage from
     * generation 0 included), output noise keyed by offspring index.
     */
    static RunConfig tmaze(String strategy, String... more) {
        List<String> sets = new ArrayList<>(List.of("es.strategy=" + strategy, "es.offspring=16",
                "tmaze.environments=4", "tmaze.episode_steps=100", "tmaze.output_noise_key=offspring", "seed=11"));
        sets.addAll(List.of(more));
        return RunConfig.resolve("tmaze", "quick", null, sets);
    }

    /** Every test configuration: IAF and the T-maze with each strategy, and IAF without antithetic pairs. */
    static List<RunConfig> all() {
        List<RunConfig> out = new ArrayList<>();
        for (String s : StrategyRegistry.NAMES) {
            out.add(iaf(s));
            out.add(tmaze(s));
        }
        out.add(iaf("rank_momentum", "es.antithetic=false", "es.offspring=9"));
        return out;
    }

    /** Runs {@code generations} generations from the first state, each stage with its own evaluator. */
    static Trace run(RunConfig cfg, int generations, EvaluatorFactory evaluators) {
        Experiment base = Experiment.of(cfg);
        EsState s = base.initialState();
        List<double[]> fitness = new ArrayList<>();
        for (int g = 0; g < generations; g++) {
            Experiment e = base.atGeneration(g);
            try (Evaluator ev = evaluators.create(e)) {
                Population pop = e.strategy().ask(s);
                double[] f = ev.evaluate(s.theta(), pop);
                fitness.add(f);
                s = e.strategy().tell(s, pop, f);
            }
        }
        return new Trace(fitness, s);
    }

    static Trace local(RunConfig cfg, int generations) {
        return run(cfg, generations, stage -> stage.evaluator(2));
    }

    /** Fitness arrays, centre and strategy state vectors are the same bits. */
    static void assertSame(Trace expected, Trace actual, String what) {
        assertEquals(expected.fitness().size(), actual.fitness().size(), what);
        for (int g = 0; g < expected.fitness().size(); g++) {
            assertArrayEquals(bits(expected.fitness().get(g)), bits(actual.fitness().get(g)),
                    what + ": fitness of generation " + g);
        }
        assertState(expected.last(), actual.last(), what);
    }

    static void assertState(EsState expected, EsState actual, String what) {
        assertEquals(expected.generation(), actual.generation(), what + ": generation");
        assertArrayEquals(bits(expected.theta()), bits(actual.theta()), what + ": centre");
        assertEquals(expected.buffers().length, actual.buffers().length, what + ": state vectors");
        for (int b = 0; b < expected.buffers().length; b++) {
            assertArrayEquals(bits(expected.buffer(b)), bits(actual.buffer(b)), what + ": state vector " + b);
        }
        assertEquals(Double.doubleToRawLongBits(expected.bestFitness()), Double.doubleToRawLongBits(actual.bestFitness()),
                what + ": best fitness");
    }

    static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }

    static String name(RunConfig c) {
        return c.task() + "/" + c.strategy().name() + (c.es().antithetic() ? "" : "/no-antithetic");
    }
}
