package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Checkpoint;
import org.enu.io.Genome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged runs: stages that end on a validation figure or a cap, hand on a centre, and resume bit-identically. */
class StagedRunTest {
    @TempDir
    Path tmp;

    /**
     * Three stages on a small T-maze: a fixed one; a validated one that hands on its best centre and
     * cannot reach its target (so it runs to its cap); a last one with another strategy, reset.
     */
    static final String PLAN = CurriculumTest.TINY + """
            stages:
              - name: first
                generations: 3
                set: {tmaze.poison_reward: 0.0, es.sigma: 0.3}
              - name: validated
                generations: 4
                set: {tmaze.foods_per_swap: 1}
                validate: {metric: food_per_episode, every: 2, environments: 4}
                until: 1000.0
                hand_on: best
              - name: other-strategy
                generations: 2
                set: {es.strategy: openai_es}
                reset: true
            """;

    RunConfig resolve(String yaml, String... sets) throws IOException {
        Path f = Files.createTempFile(tmp, "cfg", ".yaml");
        Files.writeString(f, yaml);
        return RunConfig.resolve("tmaze", "original", f, List.of(sets));
    }

    @Test
    void theStagesCapsAreTheBudgetAndEachStageBindsAsItsOwnConfiguration() throws IOException {
        RunConfig cfg = resolve(PLAN);
        assertEquals(9, cfg.generations(), "the preset's 30000 generations give way to the stages' 3 + 4 + 2");
        assertEquals(5, resolve(PLAN, "generations=5").generations(), "a budget given on purpose stops it earlier");
        assertEquals(9, resolve(PLAN, "generations=50").generations(), "but never later than the last stage's end");
        assertEquals(0.3f, cfg.atStage(0).es().sigma());
        assertEquals(0.1f, cfg.atStage(1).es().sigma(), "stages are not cumulative");
        assertEquals("openai_es", cfg.atStage(2).strategy().name());
        assertTrue(cfg.atStage(1).stages().isEmpty());
        // the plan survives config.yaml
        assertEquals(cfg.tree().toYaml(), RunConfig.parse(cfg.tree().toYaml(), "x").tree().toYaml());
    }

    @Test
    void badPlansAreRefusedWithTheirPlace() {
        assertMessage("stages[0] (a).set.enu.memory: cannot change", "  - {name: a, generations: 2, set: {enu.memory: 8}}\n");
        assertMessage("stages[1].name: 'a' names an earlier stage", "  - {name: a, generations: 2}\n  - {name: a, generations: 2}\n");
        assertMessage("stages[0] (a).generations: must be in 1..", "  - {name: a, generations: 0}\n");
        assertMessage("stages[0] (a).until: needs validate", "  - {name: a, generations: 2, until: 0.5}\n");
        assertMessage("stages[0] (a).hand_on: best needs validate", "  - {name: a, generations: 2, hand_on: best}\n");
        assertMessage("stages[0] (a).hand_on: expected best or last", "  - {name: a, generations: 2, hand_on: first}\n");
        assertMessage("stages[0].when: unknown key", "  - {name: a, generations: 2, when: 3}\n");
        assertMessage("stages[1].set.es.strategy: changes the strategy, so the stage needs reset: true",
                "  - {name: a, generations: 2}\n  - {name: b, generations: 2, set: {es.strategy: snes}}\n");
        assertMessage("stages[0].set.es.sigma: must be", "  - {name: a, generations: 2, set: {es.sigma: -1}}\n");
        ConfigException both = assertThrows(ConfigException.class, () -> resolve(CurriculumTest.TINY
                + "curriculum:\n  - {from: 1, set: {es.sigma: 0.2}}\nstages:\n  - {name: a, generations: 2}\n"));
        assertTrue(both.getMessage().startsWith("stages: a run has a curriculum"), both.getMessage());
    }

    void assertMessage(String start, String stages) {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(CurriculumTest.TINY + "stages:\n" + stages));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void aValidationMetricTheTaskDoesNotHaveOrWithoutADirectionIsRefusedBeforeAnythingIsWritten() throws IOException {
        for (String metric : List.of("colour_sense", "survival_steps")) {
            RunConfig cfg = resolve(CurriculumTest.TINY + "stages:\n  - {name: a, generations: 2, validate: {metric: "
                    + metric + "}}\n");
            Path dir = tmp.resolve("bad-" + metric);
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.start(cfg, dir, List.of(), () -> false));
            assertTrue(e.getMessage().startsWith("stages[0] (a).validate.metric: '" + metric + "'"), e.getMessage());
            assertFalse(Files.exists(dir));
        }
    }

    @Test
    void aValidationWorldMayHaveItsOwnOverridesWhichJudgeButNeverTrain() throws IOException {
        String judged = CurriculumTest.TINY + """
                stages:
                  - name: a
                    generations: 4
                    validate: {metric: food_per_episode, every: 2, environments: 8, world: run%s}
                """;
        RunConfig plain = resolve(judged.formatted(""));
        RunConfig variant = resolve(judged.formatted(", set: {tmaze.energy_max: 4.0, tmaze.foods_per_swap: 1}"));
        assertEquals(Map.of("tmaze.energy_max", 4.0, "tmaze.foods_per_swap", 1),
                variant.stages().stages().get(0).validation().set());
        assertEquals(variant.tree().toYaml(), RunConfig.parse(variant.tree().toYaml(), "x").tree().toYaml(),
                "the validation's overrides survive config.yaml");
        assertEquals(plain.tree().toYaml(), RunConfig.parse(plain.tree().toYaml(), "x").tree().toYaml());
        assertFalse(plain.tree().toYaml().contains("foods_per_swap: 1"), "no overrides: none written");
        List<Map<String, Object>> p = run(plain, "plain"), v = run(variant, "variant");
        for (int g = 0; g < 4; g++) {
            assertEquals(p.get(g).get("centre"), v.get(g).get("centre"), "generation " + g + ": training is the same");
            assertEquals(p.get(g).get("mean"), v.get(g).get("mean"));
        }
        assertNotEquals(p.get(1).get("validation"), v.get(1).get("validation"),
                "a life with energy 4 is another world: the validation figures differ");
        assertMessage("stages[0] (a).validate.set.tmaze.nope: unknown key",
                "  - {name: a, generations: 2, validate: {metric: food_per_episode, set: {tmaze.nope: 1}}}\n");
        assertMessage("stages[0] (a).validate.set.enu.memory: cannot change",
                "  - {name: a, generations: 2, validate: {metric: food_per_episode, set: {enu.memory: 4}}}\n");
    }

    List<Map<String, Object>> run(RunConfig cfg, String name) throws IOException {
        assertTrue(TrainingRun.start(cfg, tmp.resolve(name), List.of(), () -> false).completed());
        return new RunDirectory(tmp.resolve(name)).metrics();
    }

    @Test
    void validationEnvironmentsAreNeitherTrainingNorHeldOutOnes() {
        Set<Long> others = new HashSet<>();
        for (int g = 0; g < 200; g++) {
            for (long k : EnvironmentKeys.training(1, g, 8)) {
                others.add(k);
            }
        }
        for (long s : new long[] {1, 1000003, 2000003}) {
            for (long k : EnvironmentKeys.heldOut(s, 1024)) {
                others.add(k);
            }
        }
        long[] validation = EnvironmentKeys.validation(1, 1024);
        assertEquals(1024, java.util.Arrays.stream(validation).distinct().count());
        for (long k : validation) {
            assertFalse(others.contains(k));
        }
        assertFalse(java.util.Arrays.equals(validation, EnvironmentKeys.validation(2, 1024)), "keyed by the run's seed");
    }

    @Test
    void aStagedRunRecordsItsStagesHandsOnItsBestCentreAndResumesBitIdenticallyInsideAStageAndAtABoundary()
            throws IOException {
        RunConfig cfg = resolve(PLAN, "checkpoint_every=2", "threads=2");
        Path straight = tmp.resolve("straight");
        TrainingRun.Result a = TrainingRun.start(cfg, straight, List.of(), () -> false);
        assertTrue(a.completed());
        assertEquals(9, a.state().generation());
        List<Map<String, Object>> rows = new RunDirectory(straight).metrics();
        assertEquals(9, rows.size());
        String[] names = {"first", "first", "first", "validated", "validated", "validated", "validated",
            "other-strategy", "other-strategy"};
        for (int g = 0; g < 9; g++) {
            assertEquals(names[g], rows.get(g).get("stage_name"), "generation " + g);
            assertEquals(g == 4 || g == 6, rows.get(g).containsKey("validation"), "validated after 2 and 4 of its generations");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) rows.get(4).get("validation");
        assertTrue(((Number) v.get("food_per_episode")).doubleValue() >= 0);
        Checkpoint.Content end = Checkpoint.read(straight.resolve(RunDirectory.CHECKPOINT));
        assertEquals(3, end.stage().index(), "all three stages ended");
        assertEquals("openai_es", end.strategy());

        // stopped inside the validated stage (after generation 5) and at the first stage's end (after 3)
        for (int stopAt : new int[] {5, 3}) {
            Path stopped = tmp.resolve("stopped-" + stopAt);
            AtomicInteger seen = new AtomicInteger();
            RunListener counter = (stats, next) -> seen.incrementAndGet();
            TrainingRun.Result b = TrainingRun.start(cfg, stopped, List.of(counter), () -> seen.get() >= stopAt);
            assertFalse(b.completed());
            assertEquals(stopAt, b.state().generation());
            Checkpoint.Content mid = Checkpoint.read(stopped.resolve(RunDirectory.CHECKPOINT));
            assertEquals(1, mid.stage().index(), "stopped in (or at the start of) the validated stage");
            assertEquals("rank_momentum", mid.strategy());
            TrainingRun.Result c = TrainingRun.resume(stopped, null, 1, List.of(), () -> false);
            assertTrue(c.completed());
            assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
            assertArrayEquals(Files.readAllBytes(straight.resolve(RunDirectory.CHECKPOINT)),
                    Files.readAllBytes(stopped.resolve(RunDirectory.CHECKPOINT)), "stopped at " + stopAt);
            assertArrayEquals(Genome.read(straight.resolve(RunDirectory.GENOME)).parameters(),
                    Genome.read(stopped.resolve(RunDirectory.GENOME)).parameters(), 0f);
            assertEquals(rows, CurriculumTest.dropSeconds(new RunDirectory(stopped).metrics(), rows));
        }
    }

    @Test
    void aStageEndsOnceItsValidationFigureIsReachedAndHandsOnTheBestCentre() throws IOException {
        // food_per_episode is higher-better and at least 0: "until: 0" is met at the first validation
        RunConfig cfg = resolve(CurriculumTest.TINY + """
                stages:
                  - name: quick
                    generations: 10
                    validate: {metric: food_per_episode, every: 3, environments: 4}
                    until: 0.0
                    hand_on: best
                  - name: rest
                    generations: 2
                """, "threads=1");
        Path dir = tmp.resolve("early");
        TrainingRun.Result r = TrainingRun.start(cfg, dir, List.of(), () -> false);
        assertTrue(r.completed());
        assertEquals(5, r.state().generation(), "3 generations of the first stage, then the 2 of the last");
        List<Map<String, Object>> rows = new RunDirectory(dir).metrics();
        assertEquals("rest", rows.get(3).get("stage_name"));
        assertNotNull(rows.get(2).get("validation"));
        assertNull(rows.get(1).get("validation"));
        // the last stage is not validated: it hands on its last centre, the genome
        assertArrayEquals(r.state().theta(), Genome.read(dir.resolve(RunDirectory.GENOME)).parameters(), 0f);
    }

    /**
     * A stage whose best figure stays short of retry.unless at its cap starts the run over from a
     * fresh untrained genome, at most retry.times times; the count is in every checkpoint, so a
     * resume inside the second attempt ends with the same bits.
     */
    @Test
    void aStageThatFallsShortStartsTheRunOverFromAFreshGenomeAndResumesBitIdentically() throws IOException {
        // food_per_episode cannot reach 1000: the second stage always falls short
        RunConfig cfg = resolve(CurriculumTest.TINY + """
                stages:
                  - name: start
                    generations: 2
                  - name: judged
                    generations: 2
                    validate: {metric: food_per_episode, every: 1, environments: 4}
                    retry: {times: 2, unless: 1000.0}
                  - name: last
                    generations: 1
                """, "threads=1", "checkpoint_every=1");
        assertEquals(5 + 2 * 4, cfg.generations(), "the budget holds two restarts of the first two stages");
        Path straight = tmp.resolve("retry");
        TrainingRun.Result a = TrainingRun.start(cfg, straight, List.of(), () -> false);
        assertTrue(a.completed());
        assertEquals(13, a.state().generation(), "three attempts at the first two stages, then the last");
        List<Map<String, Object>> rows = new RunDirectory(straight).metrics();
        String[] names = {"start", "start", "judged", "judged", "start", "start", "judged", "judged", "start", "start",
            "judged", "judged", "last"};
        for (int g = 0; g < 13; g++) {
            assertEquals(names[g], rows.get(g).get("stage_name"), "generation " + g);
            assertEquals(g < 4 ? null : g < 8 ? 1 : 2, rows.get(g).get("restarts"), "generation " + g);
        }
        Checkpoint.Content end = Checkpoint.read(straight.resolve(RunDirectory.CHECKPOINT));
        assertEquals(2, end.stage().restarts());
        assertEquals(3, end.stage().index());

        // a restart draws a fresh genome: generation 4's centre is not the first stage's handed-on one
        RunConfig once = cfg.with("generations", 5);
        TrainingRun.Result r = TrainingRun.start(once, tmp.resolve("once"), List.of(), () -> false);
        float[] untrained = once.atStage(0).newTask().initialParameters(once.seed());
        assertFalse(java.util.Arrays.equals(untrained, r.state().theta()), "restart 1 is not the run's own start");
        assertEquals(1, Checkpoint.read(tmp.resolve("once").resolve(RunDirectory.CHECKPOINT)).stage().restarts());

        // stopped inside the second attempt, resumed: the same bits
        Path stopped = tmp.resolve("stopped");
        AtomicInteger seen = new AtomicInteger();
        TrainingRun.start(cfg, stopped, List.of((stats, next) -> seen.incrementAndGet()), () -> seen.get() >= 6);
        assertEquals(1, Checkpoint.read(stopped.resolve(RunDirectory.CHECKPOINT)).stage().restarts());
        TrainingRun.Result c = TrainingRun.resume(stopped, null, 2, List.of(), () -> false);
        assertTrue(c.completed());
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
        assertArrayEquals(Files.readAllBytes(straight.resolve(RunDirectory.CHECKPOINT)),
                Files.readAllBytes(stopped.resolve(RunDirectory.CHECKPOINT)));
        assertEquals(rows, CurriculumTest.dropSeconds(new RunDirectory(stopped).metrics(), rows));

        // a stage whose figure is good enough hands on: food_per_episode >= 0 always
        RunConfig met = resolve(CurriculumTest.TINY + """
                stages:
                  - name: judged
                    generations: 2
                    validate: {metric: food_per_episode, every: 1, environments: 4}
                    retry: {times: 2, unless: 0.0}
                  - name: last
                    generations: 1
                """, "threads=1");
        TrainingRun.Result m = TrainingRun.start(met, tmp.resolve("met"), List.of(), () -> false);
        assertEquals(3, m.state().generation(), "no restart");
        assertEquals(0, Checkpoint.read(tmp.resolve("met").resolve(RunDirectory.CHECKPOINT)).stage().restarts());
    }

    @Test
    void badRetriesAreRefusedWithTheirPlace() throws IOException {
        assertMessage("stages[0] (a).retry: needs validate", "  - {name: a, generations: 2, retry: {times: 1, unless: 0}}\n");
        assertMessage("stages[0] (a).retry.times: must be in 1..100", "  - {name: a, generations: 2, validate: "
                + "{metric: food_per_episode}, retry: {times: 0, unless: 0}}\n");
        assertMessage("stages[0] (a).retry.unless: expected a number", "  - {name: a, generations: 2, validate: "
                + "{metric: food_per_episode}, retry: {times: 1}}\n");
        assertMessage("stages[0] (a).retry.after: unknown key", "  - {name: a, generations: 2, validate: "
                + "{metric: food_per_episode}, retry: {times: 1, unless: 0, after: 3}}\n");
        RunConfig cfg = resolve(CurriculumTest.TINY + "stages:\n  - {name: a, generations: 2, validate: "
                + "{metric: food_per_episode}, retry: {times: 1, unless: 0}}\n");
        Path dir = tmp.resolve("init");
        org.enu.task.TrainingTask task = cfg.newTask();
        InitialGenome init = new InitialGenome("a test genome", new Genome(cfg.task(), 0, task.layout(),
                task.initialParameters(5), Map.of(), Map.of()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingRun.start(cfg, dir, List.of(), () -> false, init));
        assertTrue(e.getMessage().startsWith("stages[0] (a).retry: starts the run over"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(RunDirectory.CONFIG)), "nothing written");
    }

    @Test
    void aStagedCheckpointUnderAConfigWithoutStagesIsRefusedAndTheOtherWayRound() throws IOException {
        RunConfig cfg = resolve(PLAN, "threads=1");
        Path dir = tmp.resolve("staged");
        AtomicInteger seen = new AtomicInteger();
        TrainingRun.start(cfg, dir, List.of((stats, next) -> seen.incrementAndGet()), () -> seen.get() >= 2);
        Checkpoint.Content c = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT));
        Checkpoint.write(dir.resolve(RunDirectory.CHECKPOINT), c.configDigest(), c.strategy(), c.buffers(), c.state());
        var e = assertThrows(org.enu.io.CorruptFileException.class, () -> TrainingRun.resume(dir, null, null, List.of(),
                () -> false));
        assertTrue(e.getMessage().contains("has no stage record"), e.getMessage());
    }
}
