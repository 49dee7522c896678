package org.enu.example.dtmaze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.task.EpisodeTrace;
import org.enu.task.Metric;
import org.enu.task.TaskReport;

/**
 * The double T-maze's metrics on held-out lives ({@link Score}), beside three reference agents
 * scored the same way: turning at random, the best fixed route (the one end that is high most
 * often in these lives), and an oracle that explores the ends in order until it finds the high
 * one, returns to it, and explores again when it moves.
 */
public final class DoubleTMazeReport implements TaskReport {
    private final DoubleTMazeTask task;

    public DoubleTMazeReport(DoubleTMazeTask task) {
        this.task = task;
    }

    @Override
    public List<Metric> metrics(float[] params, long[] envKeys) {
        DoubleTMazeTask.Lives lives = (DoubleTMazeTask.Lives) task.newRollout();
        lives.play(params, envKeys, null);
        return Score.of(lives.mazes(), lives.visits()).metrics();
    }

    @Override
    public Map<String, List<Metric>> baselines(long[] envKeys) {
        List<DoubleTMaze> mazes = new ArrayList<>();
        for (long k : envKeys) {
            mazes.add(task.maze(k));
        }
        List<int[]> random = new ArrayList<>();
        List<int[]> oracle = new ArrayList<>();
        for (int e = 0; e < mazes.size(); e++) {
            random.add(Agents.random(mazes.get(e), envKeys[e]));
            oracle.add(Agents.oracle(mazes.get(e), task.config().highReward()));
        }
        Score bestFixed = null;
        for (int end = 0; end < DoubleTMaze.ENDS; end++) {
            List<int[]> fixed = new ArrayList<>();
            for (DoubleTMaze m : mazes) {
                fixed.add(Agents.fixed(m, end));
            }
            Score s = Score.of(mazes, fixed);
            if (bestFixed == null || s.reward() > bestFixed.reward()) {
                bestFixed = s;
            }
        }
        Map<String, List<Metric>> out = new LinkedHashMap<>();
        out.put("random", Score.of(mazes, random).metrics());
        out.put("best_fixed_route", bestFixed.metrics());
        out.put("oracle", Score.of(mazes, oracle).metrics());
        return out;
    }

    @Override
    public EpisodeTrace trace(float[] params, long envKey) {
        return task.trace(params, envKey);
    }
}
