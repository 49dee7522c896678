package org.enu.es;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.io.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every strategy of the registry must do: keep the shapes of its state, rank NaN and
 * infinite fitness below every finite one, survive a checkpoint round trip, and solve a
 * 100-dimensional sphere and a 20-dimensional rotated ellipsoid (condition number 100) within
 * the generations documented in docs/STRATEGIES.md, from x = 0 with 64 offspring and fixed seeds.
 * Thread counts and stop / resume on a real task: {@code StrategyRunTest}.
 */
class StrategyContractTest {
    @TempDir
    Path tmp;

    static List<String> names() {
        return StrategyRegistry.NAMES;
    }

    /** The settings each strategy runs the synthetic problems with (docs/STRATEGIES.md). */
    record Setup(float sigma, Map<String, Double> settings, int sphereLimit, int ellipsoidLimit) {
    }

    // limits: about 1.5x the generations measured with these seeds (in brackets)
    static final Map<String, Setup> SETUPS = Map.of(
            "rank_momentum", new Setup(0.02f, Map.of(), 80, 60),                   // [54, 39]
            "openai_es", new Setup(0.02f, Map.of("openai_es.learning_rate", 0.05,
                    "openai_es.weight_decay", 0.0), 60, 50),                         // [41, 32]
            "pgpe", new Setup(0.05f, Map.of("pgpe.max_speed", 0.1, "pgpe.center_learning_rate", 0.05),
                    90, 40),                                                         // [59, 25]
            "snes", new Setup(0.05f, Map.of(), 110, 50),                             // [75, 32]
            "sep_cma_es", new Setup(0.05f, Map.of(), 70, 25));                      // [47, 12]

    static Strategy strategy(String name, int offspring) {
        Setup s = SETUPS.get(name);
        return Benchmarks.strategy(name, new EsParams(offspring, s.sigma(), 1f, 0.9f, true), s.settings());
    }

    @Test
    void everyStrategyHasASetup() {
        assertEquals(StrategyRegistry.NAMES.size(), SETUPS.size());
        assertTrue(SETUPS.keySet().containsAll(StrategyRegistry.NAMES));
    }

    private static double[] fitness(int n, double phase) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.cos(i * 1.7 + phase);
        }
        return f;
    }

    @ParameterizedTest
    @MethodSource("names")
    void keepsTheShapesOfItsStateAndNeverWritesIntoTheOldOne(String name) {
        Strategy st = strategy(name, 16);
        assertEquals(name, st.name());
        float[] theta0 = new float[37];
        EsState s = st.init(theta0, 5);
        st.checkState(s);
        assertEquals(st.buffers().size(), s.buffers().length);
        for (int g = 0; g < 3; g++) {
            Population pop = st.ask(s);
            assertEquals(16, pop.size());
            assertEquals(g, pop.generation());
            float[] before = s.theta().clone();
            float[][] buffersBefore = s.buffers().clone();
            for (int b = 0; b < buffersBefore.length; b++) {
                buffersBefore[b] = buffersBefore[b].clone();
            }
            EsState next = st.tell(s, pop, fitness(16, g));
            st.checkState(next);
            assertEquals(g + 1, next.generation());
            assertEquals(37, next.theta().length);
            assertArrayEquals(before, s.theta(), 0f, "the old centre is untouched");
            for (int b = 0; b < buffersBefore.length; b++) {
                assertArrayEquals(buffersBefore[b], s.buffer(b), 0f, "the old " + st.buffers().get(b) + " is untouched");
            }
            assertEquals(0, next.nonFiniteCount());
            s = next;
        }
        assertNotEquals(0f, s.theta()[0], "the centre moved");
        assertEquals(Math.cos(0), s.bestFitness(), 0.0, "the best offspring of any generation so far");
    }

    @ParameterizedTest
    @MethodSource("names")
    void nanAndInfinityRankBelowEveryFiniteFitness(String name) {
        Strategy st = strategy(name, 16);
        EsState s = st.init(new float[50], 8);
        Population pop = st.ask(s);
        double[] f = fitness(16, 0.3);
        int worst = 0;
        for (int i = 1; i < f.length; i++) {
            worst = f[i] < f[worst] ? i : worst;
        }
        f[worst] = -10;
        EsState reference = st.tell(s, pop, f);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] g = f.clone();
            g[worst] = bad;
            EsState got = st.tell(s, pop, g);
            assertArrayEquals(reference.theta(), got.theta(), 0f, bad + " ranks worst");
            for (int b = 0; b < st.buffers().size(); b++) {
                assertArrayEquals(reference.buffer(b), got.buffer(b), 0f, bad + ": " + st.buffers().get(b));
            }
            assertEquals(reference.bestFitness(), got.bestFitness(), 0.0);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void itsStateSurvivesACheckpointRoundTrip(String name) throws IOException {
        Strategy st = strategy(name, 16);
        EsState s = st.init(new float[29], 2);
        for (int g = 0; g < 2; g++) {
            Population pop = st.ask(s);
            s = st.tell(s, pop, fitness(16, g));
        }
        Path f = tmp.resolve(name + ".bin");
        Checkpoint.write(f, "digest", st, s);
        Checkpoint.Content c = Checkpoint.read(f);
        assertEquals(name, c.strategy());
        assertEquals(st.buffers(), c.buffers());
        st.checkState(c.state());
        assertEquals(s.generation(), c.state().generation());
        assertEquals(s.bestFitness(), c.state().bestFitness(), 0.0);
        assertArrayEquals(s.theta(), c.state().theta(), 0f);
        for (int b = 0; b < s.buffers().length; b++) {
            assertArrayEquals(s.buffer(b), c.state().buffer(b), 0f);
        }
        // and the next generation from the read state is the same
        assertArrayEquals(st.tell(s, st.ask(s), fitness(16, 5)).theta(),
                st.tell(c.state(), st.ask(c.state()), fitness(16, 5)).theta(), 0f);
    }

    @ParameterizedTest
    @MethodSource("names")
    void solvesA100DimensionalSphere(String name) {
        // from f = -25 at x = 0 to f > -0.25
        int g = Benchmarks.generationsTo(strategy(name, 64), 100, Benchmarks::sphere, -0.25, 300, 3);
        assertTrue(g > 0 && g <= SETUPS.get(name).sphereLimit(), name + ": solved at generation " + g);
    }

    @ParameterizedTest
    @MethodSource("names")
    void solvesARotatedEllipsoid(String name) {
        Benchmarks.Objective e = Benchmarks.rotatedEllipsoid(20, 2, 7);
        double f0 = e.value(new float[20]); // about -224
        int g = Benchmarks.generationsTo(strategy(name, 64), 20, e, f0 / 100, 300, 3);
        assertTrue(g > 0 && g <= SETUPS.get(name).ellipsoidLimit(), name + ": solved at generation " + g);
    }
}
