package org.enu.task.tmaze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.run.ResultsReport;
import org.enu.run.RunDirectory;
import org.enu.task.Metric;
import org.junit.jupiter.api.Test;

/**
 * The committed T-maze learner that learns the poison's colour from either taste
 * (results/tmaze/run-poison-first), re-evaluated on the first 64 mazes of the documented held-out
 * stream: in the either-taste world (its run's own world: a poison may move the items too) it
 * refuses the poison between a first poison and any food and hardly ever eats a second one; on the
 * final task (no swap after a poison) it keeps the colour learner's figures. Its metrics stay
 * within a stated tolerance of the 1,024-maze evaluations the docs quote (evals/*.json). A change
 * to the kernel, the network or the maze that alters what the genome does fails here.
 */
class EitherTasteLearnerResultTest {
    static final Path RUN = Path.of("..").toAbsolutePath().normalize().resolve("results/tmaze/run-poison-first");
    static final int SMALL = 64;

    Map<String, Double> metrics(RunConfig cfg, Genome genome, long[] keys) {
        return Metric.values(((TMazeReport) cfg.newReport()).metrics(genome.parameters(), keys));
    }

    @Test
    void itRefusesThePoisonBeforeAnyFoodInTheEitherTasteWorld() throws Exception {
        RunDirectory rd = new RunDirectory(RUN).requireExisting();
        RunConfig cfg = rd.config();
        assertTrue(((TMazeConfig) cfg.settings()).maze().swapAfterPoison(), "the run's own world is the either-taste world");
        long[] keys = EnvironmentKeys.heldOut(ResultsReport.SEED, SMALL);
        Map<String, Double> m = metrics(cfg, rd.latestGenome(), keys);
        Map<String, List<Metric>> baselines = ((TMazeReport) cfg.newReport()).baselines(keys);
        assertEquals(0.0, Metric.values(baselines.get("side_learner")).get("poison_refused_before_food"), 0.0);
        assertTrue(m.get("poison_refused_before_food") >= 0.90, "refused before food " + m);
        assertTrue(m.get("poison_reeat_rate") <= 0.10, "re-eat " + m);
        assertTrue(m.get("fitness") > Metric.values(baselines.get("side_learner")).get("fitness"), "fitness " + m);
        assertDocumented("evals/either-taste-world.json", m);
    }

    @Test
    void onTheFinalTaskItKeepsTheColourLearnersFigures() throws Exception {
        RunDirectory rd = new RunDirectory(RUN).requireExisting();
        RunConfig cfg = rd.config().withSets(List.of("tmaze.swap_after_poison=false"));
        long[] keys = EnvironmentKeys.heldOut(ResultsReport.SEED, SMALL);
        Map<String, Double> m = metrics(cfg, rd.latestGenome(), keys);
        double oracleFood = Metric.values(((TMazeReport) cfg.newReport()).baselines(keys).get("oracle"))
                .get("food_per_episode");
        assertTrue(m.get("poison_reeat_rate") <= 0.05, "re-eat " + m);
        assertTrue(m.get("poison_taken_after_poison") <= 0.05, "poison taken after the first " + m);
        assertTrue(m.get("food_per_episode") >= 0.8 * oracleFood, "food " + m + " oracle " + oracleFood);
        assertDocumented("evals/final-task.json", m);
    }

    /** 64 of the 1,024 documented mazes: sampling error plus a margin. */
    private static void assertDocumented(String file, Map<String, Double> m) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> documented = (Map<String, Object>) new ObjectMapper()
                .readValue(RUN.resolve(file).toFile(), Map.class).get("trained");
        assertEquals(num(documented, "fitness"), m.get("fitness"), 0.003, file);
        assertEquals(num(documented, "food_per_episode"), m.get("food_per_episode"), 1.0, file);
        assertEquals(num(documented, "poison_per_episode"), m.get("poison_per_episode"), 0.2, file);
        assertEquals(num(documented, "poison_reeat_rate"), m.get("poison_reeat_rate"), 0.05, file);
    }

    private static double num(Map<String, Object> o, String key) {
        return ((Number) o.get(key)).doubleValue();
    }
}
