package org.enu.example.dtmaze;

import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;

/**
 * One life in the double T-maze (Soltoggio et al. 2008; Risi and Stanley 2010), trial by trial:
 * the agent starts at the corridor's start, turns left or right at the first junction and again at
 * the second, reaches one of four arm ends (0 = left-left, 1 = left-right, 2 = right-left,
 * 3 = right-right), takes its reward and returns home. One end holds the high reward, the others
 * the low one. Where the high reward starts, when it moves ({@code moves} times, near equal
 * fractions of the life, jittered) and to which other end, are drawn from the environment's key.
 */
public final class DoubleTMaze {
    /** Arm ends. */
    public static final int ENDS = 4;
    /** A trial's phases: junction 1, junction 2, the arm's end, home. */
    public static final int PHASES = 4;
    public static final int JUNCTION_1 = 0;
    public static final int JUNCTION_2 = 1;
    public static final int END = 2;
    public static final int HOME = 3;
    /** The key stream of the reward schedule. */
    private static final long STREAM_SCHEDULE = 0x44544D5AL;

    private final DoubleTMazeConfig cfg;
    private final int[] highEnd;

    public DoubleTMaze(DoubleTMazeConfig cfg, long envKey) {
        this.cfg = cfg;
        KeyedRandom rnd = new KeyedRandom(Keys.of(envKey, STREAM_SCHEDULE));
        int trials = cfg.trials();
        highEnd = new int[trials];
        int h = rnd.nextInt(ENDS);
        int nextMove = 1;
        int moveAt = moveTrial(rnd, 1);
        for (int t = 0; t < trials; t++) {
            if (t == moveAt) {
                h = (h + 1 + rnd.nextInt(ENDS - 1)) % ENDS;
                nextMove++;
                moveAt = nextMove <= cfg.moves() ? moveTrial(rnd, nextMove) : -1;
            }
            highEnd[t] = h;
        }
    }

    /** Move k (1-based) happens near k / (moves + 1) of the life, give or take a quarter of a stretch. */
    private int moveTrial(KeyedRandom rnd, int k) {
        if (k > cfg.moves()) {
            return -1;
        }
        int stretch = cfg.trials() / (cfg.moves() + 1);
        int q = stretch / 4;
        return k * cfg.trials() / (cfg.moves() + 1) + rnd.nextInt(2 * q + 1) - q;
    }

    public int trials() {
        return highEnd.length;
    }

    /** The end that holds the high reward in a trial. */
    public int highEnd(int trial) {
        return highEnd[trial];
    }

    /** Whether the high reward moved just before this trial. */
    public boolean movedAt(int trial) {
        return trial > 0 && highEnd[trial] != highEnd[trial - 1];
    }

    /** The reward at an end in a trial. */
    public double reward(int trial, int end) {
        return end == highEnd[trial] ? cfg.highReward() : cfg.lowReward();
    }

    /** The end two turns lead to (false = left, true = right). */
    public static int end(boolean firstRight, boolean secondRight) {
        return (firstRight ? 2 : 0) + (secondRight ? 1 : 0);
    }
}
