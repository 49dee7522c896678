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
    interface Mazes {
        TMaze make(int i);
    }

    static List<EpisodeStats> run(MazePolicy.Factory factory, long[] envKeys, Mazes mazes) {
        if (envKeys.length == 0) {
            throw new IllegalArgumentException("need at least one environment");
        }
        List<EpisodeStats> out = new ArrayList<>(envKeys.length);
        for (int i = 0; i < envKeys.length; i++) {
            out.add(EpisodeStats.of(play(factory.forEpisode(envKeys[i]), mazes.make(i))));
        }
        return out;
    }

    static double mean(List<EpisodeStats> stats) {
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

    static TMaze checkedMaze(MazeConfig cfg, LongFunction<TMaze> newMaze, long envKey) {
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

    static void checkKeys(long[] envKeys, long[] swapKeys) {
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
}
