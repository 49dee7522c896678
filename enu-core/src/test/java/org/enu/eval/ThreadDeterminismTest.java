package org.enu.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.enu.TestTasks;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.Population;
import org.enu.run.Experiment;
import org.enu.task.Rollout;
import org.enu.task.TrainingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluation is a pure function of (theta, seed, generation, offspring): threads never change a bit. */
class ThreadDeterminismTest {

    private record Run(List<double[]> fitness, float[] theta) {
    }

    private static Run run(RunConfig cfg, int threads, int generations) {
        Experiment e = Experiment.of(cfg);
        EsState s = e.initialState();
        List<double[]> all = new ArrayList<>();
        try (LocalEvaluator ev = e.evaluator(threads)) {
            for (int g = 0; g < generations; g++) {
                Population pop = e.strategy().ask(s);
                double[] f = ev.evaluate(s.theta(), pop);
                all.add(f);
                s = e.strategy().tell(s, pop, f);
            }
        }
        return new Run(all, s.theta());
    }

    @Test
    void oneAndManyThreadsGiveBitIdenticalFitnessAndParameters() {
        RunConfig cfg = TestTasks.tinyIaf(4, 10);
        Run one = run(cfg, 1, 4);
        for (int threads : new int[] {2, 3, 5}) {
            Run many = run(cfg, threads, 4);
            for (int g = 0; g < 4; g++) {
                assertArrayEquals(one.fitness().get(g), many.fitness().get(g), 0.0,
                        threads + " threads, generation " + g);
            }
            assertArrayEquals(one.theta(), many.theta(), 0f, threads + " threads: final parameters");
        }
        // and the run is not trivially constant
        assertNotEquals(one.fitness().get(0)[0], one.fitness().get(0)[1]);
    }

    @Test
    void rangesOfNoiseVectorsEvaluatedApartGiveTheSameBitsAsTheWholeGeneration() {
        // the enu-spark evaluator hands out such ranges to other machines
        for (boolean antithetic : new boolean[] {true, false}) {
            RunConfig cfg = TestTasks.tinyIaf(4, 10).with("es.antithetic", antithetic);
            Experiment e = Experiment.of(cfg);
            EsState s = e.initialState();
            try (LocalEvaluator ev = e.evaluator(2)) {
                Population pop = e.strategy().ask(s);
                double[] whole = ev.evaluate(s.theta(), pop);
                double[] parts = new double[pop.size()];
                int n = pop.noiseCount();
                int[] cuts = {0, 1, n / 2, n - 1, n};
                for (int c = cuts.length - 1; c > 0; c--) { // in reverse order, one range at a time
                    ev.evaluateGroups(s.theta(), pop, cuts[c - 1], cuts[c], parts);
                }
                assertArrayEquals(whole, parts, 0.0, "antithetic " + antithetic);
                assertEquals(pop.size() - 1, LocalEvaluator.lastOffspring(pop, n - 1));
            }
        }
    }

    @ParameterizedTest(name = "output noise keyed by {0}")
    @ValueSource(strings = {"offspring", "environment"})
    void tmazeNetworkIsBitIdenticalAcrossThreadCounts(String noiseKey) {
        RunConfig cfg = RunConfig.resolve("tmaze", "quick", null, java.util.List.of("es.offspring=6", "enu.memory=4",
                "enu.outputs=4", "tmaze.environments=4", "tmaze.episode_steps=40", "tmaze.energy_max=100",
                "es.sigma=0.2", "enu.output_noise=0.05", "tmaze.output_noise_key=" + noiseKey));
        Run one = run(cfg, 1, 3);
        Run two = run(cfg, 2, 3);
        Run three = run(cfg, 3, 3);
        for (int g = 0; g < 3; g++) {
            assertArrayEquals(one.fitness().get(g), two.fitness().get(g), 0.0, "generation " + g);
            assertArrayEquals(one.fitness().get(g), three.fitness().get(g), 0.0, "generation " + g);
        }
        assertArrayEquals(one.theta(), two.theta(), 0f);
        assertArrayEquals(one.theta(), three.theta(), 0f);
    }

    /** Fast math (enu.math: fast) too: any thread count, the same bits; and not those of exact math. */
    @Test
    void fastMathIsBitIdenticalAcrossThreadCountsAndDiffersFromExact() {
        List<String> sets = List.of("es.offspring=6", "enu.memory=6", "enu.outputs=4", "tmaze.environments=4",
                "tmaze.episode_steps=40", "tmaze.energy_max=100", "es.sigma=0.2", "enu.output_noise=0.05");
        RunConfig cfg = RunConfig.resolve("tmaze", "quick", null, concat(sets, "enu.math=fast"));
        assertEquals(org.enu.cell.EnuMath.FAST, cfg.cell().math());
        Run one = run(cfg, 1, 3);
        for (int threads : new int[] {2, 3}) {
            Run many = run(cfg, threads, 3);
            for (int g = 0; g < 3; g++) {
                assertArrayEquals(one.fitness().get(g), many.fitness().get(g), 0.0, threads + " threads, generation " + g);
            }
            assertArrayEquals(one.theta(), many.theta(), 0f, threads + " threads: final parameters");
        }
        // the T-maze's fitness counts steps and meals, which a change in the 6th digit rarely moves;
        // the IAF loss is continuous: there fast math must change the fitness
        RunConfig iaf = TestTasks.tinyIaf(1, 10);
        assertFalse(java.util.Arrays.equals(run(iaf, 2, 1).fitness().get(0), run(iaf.with("enu.math", "fast"), 2, 1).fitness().get(0)),
                "fast math must change the numbers");
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    @Test
    void evaluatorMatchesPlainSequentialEvaluation() {
        RunConfig cfg = TestTasks.tinyIaf(1, 10);
        TrainingTask task = cfg.newTask();
        float[] theta = task.layout().initialParameters(5);
        Population pop = new Population(5, 2, cfg.es().offspring(), cfg.es().sigma(), true);
        double[] fast;
        try (LocalEvaluator ev = new LocalEvaluator(task, 2)) {
            fast = ev.evaluate(theta, pop);
        }
        Rollout r = task.newRollout();
        float[] w = new float[theta.length];
        long[] keys = EnvironmentKeys.training(5, 2, task.environments());
        for (int i = 0; i < pop.size(); i++) {
            pop.parameters(theta, i, w);
            assertEquals(r.fitness(w, keys), fast[i], 0.0, "offspring " + i);
        }
    }
}
