package org.enu.task.tmaze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.task.Metric;
import org.junit.jupiter.api.Test;

/** The order of the T-maze metrics and the scores relative to the baselines, on made-up summaries. */
class TMazeReportTest {
    /** The metrics of one episode with this fitness and food. */
    private static List<Metric> of(double fitness, int foods) {
        return TMazeReport.metrics(Summary.of(List.of(new EpisodeStats(fitness, foods, 1, 0, 400))));
    }

    @Test
    void theColourUseFiguresLeadThenFitnessWithItsScores() {
        Map<String, List<Metric>> b = new LinkedHashMap<>();
        b.put("random", of(0.01, 2));
        b.put("best_fixed", of(0.005, 0));
        b.put("side_learner", of(0.05, 16));
        b.put("oracle", of(0.07, 20));
        List<Metric> m = TMazeReport.withScores(of(0.06, 15), b);
        List<String> names = m.stream().map(Metric::name).toList();
        assertEquals(List.of("poison_reeat_rate", "poison_taken_after_poison", "poison_taken_after_poison_stderr",
                "poison_refused_before_food", "poison_refused_before_food_stderr", "fitness", "fitness_stderr",
                "normalised_score", "fitness_vs_side_learner", "food_vs_oracle", "food_per_episode"),
                names.subList(0, 11));
        assertEquals(names.size(), names.stream().distinct().count(), "no name twice: " + names);
        assertEquals((0.06 - 0.01) / (0.07 - 0.01), Metric.value(m, "normalised_score"), 1e-15);
        assertEquals(0.5, Metric.value(m, "fitness_vs_side_learner"), 1e-12);
        assertEquals(0.75, Metric.value(m, "food_vs_oracle"), 1e-15);
        // the side learner scores 0 against itself, the oracle 1
        assertEquals(0.0, Metric.value(TMazeReport.withScores(b.get("side_learner"), b), "fitness_vs_side_learner"));
        assertEquals(1.0, Metric.value(TMazeReport.withScores(b.get("oracle"), b), "fitness_vs_side_learner"));
        // the random agent lies below the side learner: (0.01 - 0.05) / (0.07 - 0.05)
        assertEquals(-2.0, Metric.value(TMazeReport.withScores(b.get("random"), b), "fitness_vs_side_learner"), 1e-12);
    }
}
