package org.enu.example.dtmaze;

import java.util.List;
import org.enu.task.Metric;

/**
 * The metrics of the ends an agent visited in each of a set of lives, pooled over the lives.
 *
 * @param reward             mean reward per trial (the training fitness)
 * @param highRate           fraction of trials at the high end
 * @param highRateAfterFound fraction of trials at the high end after the agent first found it in
 *                           its life (NaN when it never did)
 * @param refindTrials       after the reward moved, the trials until the agent visited its new end
 *                           (1: at once), over the moves after which it did (NaN when none)
 * @param refound            fraction of moves after which the agent found the new end before the
 *                           next move or the end of its life (NaN without moves)
 */
record Score(double reward, double highRate, double highRateAfterFound, double refindTrials, double refound) {

    static Score of(List<DoubleTMaze> mazes, List<int[]> visits) {
        double reward = 0;
        long trials = 0, high = 0, afterFound = 0, highAfterFound = 0, moves = 0, found = 0, refindSum = 0;
        for (int e = 0; e < mazes.size(); e++) {
            DoubleTMaze m = mazes.get(e);
            int[] v = visits.get(e);
            boolean seen = false;
            int moveAt = -1;
            boolean refoundThisMove = false;
            for (int t = 0; t < v.length; t++) {
                boolean hit = v[t] == m.highEnd(t);
                reward += m.reward(t, v[t]);
                trials++;
                high += hit ? 1 : 0;
                if (seen) {
                    afterFound++;
                    highAfterFound += hit ? 1 : 0;
                }
                seen |= hit;
                if (m.movedAt(t)) {
                    moves++;
                    moveAt = t;
                    refoundThisMove = false;
                }
                if (moveAt >= 0 && hit && !refoundThisMove) {
                    refoundThisMove = true;
                    found++;
                    refindSum += t - moveAt + 1;
                }
            }
        }
        return new Score(reward / trials, (double) high / trials,
                afterFound == 0 ? Double.NaN : (double) highAfterFound / afterFound,
                found == 0 ? Double.NaN : (double) refindSum / found, moves == 0 ? Double.NaN : (double) found / moves);
    }

    List<Metric> metrics() {
        return List.of(Metric.higher("reward", reward, "mean reward per trial (the training fitness)"),
                Metric.higher("high_rate", highRate, "fraction of trials that reached the high-reward end"),
                Metric.higher("high_rate_after_found", highRateAfterFound,
                        "fraction of trials at the high-reward end after the agent first found it"),
                Metric.lower("refind_trials", refindTrials,
                        "after the high reward moved: trials until the agent reached its new end (1 = at once)"),
                Metric.higher("refound", refound,
                        "fraction of moves of the high reward after which the agent found its new end"));
    }
}
