package org.enu.task.tmaze;

/**
 * An agent that plays the T-maze directly: it reads the maze's sensors and last reward and
 * returns the next action (0..3). A policy with memory lives for one episode; a {@link Factory}
 * makes a fresh one per episode, so nothing learned carries over from one environment to the
 * next, as for the evolved networks whose states are reset every episode.
 */
public interface MazePolicy {
    /** The next action for the maze's current state, one of {@link TMaze#FORWARD} .. {@link TMaze#NONE}. */
    int act(TMaze maze);

    /** Makes the policy for one episode. */
    @FunctionalInterface
    interface Factory {
        /** A fresh policy for the episode played in the environment with this key. */
        MazePolicy forEpisode(long envKey);
    }
}
