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
 * The committed T-maze colour learner (results/tmaze/run-y4-100, issue 8) re-evaluated on the
 * first 64 mazes of the documented held-out stream: it still meets the targets there, and
 * its metrics stay within a stated tolerance of the 256-maze evaluation that the docs quote
 * (evals/final-task.json). A change to the kernel, the network or the maze that alters what the
 * genome does fails here.
 */
class ColourLearnerResultTest {
    static final Path RUN = Path.of("..").toAbsolutePath().normalize().resolve("results/tmaze/run-y4-100");
    static final int SMALL = 64;

    @Test
    void theCommittedColourLearnerStillMeetsTheTargets() throws Exception {
        RunDirectory rd = new RunDirectory(RUN).requireExisting();
        RunConfig cfg = rd.config();
        TMazeReport report = (TMazeReport) cfg.newReport();
        Genome genome = rd.latestGenome();
        assertEquals(100, genome.generation());
        long[] keys = EnvironmentKeys.heldOut(ResultsReport.SEED, SMALL);
        Map<String, Double> m = Metric.values(report.metrics(genome.parameters(), keys));
        Map<String, List<Metric>> baselines = report.baselines(keys);
        double oracleFood = Metric.values(baselines.get("oracle")).get("food_per_episode");
        double bestFixed = Metric.values(baselines.get("best_fixed")).get("normalised_score");

        assertTrue(m.get("poison_reeat_rate") <= 0.10, "re-eat " + m);
        assertTrue(m.get("food_per_episode") >= 0.8 * oracleFood, "food " + m + " oracle " + oracleFood);
        assertTrue(m.get("normalised_score") >= bestFixed + 0.2, "normalised " + m + " best fixed " + bestFixed);
        // one-shot colour learning directly: after its first poison it refuses the poison it sees
        assertTrue(m.get("poison_taken_after_poison") <= 0.05, "poison taken after the first " + m);
        assertEquals(1.0, Metric.values(baselines.get("side_learner")).get("poison_taken_after_poison"), 1e-12);

        @SuppressWarnings("unchecked")
        Map<String, Object> documented = (Map<String, Object>) new ObjectMapper()
                .readValue(RUN.resolve("evals/final-task.json").toFile(), Map.class).get("trained");
        // 64 of the 256 mazes: sampling error plus a margin
        assertEquals(num(documented, "fitness"), m.get("fitness"), 0.003);
        assertEquals(num(documented, "food_per_episode"), m.get("food_per_episode"), 1.0);
        assertEquals(num(documented, "poison_per_episode"), m.get("poison_per_episode"), 0.2);
        assertEquals(num(documented, "poison_reeat_rate"), m.get("poison_reeat_rate"), 0.05);
        assertEquals(num(documented, "normalised_score"), m.get("normalised_score"), 0.05);
    }

    private static double num(Map<String, Object> o, String key) {
        return ((Number) o.get(key)).doubleValue();
    }
}
