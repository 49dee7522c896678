package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;

/**
 * Reference agents for the T-maze, to put an evolved agent's numbers in context: a random agent
 * (the floor), the best memoryless reactive policy found by exhaustive search (what fixed
 * behaviour without learning can reach) and an oracle learner that knows the task and learns the
 * poison colour from one taste (roughly what learning can reach). They act on the environment
 * directly (true sensors in a fixed order, no shuffling) and never read the hidden state
 * ({@link TMaze#poisonIsGreen()}, item positions). See docs/TMAZE.md for their measured scores.
 */
public final class Baselines {
    private Baselines() {
    }

    /** Stream tag of the default swap key of an environment ("SWAP"). */
    public static final long SWAP_STREAM = 0x53574150L;

    /** Front observation: nothing (empty cell) in front. */
    public static final int FRONT_NOTHING = 0;
    /** Front observation: a wall in front. */
    public static final int FRONT_WALL = 1;
    /** Front observation: the green item in front. */
    public static final int FRONT_GREEN = 2;
    /** Front observation: the red item in front. */
    public static final int FRONT_RED = 3;

    private static final String[] FRONT_NAMES = {"nothing", "wall", "green", "red"};
    private static final String[] ACTION_NAMES = {"FORWARD", "LEFT", "RIGHT", "NONE"};

    /** The default swap key of an environment: key(envKey, SWAP). */
    public static long swapKey(long envKey) {
        return Keys.of(envKey, SWAP_STREAM);
    }

    /** The default swap keys of the given environments, one per environment. */
    public static long[] swapKeys(long[] envKeys) {
        long[] k = new long[envKeys.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = swapKey(envKeys[i]);
        }
        return k;
    }

    /**
     * The observation as one of {@link #FRONT_NOTHING} .. {@link #FRONT_RED}: the cell in front
     * (turn layout), or in the direct layout a colour next to the agent, else whether the cell to
     * the right is a wall. A colour wins over the wall (in the turn layout they never meet).
     */
    public static int front(TMaze m) {
        if (m.sensor(TMaze.SENSOR_GREEN)) {
            return FRONT_GREEN;
        }
        if (m.sensor(TMaze.SENSOR_RED)) {
            return FRONT_RED;
        }
        return m.sensor(TMaze.SENSOR_WALL) ? FRONT_WALL : FRONT_NOTHING;
    }

    // ---------------------------------------------------------------- playing and statistics

    /**
     * Statistics of one finished (or partly played) episode. The arm choices (moves from the
     * junction into an arm) are counted per phase: before the first poison, after it, and after a
     * swap that followed it; {@code *Food} of them went into the arm that held the food.
     */
    public record EpisodeStats(double fitness, int foods, int poisons, int poisonsAfterFirst, int stepsAlive,
                               int choicesBefore, int foodChoicesBefore, int choicesAfter, int foodChoicesAfter,
                               int choicesSwap, int foodChoicesSwap) {
        /** Without arm choices (all 0). */
        public EpisodeStats(double fitness, int foods, int poisons, int poisonsAfterFirst, int stepsAlive) {
            this(fitness, foods, poisons, poisonsAfterFirst, stepsAlive, 0, 0, 0, 0, 0, 0);
        }

        public static EpisodeStats of(TMaze finished) {
            return new EpisodeStats(finished.fitness(), finished.foods(), finished.poisons(),
                    finished.poisonsAfterFirstPoison(), finished.stepsAlive(),
                    total(finished, TMaze.BEFORE_POISON), finished.armChoices(TMaze.BEFORE_POISON, true),
                    total(finished, TMaze.AFTER_POISON), finished.armChoices(TMaze.AFTER_POISON, true),
                    total(finished, TMaze.AFTER_SWAP), finished.armChoices(TMaze.AFTER_SWAP, true));
        }

        private static int total(TMaze m, int phase) {
            return m.armChoices(phase, true) + m.armChoices(phase, false);
        }
    }

    /** A mean over episodes and its standard error (NaN, NaN when no episode counts). */
    public record Rate(double mean, double stderr, int episodes) {
        /** The mean of per-episode fractions num/den over the episodes with den > 0. */
        static Rate of(List<EpisodeStats> stats, java.util.function.ToIntFunction<EpisodeStats> num,
                       java.util.function.ToIntFunction<EpisodeStats> den) {
            double sum = 0, sq = 0;
            int n = 0;
            for (EpisodeStats s : stats) {
                int d = den.applyAsInt(s);
                if (d > 0) {
                    double x = num.applyAsInt(s) / (double) d;
                    sum += x;
                    sq += x * x;
                    n++;
                }
            }
            if (n == 0) {
                return new Rate(Double.NaN, Double.NaN, 0);
            }
            double mean = sum / n;
            double var = n > 1 ? Math.max(0, (sq - n * mean * mean) / (n - 1)) : 0;
            return new Rate(mean, n > 1 ? Math.sqrt(var / n) : Double.NaN, n);
        }
    }

    /**
     * Means over episodes. {@code reEatRate} = episodes that ate poison again after their first
     * poison / episodes that ate any poison (NaN when none did); {@code sdFitness} is the sample
     * standard deviation of the episode fitness (0 for one episode). The arm-choice rates are the
     * mean, over episodes that made such a choice, of the fraction of choices into the food arm.
     */
    public record Summary(int episodes, double meanFitness, double sdFitness, double meanFoods, double meanPoisons,
                          int poisonedEpisodes, double reEatRate, double meanStepsAlive,
                          Rate foodArmBefore, Rate foodArmAfter, Rate foodArmAfterSwap) {
        public static Summary of(List<EpisodeStats> stats) {
            int n = stats.size();
            if (n == 0) {
                throw new IllegalArgumentException("no episodes");
            }
            double f = 0, foods = 0, poisons = 0, alive = 0;
            int poisoned = 0, reEaten = 0;
            for (EpisodeStats s : stats) {
                f += s.fitness();
                foods += s.foods();
                poisons += s.poisons();
                alive += s.stepsAlive();
                if (s.poisons() > 0) {
                    poisoned++;
                    if (s.poisonsAfterFirst() > 0) {
                        reEaten++;
                    }
                }
            }
            double mean = f / n;
            double ss = 0;
            for (EpisodeStats s : stats) {
                ss += (s.fitness() - mean) * (s.fitness() - mean);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            return new Summary(n, mean, sd, foods / n, poisons / n, poisoned,
                    poisoned == 0 ? Double.NaN : reEaten / (double) poisoned, alive / n,
                    Rate.of(stats, EpisodeStats::foodChoicesBefore, EpisodeStats::choicesBefore),
                    Rate.of(stats, EpisodeStats::foodChoicesAfter, EpisodeStats::choicesAfter),
                    Rate.of(stats, EpisodeStats::foodChoicesSwap, EpisodeStats::choicesSwap));
        }

        /** Standard error of the mean fitness. */
        public double stderrFitness() {
            return sdFitness / Math.sqrt(episodes);
        }
    }

    /**
     * Plays one whole episode with the policy; once the agent is dead for good the remaining
     * actions are NONE without asking the policy (nothing can change any more).
     */
    public static TMaze play(MazeConfig cfg, MazePolicy policy, long envKey, long swapKey) {
        return play(policy, new TMaze(cfg, envKey, swapKey));
    }

    /** Plays the fresh maze to the end of its episode with the policy; returns the same maze. */
    public static TMaze play(MazePolicy policy, TMaze maze) {
        while (!maze.done()) {
            maze.act(maze.frozen() ? TMaze.NONE : policy.act(maze));
        }
        return maze;
    }

    /** Plays environment i of a list: makes its maze. */
    private interface Mazes {
        TMaze make(int i);
    }

    private static List<EpisodeStats> run(MazePolicy.Factory factory, long[] envKeys, Mazes mazes) {
        if (envKeys.length == 0) {
            throw new IllegalArgumentException("need at least one environment");
        }
        List<EpisodeStats> out = new ArrayList<>(envKeys.length);
        for (int i = 0; i < envKeys.length; i++) {
            out.add(EpisodeStats.of(play(factory.forEpisode(envKeys[i]), mazes.make(i))));
        }
        return out;
    }

    private static double mean(List<EpisodeStats> stats) {
        double sum = 0;
        for (EpisodeStats s : stats) {
            sum += s.fitness();
        }
        return sum / stats.size();
    }

    /** Per-episode statistics of fresh policies from the factory on environment i = (envKeys[i], swapKeys[i]). */
    public static List<EpisodeStats> stats(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys,
                                           long[] swapKeys) {
        checkKeys(envKeys, swapKeys);
        return run(factory, envKeys, i -> new TMaze(cfg, envKeys[i], swapKeys[i]));
    }

    /** {@link #stats(MazeConfig, MazePolicy.Factory, long[], long[])} with the default swap keys. */
    public static List<EpisodeStats> stats(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys) {
        return stats(cfg, factory, envKeys, swapKeys(envKeys));
    }

    /**
     * Per-episode statistics on the mazes {@code newMaze} makes from the environment keys (for
     * example a task's own maze maker, so that the baselines play exactly the task's swap
     * schedules). The mazes must use {@code cfg}.
     */
    public static List<EpisodeStats> stats(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys,
                                           LongFunction<TMaze> newMaze) {
        return run(factory, envKeys, i -> checkedMaze(cfg, newMaze, envKeys[i]));
    }

    private static TMaze checkedMaze(MazeConfig cfg, LongFunction<TMaze> newMaze, long envKey) {
        TMaze m = newMaze.apply(envKey);
        if (!m.config().equals(cfg)) {
            throw new IllegalArgumentException("the maze maker uses " + m.config() + ", not " + cfg);
        }
        if (m.actionsTaken() != 0) {
            throw new IllegalArgumentException("the maze maker must make fresh mazes");
        }
        return m;
    }

    /** Mean episode fitness over environment i = (envKeys[i], swapKeys[i]). */
    public static double meanFitness(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys, long[] swapKeys) {
        return mean(stats(cfg, factory, envKeys, swapKeys));
    }

    /** Mean episode fitness with the default swap keys. */
    public static double meanFitness(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys) {
        return meanFitness(cfg, factory, envKeys, swapKeys(envKeys));
    }

    /** Mean episode fitness on the mazes {@code newMaze} makes. */
    public static double meanFitness(MazeConfig cfg, MazePolicy.Factory factory, long[] envKeys,
                                     LongFunction<TMaze> newMaze) {
        return mean(stats(cfg, factory, envKeys, newMaze));
    }

    private static void checkKeys(long[] envKeys, long[] swapKeys) {
        if (envKeys.length == 0 || envKeys.length != swapKeys.length) {
            throw new IllegalArgumentException("need one swap key per environment and at least one environment, got "
                    + envKeys.length + " environments and " + swapKeys.length + " swap keys");
        }
    }

    // ---------------------------------------------------------------- random agent

    /** Stream tag of {@link #random()} ("RAND"). */
    public static final long RANDOM_STREAM = 0x52414E44L;

    /** The random agent keyed by the environment alone: {@code random(RANDOM_STREAM)}. */
    public static MazePolicy.Factory random() {
        return random(RANDOM_STREAM);
    }

    /** Uniform over the four actions; the episode in environment envKey draws from key(key, envKey). */
    public static MazePolicy.Factory random(long key) {
        return envKey -> {
            KeyedRandom r = new KeyedRandom(Keys.of(key, envKey));
            return m -> r.nextInt(TMaze.ACTIONS);
        };
    }

    // ---------------------------------------------------------------- fixed reactive policies

    /**
     * A memoryless policy: a table from the observation to an action. With 4 entries the
     * observation is the front cell (nothing, wall, green, red); with 12 it is also the last raw
     * reward: index = 4·r + front with r = 0 (none), 1 (+1), 2 (−1). Stateless, so one instance
     * serves every episode.
     */
    public static final class ReactivePolicy implements MazePolicy, MazePolicy.Factory {
        private final int[] table;

        public ReactivePolicy(int[] table) {
            if (table.length != 4 && table.length != 12) {
                throw new IllegalArgumentException("table: must have 4 or 12 entries, got " + table.length);
            }
            for (int a : table) {
                if (a < 0 || a >= TMaze.ACTIONS) {
                    throw new IllegalArgumentException("table: actions must be in 0..3, got " + a);
                }
            }
            this.table = table.clone();
        }

        public boolean usesReward() {
            return table.length == 12;
        }

        public int[] table() {
            return table.clone();
        }

        /** The observation index this policy looks up for the maze's current state. */
        public int observation(TMaze m) {
            int f = front(m);
            if (!usesReward()) {
                return f;
            }
            double r = m.lastReward();
            return (r > 0 ? 4 : r < 0 ? 8 : 0) + f;
        }

        @Override
        public int act(TMaze m) {
            return table[observation(m)];
        }

        @Override
        public MazePolicy forEpisode(long envKey) {
            return this;
        }

        /** E.g. "nothing->FORWARD wall->LEFT green->FORWARD red->FORWARD". */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < table.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(FRONT_NAMES[i % 4]);
                if (usesReward()) {
                    sb.append(i < 4 ? "" : i < 8 ? "/+1" : "/-1");
                }
                sb.append("->").append(ACTION_NAMES[table[i]]);
            }
            return sb.toString();
        }
    }

    /**
     * The best of a search, its mean fitness on the environments it was chosen on and the number
     * of tables tried; usable directly as the policy's factory.
     */
    public record FixedResult(ReactivePolicy policy, double meanFitness, int candidates)
            implements MazePolicy.Factory {
        @Override
        public MazePolicy forEpisode(long envKey) {
            return policy;
        }
    }

    /**
     * The best of all 4^4 = 256 front-cell policies by mean fitness on the given environments
     * (default swap keys). Ties go to the lowest table number, entry 0 the least significant
     * base-4 digit.
     */
    public static FixedResult bestFixedPolicy(MazeConfig cfg, long[] envKeys) {
        return bestFixedPolicy(cfg, envKeys, swapKeys(envKeys));
    }

    /** {@link #bestFixedPolicy(MazeConfig, long[])} on environment i = (envKeys[i], swapKeys[i]). */
    public static FixedResult bestFixedPolicy(MazeConfig cfg, long[] envKeys, long[] swapKeys) {
        checkKeys(envKeys, swapKeys);
        return search(envKeys, i -> new TMaze(cfg, envKeys[i], swapKeys[i]), 4, false);
    }

    /** {@link #bestFixedPolicy(MazeConfig, long[])} on the mazes {@code newMaze} makes (which must use cfg). */
    public static FixedResult bestFixedPolicy(MazeConfig cfg, long[] envKeys, LongFunction<TMaze> newMaze) {
        return search(envKeys, i -> checkedMaze(cfg, newMaze, envKeys[i]), 4, false);
    }

    /**
     * The best policy that also sees the last raw reward. A reward is only ever visible in the
     * action right after eating, when the agent stands at S facing the empty stem, so only the
     * observations (nothing, +1) and (nothing, −1) are new: 4^6 = 4096 tables, the other reward
     * entries copying the no-reward entry of the same front cell.
     */
    public static FixedResult bestFixedRewardPolicy(MazeConfig cfg, long[] envKeys) {
        return bestFixedRewardPolicy(cfg, envKeys, swapKeys(envKeys));
    }

    /** {@link #bestFixedRewardPolicy(MazeConfig, long[])} on environment i = (envKeys[i], swapKeys[i]). */
    public static FixedResult bestFixedRewardPolicy(MazeConfig cfg, long[] envKeys, long[] swapKeys) {
        checkKeys(envKeys, swapKeys);
        return search(envKeys, i -> new TMaze(cfg, envKeys[i], swapKeys[i]), 6, true);
    }

    /** {@link #bestFixedRewardPolicy(MazeConfig, long[])} on the mazes {@code newMaze} makes (which must use cfg). */
    public static FixedResult bestFixedRewardPolicy(MazeConfig cfg, long[] envKeys, LongFunction<TMaze> newMaze) {
        return search(envKeys, i -> checkedMaze(cfg, newMaze, envKeys[i]), 6, true);
    }

    private static FixedResult search(long[] envKeys, Mazes mazes, int digits, boolean withReward) {
        int count = 1 << (2 * digits);
        ReactivePolicy best = null;
        double bestFit = Double.NEGATIVE_INFINITY;
        int[] d = new int[digits];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < digits; i++) {
                d[i] = (n >> (2 * i)) & 3;
            }
            int[] table = d.clone();
            if (withReward) {
                table = new int[12];
                for (int f = 0; f < 4; f++) {
                    table[f] = d[f];
                    table[4 + f] = d[f];
                    table[8 + f] = d[f];
                }
                table[4 + FRONT_NOTHING] = d[4];
                table[8 + FRONT_NOTHING] = d[5];
            }
            ReactivePolicy p = new ReactivePolicy(table);
            double fit = mean(run(p, envKeys, mazes));
            if (fit > bestFit) {
                bestFit = fit;
                best = p;
            }
        }
        return new FixedResult(best, bestFit, count);
    }

    // ---------------------------------------------------------------- oracle learner

    /**
     * The oracle learner that learns only from poison: see {@link #oracle(boolean)} with
     * {@code inferFromFood = false}.
     */
    public static MazePolicy.Factory oracle() {
        return oracle(false);
    }

    /**
     * A hand-written learner that knows the maze and the rules but not which colour is poison.
     * It walks the shortest path to a target arm (first the left one) and eats what is there. A
     * negative reward teaches it the poison colour (the colour that was in front when it ate);
     * from then on, when that colour is in front it turns round and goes to the other arm. It
     * also keeps as its target the arm where it last ate food, so it walks straight to food and
     * pays the detour only after a swap; it remembers the colour, not the side, so swaps do not
     * fool it. With {@code inferFromFood} it also concludes from a first food that the other
     * colour is poison (so it never eats poison unless its very first meal is poison). It reads
     * its own position and heading from the maze, which a dead-reckoning agent that knows the
     * map could track itself.
     */
    public static MazePolicy.Factory oracle(boolean inferFromFood) {
        return envKey -> new Oracle(inferFromFood, false);
    }

    /**
     * The colour-blind side learner (win-stay, lose-shift): it walks to a target arm (first the
     * left one) and eats what is there; a poison makes it switch arms, food keeps it. It never
     * looks at the colours, so it eats poison again after every swap that moves the poison into
     * its arm: the learner that fitness alone cannot tell from the oracle, but the re-eat rate can.
     */
    public static MazePolicy.Factory sideLearner() {
        return envKey -> new Oracle(false, true);
    }

    private static final class Oracle implements MazePolicy {
        private final boolean inferFromFood;
        private final boolean colourBlind;
        private int badColour = -1; // FRONT_GREEN or FRONT_RED once known
        private int target = 0; // the arm to walk to: 0 = left (A), 1 = right (B)
        private int frontBefore = FRONT_NOTHING; // front cell when the previous action was chosen

        Oracle(boolean inferFromFood, boolean colourBlind) {
            this.inferFromFood = inferFromFood;
            this.colourBlind = colourBlind;
        }

        @Override
        public int act(TMaze m) {
            double r = m.lastReward();
            if (r != 0 && (frontBefore == FRONT_GREEN || frontBefore == FRONT_RED)) {
                // It ate the item at targetCol, whose colour was in front before the move.
                if (r < 0) {
                    badColour = colourBlind ? -1 : frontBefore;
                    target = 1 - target;
                } else if (inferFromFood && badColour < 0) {
                    badColour = frontBefore == FRONT_GREEN ? FRONT_RED : FRONT_GREEN;
                }
            }
            int f = front(m);
            if (f == badColour) {
                // The poison is in front, so it is at the end of the arm being walked: go to the other.
                target = 1 - target;
            }
            frontBefore = f;
            if (m.direct()) {
                if (m.col() < TMaze.D_JUNCTION_COL) {
                    return TMaze.MOVE_RIGHT; // in the stem
                }
                // at the junction or in an arm: towards the target item (eats it from the arm cell)
                return target == 0 ? TMaze.MOVE_UP : TMaze.MOVE_DOWN;
            }
            return steer(m, desiredHeading(m));
        }

        private int desiredHeading(TMaze m) {
            if (m.row() > TMaze.ARM_ROW) {
                return TMaze.NORTH; // in the stem
            }
            int targetCol = target == 0 ? TMaze.LEFT_ITEM_COL : TMaze.RIGHT_ITEM_COL;
            return targetCol < m.col() ? TMaze.WEST : TMaze.EAST;
        }

        private static int steer(TMaze m, int want) {
            int diff = (want - m.heading()) & 3;
            return switch (diff) {
                case 0 -> TMaze.FORWARD;
                case 3 -> TMaze.LEFT;
                default -> TMaze.RIGHT; // 1, or 2 (half turn, either way)
            };
        }
    }
}
