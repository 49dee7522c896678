package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.network.Wiring;
import org.enu.rng.Keys;
import org.enu.task.Metric;
import org.enu.task.tmaze.TMazeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tmaze.wiring_per_maze}: every training maze its own random wiring, drawn from its key, so
 * the same at any thread count and after a resume; held-out mazes keep the run's wiring.
 */
class WiringPerMazeTest {
    @TempDir
    Path tmp;

    private static RunConfig cfg(boolean perMaze) {
        return RunConfig.resolve("tmaze", "quick", null, List.of("es.offspring=6", "enu.memory=4", "enu.outputs=4",
                "tmaze.environments=4", "tmaze.episode_steps=40", "tmaze.energy_max=100", "es.sigma=0.2",
                "tmaze.wiring=random", "tmaze.hidden_neurons=3", "tmaze.synapses_per_neuron=5", "generations=4",
                "tmaze.wiring_per_maze=" + perMaze));
    }

    @Test
    void aMazesWiringIsDrawnFromItsKeyWithTheConfiguredSize() {
        TMazeConfig t = (TMazeConfig) cfg(true).settings();
        Wiring a = t.mazeWiring(17);
        assertEquals(a.describe(), t.mazeWiring(17).describe(), "the same key, the same wiring");
        assertEquals(6, a.enuNeurons());
        assertEquals(30, a.synapses());
        assertEquals(Wiring.randomSparse(4, 6, 5, Keys.of(17, Keys.STREAM_WIRING)).describe(), a.describe());
        List<List<String>> seen = new ArrayList<>();
        for (long k = 0; k < 8; k++) {
            seen.add(t.mazeWiring(k).describe());
        }
        assertTrue(seen.stream().distinct().count() >= 7, "keys draw different wirings: " + seen);
    }

    @Test
    void trainingIsBitIdenticalAtAnyThreadCountAndAfterAResume() throws IOException {
        RunConfig one = cfg(true);
        TrainingRun.Result a = TrainingRun.start(one, tmp.resolve("one"), List.of(), () -> false);
        TrainingRun.Result b = TrainingRun.start(one.with("threads", 2), tmp.resolve("two"), List.of(), () -> false);
        Path stopped = tmp.resolve("stopped");
        AtomicInteger seen = new AtomicInteger();
        TrainingRun.start(one, stopped, List.of((stats, next) -> seen.incrementAndGet()), () -> seen.get() >= 2);
        TrainingRun.Result c = TrainingRun.resume(stopped, null, 2, List.of(), () -> false);
        assertTrue(c.completed());
        assertArrayEquals(a.state().theta(), b.state().theta(), 0f, "1 and 2 threads");
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f, "stopped at 2, resumed with 2 threads");
        List<Map<String, Object>> ma = new RunDirectory(tmp.resolve("one")).metrics();
        List<Map<String, Object>> mb = new RunDirectory(tmp.resolve("two")).metrics();
        List<Map<String, Object>> mc = new RunDirectory(stopped).metrics();
        List<Map<String, Object>> fixed = new ArrayList<>();
        TrainingRun.start(cfg(false), tmp.resolve("fixed"), List.of(), () -> false);
        fixed.addAll(new RunDirectory(tmp.resolve("fixed")).metrics());
        boolean differs = false;
        for (int g = 0; g < 4; g++) {
            assertEquals(ma.get(g).get("mean"), mb.get(g).get("mean"), "generation " + g);
            assertEquals(ma.get(g).get("mean"), mc.get(g).get("mean"), "generation " + g);
            differs |= !ma.get(g).get("mean").equals(fixed.get(g).get("mean"));
        }
        assertTrue(differs, "training on per-maze wirings is not training on the run's wiring");
    }

    /** The committed colour learner (random wiring, seed 4) on held-out mazes, with the key on and off. */
    @Test
    void heldOutMazesKeepTheRunsWiring() throws IOException {
        Path run = Path.of("..").toAbsolutePath().normalize().resolve("results/tmaze/run-y4-100");
        RunConfig off = new RunDirectory(run).requireExisting().config();
        RunConfig on = off.with("tmaze.wiring_per_maze", true);
        float[] theta = org.enu.io.Genome.read(run.resolve(RunDirectory.GENOME)).parameters();
        long[] keys = EnvironmentKeys.heldOut(ResultsReport.SEED, 16);
        Map<String, Double> withPerMaze = Metric.values(on.newReport().metrics(theta, keys));
        assertTrue(withPerMaze.get("food_per_episode") > 1, "the learner eats: " + withPerMaze);
        assertEquals(Metric.values(off.newReport().metrics(theta, keys)), withPerMaze);
        Map<String, Double> rewired = Metric.values(off.with("tmaze.wiring_seed", 5).newReport().metrics(theta, keys));
        assertNotEquals(withPerMaze, rewired, "another wiring changes the held-out figures");
    }

    @Test
    void thePapersWiringHasNoSeedToDraw() {
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("tmaze", "quick", null,
                List.of("tmaze.wiring=paper", "tmaze.wiring_per_maze=true")));
        assertTrue(e.getMessage().contains("tmaze.wiring_per_maze: needs wiring random"), e.getMessage());
    }
}
