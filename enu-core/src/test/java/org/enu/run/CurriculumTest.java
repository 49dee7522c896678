package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curriculum stages: validated when resolved, applied from their generation, resumed in the right stage. */
class CurriculumTest {
    @TempDir
    Path tmp;

    static final String TINY = """
            enu: {memory: 4, outputs: 4}
            es: {offspring: 8, sigma: 0.1}
            tmaze: {environments: 4, episode_steps: 80, layout: direct, starvation: hungry}
            """;

    RunConfig resolve(String yaml, String... sets) throws IOException {
        Path f = Files.createTempFile(tmp, "cfg", ".yaml");
        Files.writeString(f, yaml);
        return RunConfig.resolve("tmaze", "original", f, List.of(sets));
    }

    static final String STAGES = TINY + """
            curriculum:
              - from: 2
                set: {tmaze.poison_reward: 0.0, es.sigma: 0.3}
              - from: 5
                set:
                  tmaze: {foods_per_swap: 1, shuffle_sensors: none}
            """;

    @Test
    void eachStageAppliesItsOverridesToTheRunsConfiguration() throws IOException {
        RunConfig cfg = resolve(STAGES);
        assertEquals(-1, cfg.curriculum().stageAt(1));
        assertEquals(0, cfg.curriculum().stageAt(2));
        assertEquals(1, cfg.curriculum().stageAt(99));
        assertEquals(5, cfg.curriculum().nextStart(2));
        assertEquals(0.1f, cfg.atGeneration(1).es().sigma());
        assertEquals(0.3f, cfg.atGeneration(4).es().sigma());
        assertEquals(0.0, cfg.atGeneration(4).tree().getDouble("tmaze.poison_reward"));
        // stages are not cumulative: stage 1 starts again from the run's configuration
        assertEquals(0.1f, cfg.atGeneration(5).es().sigma());
        assertEquals(-1.0, cfg.atGeneration(5).tree().getDouble("tmaze.poison_reward"));
        assertEquals(1, cfg.atGeneration(5).tree().getInt("tmaze.foods_per_swap"));
        assertTrue(cfg.atGeneration(5).curriculum().isEmpty());
    }

    @Test
    void badStagesAreRefusedWithTheirPlace() {
        assertMessage("curriculum[0].set.enu.memory: cannot change", "curriculum:\n  - from: 0\n    set: {enu.memory: 8}\n");
        assertMessage("curriculum[1].from: stages must start in increasing order",
                "curriculum:\n  - from: 5\n    set: {es.sigma: 0.1}\n  - from: 5\n    set: {es.sigma: 0.2}\n");
        assertMessage("curriculum[0].set.tmaze.colour: unknown key", "curriculum:\n  - from: 0\n    set: {tmaze.colour: 1}\n");
        assertMessage("curriculum[0].set.es.sigma: must be", "curriculum:\n  - from: 0\n    set: {es.sigma: -1}\n");
        assertMessage("curriculum[0].from: expected an integer", "curriculum:\n  - from: soon\n    set: {es.sigma: 0.1}\n");
        assertMessage("curriculum[0].when: unknown key", "curriculum:\n  - from: 0\n    when: 3\n");
        assertMessage("curriculum[0].set: expected a section", "curriculum:\n  - from: 0\n");
    }

    void assertMessage(String start, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(TINY + yaml));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void aTaskValueAStageBreaksIsRefusedWhenTheConfigurationIsResolved() {
        // every stage's task section is bound when the configuration is resolved: no run can start
        ConfigException e = assertThrows(ConfigException.class,
                () -> resolve(TINY + "curriculum:\n  - from: 3\n    set: {tmaze.layout: diagonal}\n"));
        assertTrue(e.getMessage().startsWith("curriculum[0].set.tmaze.layout: expected turn or direct"), e.getMessage());
    }

    @Test
    void aCurriculumRunStoppedInsideAStageAndResumedIsBitIdentical() throws IOException {
        RunConfig cfg = resolve(STAGES, "generations=8", "checkpoint_every=2", "threads=2");
        Path straight = tmp.resolve("straight");
        TrainingRun.Result a = TrainingRun.start(cfg, straight, List.of(), () -> false);
        assertTrue(a.completed());

        Path stopped = tmp.resolve("stopped");
        AtomicInteger seen = new AtomicInteger();
        RunListener counter = (stats, next) -> seen.incrementAndGet();
        TrainingRun.Result b = TrainingRun.start(cfg, stopped, List.of(counter), () -> seen.get() >= 3);
        assertEquals(3, b.state().generation(), "stopped inside stage 0");
        TrainingRun.Result c = TrainingRun.resume(stopped, null, 1, List.of(), () -> false);
        assertTrue(c.completed());
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
        assertArrayEquals(Genome.read(straight.resolve(RunDirectory.GENOME)).parameters(),
                Genome.read(stopped.resolve(RunDirectory.GENOME)).parameters(), 0f);
        List<Map<String, Object>> ma = new RunDirectory(straight).metrics();
        List<Map<String, Object>> mc = new RunDirectory(stopped).metrics();
        assertEquals(ma, dropSeconds(mc, ma));
        int[] stages = {-1, -1, 0, 0, 0, 1, 1, 1};
        for (int g = 0; g < 8; g++) {
            assertEquals(stages[g], ((Number) ma.get(g).get("stage")).intValue(), "generation " + g);
        }

        // the stages change what is evolved: without them the run ends elsewhere
        RunConfig plain = resolve(TINY, "generations=8", "threads=2");
        TrainingRun.Result d = TrainingRun.start(plain, tmp.resolve("plain"), List.of(), () -> false);
        assertNotEquals(java.util.Arrays.hashCode(a.state().theta()), java.util.Arrays.hashCode(d.state().theta()));
    }

    /** The other run's rows with its own seconds, so only the numbers that must agree are compared. */
    static List<Map<String, Object>> dropSeconds(List<Map<String, Object>> rows, List<Map<String, Object>> like) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = new java.util.LinkedHashMap<>(rows.get(i));
            r.put("seconds", like.get(i).get("seconds"));
            out.add(r);
        }
        return out;
    }
}
