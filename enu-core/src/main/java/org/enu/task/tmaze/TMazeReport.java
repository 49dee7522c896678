package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.task.EpisodeTrace;
import org.enu.task.Metric;
import org.enu.task.TaskReport;

/**
 * The T-maze's report: the evolved network's episode statistics ({@link Summary}) beside the
 * baselines' on the same held-out mazes (random agent, best fixed policy, side learner, oracle
 * learner), and one episode's trace ({@link TMazeTrace}).
 */
public final class TMazeReport implements TaskReport {
    private final TMazeTask task;
    private long[] cachedKeys;
    private Map<String, List<Metric>> cachedBaselines;

    public TMazeReport(TMazeTask task) {
        this.task = task;
    }

    public TMazeTask task() {
        return task;
    }

    /** Per-episode statistics of the network with these parameters on the keys, in key order. */
    public List<EpisodeStats> networkStats(float[] params, long[] envKeys) {
        List<EpisodeStats> out = new ArrayList<>();
        int m = task.environments();
        TMazeEpisodes ep = task.newEpisodes(m);
        for (int from = 0; from < envKeys.length; from += m) {
            long[] batch = new long[m];
            for (int e = 0; e < m; e++) {
                // pad a short last batch by repeating its first key; only the real ones are kept
                batch[e] = envKeys[Math.min(from + e, envKeys.length - 1)];
            }
            TMaze[] done = ep.play(params, batch, null);
            for (int e = 0; e < m && from + e < envKeys.length; e++) {
                out.add(EpisodeStats.of(done[e]));
            }
        }
        return out;
    }

    @Override
    public List<Metric> metrics(float[] params, long[] envKeys) {
        return withScores(metrics(Summary.of(networkStats(params, envKeys))), baselines(envKeys));
    }

    /** The baselines' metrics on the keys: random agent, best fixed policy, side learner, oracle learner. */
    @Override
    public synchronized Map<String, List<Metric>> baselines(long[] envKeys) {
        if (cachedBaselines != null && java.util.Arrays.equals(cachedKeys, envKeys)) {
            return cachedBaselines;
        }
        MazeConfig maze = task.config().maze();
        Map<String, List<Metric>> b = new LinkedHashMap<>();
        b.put("random", baseline(Baselines.random(), envKeys));
        b.put("best_fixed", baseline(FixedPolicies.bestFixedPolicy(maze, envKeys, task::newMaze), envKeys));
        b.put("side_learner", baseline(OracleLearner.sideLearner(), envKeys));
        b.put("oracle", baseline(OracleLearner.oracle(), envKeys));
        Map<String, List<Metric>> scored = new LinkedHashMap<>();
        for (Map.Entry<String, List<Metric>> e : b.entrySet()) {
            scored.put(e.getKey(), withScores(e.getValue(), b));
        }
        cachedKeys = envKeys.clone();
        cachedBaselines = scored;
        return scored;
    }

    private List<Metric> baseline(MazePolicy.Factory policy, long[] envKeys) {
        return metrics(Summary.of(Baselines.stats(task.config().maze(), policy, envKeys, task::newMaze)));
    }

    /**
     * The metrics of a summary of episodes, in display order: first the use of the colour (whether
     * the poison is refused once it has been tasted), then fitness, food and the arm choices.
     * Fitness alone cannot tell a colour learner from the colour-blind side learner, whose fitness
     * is close to the oracle's; the colour-use figures can, so they lead.
     */
    static List<Metric> metrics(Summary s) {
        List<Metric> m = new ArrayList<>();
        m.add(Metric.lower("poison_reeat_rate", s.reEatRate(), "of episodes with a poison, the fraction that ate "
                + "poison again (lower = one-shot learning)"));
        m.add(Metric.lower("poison_taken_after_poison", s.poisonTakenAfter().mean(), "of the visits to the poison "
                + "(in sight: its colour sensor on) after the first poison, the fraction that ended by eating it (mean "
                + "over episodes; lower = refused by its colour: one-shot colour learning; a side learner that meets it "
                + "eats it)"));
        m.add(stderr("poison_taken_after_poison", s.poisonTakenAfter()));
        m.add(Metric.higher("poison_refused_before_food", s.poisonRefusedBeforeFood().mean(), "of the visits to "
                + "the poison after a first poison and before any food, the fraction refused (mean over the episodes "
                + "with such a visit; 1 = learned the colour from the poison's taste alone, 0 = a side learner, about "
                + "0.5 = refuses at random; lives whose first meal is food never count)"));
        m.add(stderr("poison_refused_before_food", s.poisonRefusedBeforeFood()));
        m.add(Metric.higher("fitness", s.meanFitness(), "the training fitness (higher is better)"));
        m.add(Metric.neither("fitness_stderr", s.stderrFitness(),
                "standard error of the mean fitness over the held-out episodes"));
        m.add(Metric.higher("food_per_episode", s.meanFoods(), "food eaten per episode (higher is better)"));
        m.add(Metric.lower("poison_per_episode", s.meanPoisons(), "poison eaten per episode (lower is better)"));
        m.add(Metric.neither("survival_steps", s.meanStepsAlive(), "network steps alive per episode"));
        m.add(Metric.neither("food_arm_before_poison", s.foodArmBefore().mean(), "of the arm choices before the "
                + "first poison, the fraction into the food arm (mean over episodes; chance is below 0.5 here, see "
                + "the random agent's column)"));
        m.add(stderr("food_arm_before_poison", s.foodArmBefore()));
        m.add(Metric.higher("food_arm_after_poison", s.foodArmAfter().mean(), "the same after the first poison, "
                + "before any later swap (higher = learned from the poison)"));
        m.add(stderr("food_arm_after_poison", s.foodArmAfter()));
        m.add(Metric.higher("food_arm_after_swap", s.foodArmAfterSwap().mean(), "the same after a swap that "
                + "followed the first poison (a side learner drops, a colour learner turns back in the arm)"));
        m.add(stderr("food_arm_after_swap", s.foodArmAfterSwap()));
        m.add(Metric.neither("poison_taken_before_poison", s.poisonTakenBefore().mean(), "of the visits to the "
                + "poison before the first poison, the fraction that ended by eating it (mean over episodes; the "
                + "visit that eats the first poison counts here)"));
        m.add(stderr("poison_taken_before_poison", s.poisonTakenBefore()));
        return m;
    }

    private static Metric stderr(String name, Summary.Rate r) {
        return Metric.neither(name + "_stderr", r.stderr(), "its standard error over episodes");
    }

    /**
     * The metrics with the scores relative to the baselines (normalised score, fitness against the
     * side learner, food as a fraction of the oracle's) inserted after the fitness and its standard
     * error, so that they stand beside the fitness they rescale.
     */
    static List<Metric> withScores(List<Metric> m, Map<String, List<Metric>> b) {
        double f = Metric.value(m, "fitness");
        double r = Metric.value(b.get("random"), "fitness");
        double side = Metric.value(b.get("side_learner"), "fitness");
        double o = Metric.value(b.get("oracle"), "fitness");
        List<Metric> scores = List.of(
                Metric.higher("normalised_score", (f - r) / (o - r), "(fitness - random) / (oracle - random): 0 = "
                        + "random agent, 1 = oracle learner; compare it with the side learner's: the best fixed policy "
                        + "is no fair bar (on the final task it is the policy that never eats, below the random agent)"),
                Metric.higher("fitness_vs_side_learner", (f - side) / (o - side), "(fitness - side learner) / "
                        + "(oracle - side learner): 0 = the colour-blind side learner (win-stay lose-shift on the "
                        + "arm), 1 = oracle learner; at or below 0 the fitness gives no sign of colour use"),
                Metric.higher("food_vs_oracle", Metric.value(m, "food_per_episode")
                        / Metric.value(b.get("oracle"), "food_per_episode"), "food per episode / the oracle "
                        + "learner's (higher is better)"));
        List<Metric> out = new ArrayList<>(m);
        int at = 0;
        while (at < out.size() && !out.get(at).name().equals("fitness_stderr")) {
            at++;
        }
        out.addAll(Math.min(at + 1, out.size()), scores);
        return out;
    }

    @Override
    public EpisodeTrace trace(float[] params, long envKey) {
        return TMazeTrace.of(task, params, envKey);
    }
}
