package org.enu.task.tmaze;

/**
 * A memoryless policy: a table from the observation to an action. With 4 entries the
 * observation is the front cell (nothing, wall, green, red); with 12 it is also the last raw
 * reward: index = 4·r + front with r = 0 (none), 1 (+1), 2 (−1). Stateless, so one instance
 * serves every episode.
 */
public final class ReactivePolicy implements MazePolicy, MazePolicy.Factory {
    private static final String[] FRONT_NAMES = {"nothing", "wall", "green", "red"};
    private static final String[] ACTION_NAMES = {"FORWARD", "LEFT", "RIGHT", "NONE"};

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
        int f = Baselines.front(m);
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
