package org.enu.example.dtmaze;

import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;

/** The reference agents of the report: the ends they visit, trial by trial, in one life. */
final class Agents {
    private Agents() {
    }

    private static final long STREAM_RANDOM = 0x52414E44L;

    /** Turns at random at both junctions. */
    static int[] random(DoubleTMaze maze, long envKey) {
        KeyedRandom rnd = new KeyedRandom(Keys.of(envKey, STREAM_RANDOM));
        int[] v = new int[maze.trials()];
        for (int t = 0; t < v.length; t++) {
            v[t] = rnd.nextInt(DoubleTMaze.ENDS);
        }
        return v;
    }

    /** Always the same route to the same end. */
    static int[] fixed(DoubleTMaze maze, int end) {
        int[] v = new int[maze.trials()];
        java.util.Arrays.fill(v, end);
        return v;
    }

    /**
     * Knows the high reward when it sees it: explores the ends in order until one pays the high
     * reward, then returns to it; when that end pays low (the reward moved), it explores the other
     * ends in order again.
     */
    static int[] oracle(DoubleTMaze maze, double highReward) {
        int[] v = new int[maze.trials()];
        boolean[] tried = new boolean[DoubleTMaze.ENDS];
        int known = -1;
        for (int t = 0; t < v.length; t++) {
            int end = known;
            if (end < 0) {
                end = 0;
                while (end < DoubleTMaze.ENDS - 1 && tried[end]) {
                    end++;
                }
            }
            v[t] = end;
            if (maze.reward(t, end) == highReward) {
                known = end;
            } else {
                if (end == known) {
                    known = -1;
                    java.util.Arrays.fill(tried, false);
                }
                tried[end] = true;
            }
        }
        return v;
    }
}
