package org.enu.example.dtmaze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.enu.config.ConfigTree;
import org.enu.config.RecordBinder;
import org.enu.rng.Keys;
import org.junit.jupiter.api.Test;

/** The maze's schedule and the reference agents, on many lives of the defaults. */
class DoubleTMazeTest {
    private static final DoubleTMazeConfig CFG = RecordBinder.bind(DoubleTMazeConfig.class,
            ConfigTree.resource("double_tmaze.yaml").section("defaults"), "double_tmaze");

    private static List<DoubleTMaze> lives(int n) {
        List<DoubleTMaze> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            out.add(new DoubleTMaze(CFG, Keys.of(99, e)));
        }
        return out;
    }

    @Test
    void theHighRewardMovesAsOftenAsSetToAnotherEnd() {
        int[] startsAt = new int[DoubleTMaze.ENDS];
        for (DoubleTMaze m : lives(400)) {
            int moves = 0;
            for (int t = 0; t < m.trials(); t++) {
                moves += m.movedAt(t) ? 1 : 0;
            }
            assertEquals(CFG.moves(), moves);
            startsAt[m.highEnd(0)]++;
        }
        for (int c : startsAt) {
            assertTrue(c > 70 && c < 130, java.util.Arrays.toString(startsAt));
        }
    }

    @Test
    void theOracleBeatsTheBestFixedRouteWhichBeatsNothingMuch() {
        List<DoubleTMaze> mazes = lives(400);
        List<int[]> oracle = new ArrayList<>();
        List<int[]> random = new ArrayList<>();
        List<int[]> fixed = new ArrayList<>();
        for (int e = 0; e < mazes.size(); e++) {
            oracle.add(Agents.oracle(mazes.get(e), CFG.highReward()));
            random.add(Agents.random(mazes.get(e), Keys.of(99, e)));
            fixed.add(Agents.fixed(mazes.get(e), 0));
        }
        Score o = Score.of(mazes, oracle);
        Score r = Score.of(mazes, random);
        Score f = Score.of(mazes, fixed);
        // after a move the oracle tries its old end, then at most the three others in order
        assertEquals(1.0, o.refound());
        assertTrue(o.refindTrials() >= 2 && o.refindTrials() <= 4, o.toString());
        assertTrue(o.highRateAfterFound() > 0.85, o.toString());
        assertTrue(Math.abs(r.highRate() - 0.25) < 0.03, r.toString());
        assertTrue(Math.abs(f.highRate() - 0.25) < 0.05, f.toString());
        assertEquals(f.highRate() * CFG.highReward() + (1 - f.highRate()) * CFG.lowReward(), f.reward(), 1e-12);
    }
}
