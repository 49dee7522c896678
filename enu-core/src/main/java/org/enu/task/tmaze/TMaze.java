package org.enu.task.tmaze;

import java.util.function.BooleanSupplier;
import org.enu.rng.KeyedRandom;

/**
 * The T-maze of paper section 4.4: a 7x7 grid with a stem from the start cell S to a junction and
 * two arms ending in a green and a red item, one food (+1) and one poison (−1). The agent has a
 * heading, senses only the cell in front (wall, green, red) and acts forward / left / right /
 * none once per {@code stepsPerAction} network steps. Eating resets it to S facing north and
 * leaves the item in place; after every {@code foodsPerSwap} foods the items may swap arms.
 * Energy decays per step and is refilled by food and by the first poison; a second poison or an
 * empty store kills the agent. The environment key decides the poison colour and which arm holds
 * which colour; a separate swap key decides the swaps, so that all offspring of a generation can
 * share one schedule. Not thread-safe: one instance per episode.
 * <pre>
 *   #######   row 0
 *   #A...B#   row 1: the arms, columns 1..5; items at (1,1) and (1,5)
 *   ###.###   row 2: the stem, column 3
 *   ###.###   row 3
 *   ###.###   row 4
 *   ###S###   row 5: start (5,3), facing north
 *   #######   row 6
 * </pre>
 */
public final class TMaze {
    public static final int FORWARD = 0, LEFT = 1, RIGHT = 2, NONE = 3;
    public static final int SENSOR_WALL = 0, SENSOR_GREEN = 1, SENSOR_RED = 2;
    public static final int SENSORS = 3, ACTIONS = 4;
    public static final int NORTH = 0, EAST = 1, SOUTH = 2, WEST = 3;

    public static final int SIZE = 7;
    public static final int START_ROW = 5, START_COL = 3;
    public static final int ARM_ROW = 1, LEFT_ITEM_COL = 1, RIGHT_ITEM_COL = 5;

    private static final String[] MAP = {
        "#######",
        "#.....#",
        "###.###",
        "###.###",
        "###.###",
        "###.###",
        "#######",
    };
    private static final int[] DROW = {-1, 0, 1, 0};
    private static final int[] DCOL = {0, 1, 0, -1};

    private final MazeConfig cfg;
    private final int totalActions;
    private final BooleanSupplier swapFlips;
    private final boolean poisonIsGreen;
    private int greenCol;

    private int row = START_ROW;
    private int col = START_COL;
    private int heading = NORTH;
    private double energy;
    private int stepsSinceRefill;
    private boolean alive = true;
    private int actionsTaken;
    private int stepsAlive;
    private int foods;
    private int poisons;
    private int swaps;
    private int swapOpportunities;
    private boolean rewarded;
    private double rewardSum;
    private double lastReward;

    /**
     * A new episode. From {@code envKey}: the first draw (p = 0.5) says whether green is the
     * poison, the second whether green is in the left arm. From {@code swapKey}: the j-th swap
     * opportunity swaps the items if the j-th draw is below {@code swapProbability}.
     */
    public TMaze(MazeConfig cfg, long envKey, long swapKey) {
        this(cfg, envKey, flipsFrom(new KeyedRandom(swapKey), cfg.swapProbability()));
    }

    private TMaze(MazeConfig cfg, long envKey, BooleanSupplier swapFlips) {
        this.cfg = cfg;
        this.totalActions = cfg.actions();
        this.swapFlips = swapFlips;
        KeyedRandom env = new KeyedRandom(envKey);
        this.poisonIsGreen = env.bernoulli(0.5);
        this.greenCol = env.bernoulli(0.5) ? LEFT_ITEM_COL : RIGHT_ITEM_COL;
        this.energy = cfg.energyMax();
    }

    private static BooleanSupplier flipsFrom(KeyedRandom r, double p) {
        return () -> r.bernoulli(p);
    }

    /** Tests: an episode whose swap opportunities use the given flips in order (more are an error). */
    static TMaze withSwapFlips(MazeConfig cfg, long envKey, boolean... flips) {
        boolean[] f = flips.clone();
        int[] next = {0};
        return new TMaze(cfg, envKey, () -> {
            if (next[0] >= f.length) {
                throw new IllegalStateException("swap opportunity " + next[0] + " has no scripted flip");
            }
            return f[next[0]++];
        });
    }

    /** Whether the cell in front is a wall ({@link #SENSOR_WALL}), green or red. */
    public boolean sensor(int s) {
        int r = row + DROW[heading];
        int c = col + DCOL[heading];
        return switch (s) {
            case SENSOR_WALL -> isWall(r, c);
            case SENSOR_GREEN -> r == ARM_ROW && c == greenCol;
            case SENSOR_RED -> r == ARM_ROW && c == redCol();
            default -> throw new IllegalArgumentException("sensor: must be in 0.." + (SENSORS - 1) + ", got " + s);
        };
    }

    /**
     * One decision. In order: the action (a move into an item eats it: reward, counters, energy,
     * possible swap, reset to S facing north), then the energy decay of stepsPerAction steps
     * unless the action refilled the energy, then the death check. The action's network steps
     * count as alive when the agent was alive at its start. A dead agent only counts the action.
     *
     * @throws IllegalArgumentException for an action outside 0..3
     * @throws IllegalStateException    when all actions of the episode were taken
     */
    public void act(int action) {
        if (action < 0 || action >= ACTIONS) {
            throw new IllegalArgumentException("action: must be in 0.." + (ACTIONS - 1) + ", got " + action);
        }
        if (done()) {
            throw new IllegalStateException("the episode is over: " + totalActions + " actions taken");
        }
        actionsTaken++;
        lastReward = 0;
        if (!alive) {
            return;
        }
        boolean refilled = false;
        switch (action) {
            case FORWARD -> {
                int r = row + DROW[heading];
                int c = col + DCOL[heading];
                if (r == ARM_ROW && (c == LEFT_ITEM_COL || c == RIGHT_ITEM_COL)) {
                    refilled = eat(c == greenCol);
                } else if (!isWall(r, c)) {
                    row = r;
                    col = c;
                }
            }
            case LEFT -> heading = (heading + 3) & 3;
            case RIGHT -> heading = (heading + 1) & 3;
            default -> {
                // NONE: stand still
            }
        }
        if (!refilled && energy > 0) {
            // From the refill level, so that many small decays do not drift.
            stepsSinceRefill += cfg.stepsPerAction();
            energy = Math.max(0.0, cfg.energyMax() - stepsSinceRefill * cfg.energyDecay());
        }
        stepsAlive += cfg.stepsPerAction();
        if (energy <= 1e-12 * cfg.energyMax()) {
            energy = 0;
            alive = false;
        }
    }

    /** Eats the item of the given colour; returns whether the energy was refilled. */
    private boolean eat(boolean green) {
        boolean poison = green == poisonIsGreen;
        double reward = poison ? -1 : 1;
        lastReward = reward;
        rewardSum += (!rewarded && cfg.firstRewardPositive()) ? 1 : reward;
        rewarded = true;
        boolean refilled;
        if (poison) {
            poisons++;
            refilled = poisons == 1;
            energy = refilled ? cfg.energyMax() : 0;
        } else {
            foods++;
            refilled = true;
            energy = cfg.energyMax();
            if (foods % cfg.foodsPerSwap() == 0) {
                swapOpportunities++;
                if (swapFlips.getAsBoolean()) {
                    greenCol = LEFT_ITEM_COL + RIGHT_ITEM_COL - greenCol;
                    swaps++;
                }
            }
        }
        if (refilled) {
            stepsSinceRefill = 0;
        }
        row = START_ROW;
        col = START_COL;
        heading = NORTH;
        return refilled;
    }

    private static boolean isWall(int r, int c) {
        return r < 0 || c < 0 || r >= SIZE || c >= SIZE || MAP[r].charAt(c) == '#';
    }

    private int redCol() {
        return LEFT_ITEM_COL + RIGHT_ITEM_COL - greenCol;
    }

    public MazeConfig config() {
        return cfg;
    }

    /** The raw reward of the last {@link #act}: +1 food, −1 poison, 0 otherwise. */
    public double lastReward() {
        return lastReward;
    }

    public boolean alive() {
        return alive;
    }

    /** Actions taken so far, dead or alive. */
    public int actionsTaken() {
        return actionsTaken;
    }

    /** Actions per episode: episodeSteps / stepsPerAction. */
    public int totalActions() {
        return totalActions;
    }

    public boolean done() {
        return actionsTaken >= totalActions;
    }

    /**
     * The episode fitness so far: (rewards, the first one counted as +1 if so configured, plus
     * aliveBonus per network step alive) / episodeSteps.
     */
    public double fitness() {
        return (rewardSum + cfg.aliveBonus() * stepsAlive) / cfg.episodeSteps();
    }

    /** Sum of the counted rewards (with the first-reward rule), not divided by anything. */
    public double rewardSum() {
        return rewardSum;
    }

    public int foods() {
        return foods;
    }

    public int poisons() {
        return poisons;
    }

    /** Poison eaten after the first poison: 0 means one-shot avoidance (or no poison at all). */
    public int poisonsAfterFirstPoison() {
        return Math.max(0, poisons - 1);
    }

    public int stepsAlive() {
        return stepsAlive;
    }

    public double energy() {
        return energy;
    }

    public int row() {
        return row;
    }

    public int col() {
        return col;
    }

    /** 0 = north, 1 = east, 2 = south, 3 = west. */
    public int heading() {
        return heading;
    }

    public boolean poisonIsGreen() {
        return poisonIsGreen;
    }

    /** Whether green is now in the left arm (column 1); changes with every swap. */
    public boolean greenOnLeft() {
        return greenCol == LEFT_ITEM_COL;
    }

    /** Column of the poison item now (1 left, 5 right). */
    public int poisonCol() {
        return poisonIsGreen ? greenCol : redCol();
    }

    public int swaps() {
        return swaps;
    }

    /** Swap opportunities so far (one per foodsPerSwap foods), whether or not they swapped. */
    public int swapOpportunities() {
        return swapOpportunities;
    }

    /**
     * The maze as text for a terminal replay: walls #, open cells ., items G and R (the poison
     * named beside the arm row), the agent as ^ > v < (x when dead), then a status line.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                char ch = MAP[r].charAt(c);
                if (r == ARM_ROW && c == greenCol) {
                    ch = 'G';
                } else if (r == ARM_ROW && c == redCol()) {
                    ch = 'R';
                }
                if (r == row && c == col) {
                    ch = alive ? "^>v<".charAt(heading) : 'x';
                }
                sb.append(ch);
            }
            if (r == ARM_ROW) {
                sb.append("   poison: ").append(poisonIsGreen ? 'G' : 'R');
            }
            sb.append('\n');
        }
        sb.append(String.format(java.util.Locale.ROOT, "action %d/%d  energy %.2f  foods %d  poisons %d  swaps %d  "
                        + "reward %+d  fitness %.5f%s%n", actionsTaken, totalActions, energy, foods, poisons, swaps,
                (int) lastReward, fitness(), alive ? "" : "  DEAD"));
        return sb.toString();
    }
}
