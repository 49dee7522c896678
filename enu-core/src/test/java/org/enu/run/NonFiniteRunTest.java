package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NaN and infinity are counted when they are fitness and stop the run when they reach the parameters. */
class NonFiniteRunTest {
    @TempDir
    Path tmp;

    private static List<String> tiny(String task, String... more) {
        List<String> s = new ArrayList<>(List.of("es.offspring=8", task + ".environments=2", task + ".steps=30",
                "enu.memory=6", "enu.outputs=3", "threads=1"));
        s.addAll(List.of(more));
        return s;
    }

    @Test
    void nonFiniteFitnessIsCountedInEveryMetricsLine() throws IOException {
        // a weight change of 1e200 makes the squared error infinite in every environment
        RunConfig cfg = RunConfig.resolve("stdp", "quick", null, tiny("stdp", "generations=3", "stdp.amplitude=1e200",
                "stdp.modulator_rate=1", "stdp.steps=80", "stdp.spike_mean=30"));
        Path dir = tmp.resolve("nan");
        List<GenerationStats> seen = new ArrayList<>();
        TrainingRun.Result r = TrainingRun.start(cfg, dir, List.of((stats, next) -> seen.add(stats)), () -> false);
        assertTrue(r.completed(), "a fitness that is not finite is ranked worst; the parameters stay finite");
        List<Map<String, Object>> rows = new RunDirectory(dir).metrics();
        assertEquals(3, rows.size());
        for (int g = 0; g < 3; g++) {
            assertEquals(8, rows.get(g).get("nonfinite"), "generation " + g);
            assertEquals(8, seen.get(g).nonfinite());
            assertTrue(rows.get(g).containsKey("mean"));
            assertNull(rows.get(g).get("mean"), "no finite value to average: null, not the text \"NaN\"");
        }
        assertFalse(Files.readString(dir.resolve(RunDirectory.METRICS)).contains("NaN"));

        Path ok = tmp.resolve("ok");
        TrainingRun.start(RunConfig.resolve("stdp", "quick", null, tiny("stdp", "generations=2")), ok, List.of(),
                () -> false);
        for (Map<String, Object> row : new RunDirectory(ok).metrics()) {
            assertEquals(0, row.get("nonfinite"));
        }
    }

    @Test
    void parametersThatBecomeNonFiniteStopTheRunFromTheStart() throws IOException {
        RunConfig cfg = RunConfig.resolve("iaf", "quick", null, tiny("iaf", "generations=3", "es.learning_rate=3e38",
                "es.sigma=1e38"));
        Path dir = tmp.resolve("inf");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.start(cfg, dir, List.of(),
                () -> false));
        assertTrue(e.getMessage().startsWith("es: the update of generation 0 made "), e.getMessage());
        assertTrue(e.getMessage().endsWith(dir.resolve("checkpoint.bin") + " keeps generation 0 (lower es.learning_rate"
                + " or es.sigma)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(RunDirectory.GENOME)), "no genome of non-finite numbers");
        assertEquals(0, Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).state().generation());
    }

    @Test
    void parametersThatBecomeNonFiniteLaterKeepTheLastGoodCheckpoint() throws IOException {
        // a curriculum stage turns the step size up at generation 3
        Path yaml = tmp.resolve("c.yaml");
        Files.writeString(yaml, "curriculum:\n  - from: 3\n    set: {es.learning_rate: 3.0e38, es.sigma: 1.0e38}\n");
        RunConfig cfg = RunConfig.resolve("iaf", "quick", yaml, tiny("iaf", "generations=6", "checkpoint_every=1"));
        Path dir = tmp.resolve("later");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.start(cfg, dir, List.of(),
                () -> false));
        assertTrue(e.getMessage().contains("the update of generation 3"), e.getMessage());
        Checkpoint.Content c = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT));
        assertEquals(3, c.state().generation(), "the last good state");
        // it is the state a run without the bad stage reaches after 3 generations
        RunConfig plain = RunConfig.resolve("iaf", "quick", null, tiny("iaf", "generations=3", "checkpoint_every=1"));
        TrainingRun.Result straight = TrainingRun.start(plain, tmp.resolve("plain"), List.of(), () -> false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(straight.state().theta(), c.state().theta(), 0f);
        assertFalse(Files.exists(dir.resolve(RunDirectory.GENOME)));
        // readers still work from the last good checkpoint
        assertEquals(3, new RunDirectory(dir).latestGenome().generation());
    }
}
