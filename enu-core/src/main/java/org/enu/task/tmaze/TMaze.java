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
 *
 * <p>With {@code layout: direct} ({@link MazeConfig#DIRECT}) it is the authors' published maze
 * instead: no heading, actions right / up / down / none, a move into a wall is undone, there is no
 * way back down the stem, and the sensors report the neighbouring cells (wall: the cell to the
 * right is a wall; green, red: that item is next to the agent). The items are 5 moves from the start.
 * <pre>
 *   #######   row 0
 *   #####A#   row 1: item A (the "left" item, top) at (1,5)
 *   #####.#   row 2
 *   ##S..J#   row 3: start (3,2), junction (3,5)
 *   #####.#   row 4
 *   #####B#   row 5: item B (the "right" item, bottom) at (5,5)
 *   #######   row 6
 * </pre>
 * With {@code starvation: hungry} an agent whose energy runs out keeps moving and food still refills
 * it; it earns no alive bonus while its energy is 0.
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
    /** Direct layout: the same action numbers move right, up, down. */
    public static final int MOVE_RIGHT = 0, MOVE_UP = 1, MOVE_DOWN = 2;
    public static final int SENSOR_WALL = 0, SENSOR_GREEN = 1, SENSOR_RED = 2;
    public static final int SENSORS = 3, ACTIONS = 4;
    public static final int NORTH = 0, EAST = 1, SOUTH = 2, WEST = 3;

    public static final int SIZE = 7;
    public static final int START_ROW = 5, START_COL = 3;
    public static final int ARM_ROW = 1, LEFT_ITEM_COL = 1, RIGHT_ITEM_COL = 5;
    /** Direct layout: start, junction and the two items (A above, B below the junction). */
    public static final int D_START_ROW = 3, D_START_COL = 2, D_JUNCTION_ROW = 3, D_JUNCTION_COL = 5;
    public static final int D_ITEM_A_ROW = 1, D_ITEM_B_ROW = 5, D_ITEM_COL = 5;

    /** Phases of an arm choice, for the learning metrics: before the first poison, after it, after a later swap. */
    public static final int BEFORE_POISON = 0, AFTER_POISON = 1, AFTER_SWAP = 2;

    private static final String[] MAP = {
        "#######",
        "#.....#",
        "###.###",
        "###.###",
        "###.###",
        "###.###",
        "#######",
    };
    private static final String[] DIRECT_MAP = {
        "#######",
        "#####.#",
        "#####.#",
        "##....#",
        "#####.#",
        "#####.#",
        "#######",
    };
    private static final int[] DROW = {-1, 0, 1, 0};
    private static final int[] DCOL = {0, 1, 0, -1};

    private final MazeConfig cfg;
    private final boolean direct;
    private final String[] map;
    private final int[] itemRow;
    private final int[] itemCol;
    private final int startRow, startCol, startHeading;
    private final int totalActions;
    private final BooleanSupplier swapFlips;
    private final boolean poisonIsGreen;
    /** 0: green is item A (left arm / top), 1: item B. */
    private int greenItem;

    private int row;
    private int col;
    private int heading;
    private double energy;
    private int stepsSinceRefill;
    private boolean alive = true;
    private int actionsTaken;
    private int stepsAlive;
    private int foods;
    private int poisons;
    private int swaps;
    private int swapsAfterFirstPoison;
    private int swapOpportunities;
    private boolean rewarded;
    private double rewardSum;
    private double lastReward;
    private final int[][] armChoices = new int[3][2]; // [phase][1 = food arm]

    /**
     * A new episode. From {@code envKey}: the first draw (p = {@code poisonGreenProbability}, 0.5
     * by default) says whether green is the poison, the second (p = 0.5) whether green is in the
     * left arm. From {@code swapKey}: the j-th swap
     * opportunity swaps the items if the j-th draw is below {@code swapProbability}.
     */
    public TMaze(MazeConfig cfg, long envKey, long swapKey) {
        this(cfg, layoutOf(envKey, cfg.poisonGreenProbability()), flipsFrom(new KeyedRandom(swapKey), cfg.swapProbability()));
    }

    /**
     * A new episode with a given layout: bit 0 of {@code layout} says green is the poison, bit 1
     * that green is in the left arm (item A); the swap schedule from {@code swapKey}.
     */
    public TMaze(MazeConfig cfg, int layout, long swapKey) {
        this(cfg, layout, flipsFrom(new KeyedRandom(swapKey), cfg.swapProbability()));
    }

    private TMaze(MazeConfig cfg, int layout, BooleanSupplier swapFlips) {
        if (layout < 0 || layout > 3) {
            throw new IllegalArgumentException("layout: must be in 0..3, got " + layout);
        }
        this.cfg = cfg;
        this.direct = cfg.direct();
        this.map = direct ? DIRECT_MAP : MAP;
        this.itemRow = direct ? new int[] {D_ITEM_A_ROW, D_ITEM_B_ROW} : new int[] {ARM_ROW, ARM_ROW};
        this.itemCol = direct ? new int[] {D_ITEM_COL, D_ITEM_COL} : new int[] {LEFT_ITEM_COL, RIGHT_ITEM_COL};
        this.startRow = direct ? D_START_ROW : START_ROW;
        this.startCol = direct ? D_START_COL : START_COL;
        this.startHeading = direct ? EAST : NORTH;
        this.totalActions = cfg.actions();
        this.swapFlips = swapFlips;
        this.poisonIsGreen = (layout & 1) != 0;
        this.greenItem = (layout & 2) != 0 ? 0 : 1;
        this.energy = cfg.energyMax();
        this.row = startRow;
        this.col = startCol;
        this.heading = startHeading;
    }

    /** The layout an environment key draws: bit 0 poison is green, bit 1 green in the left arm. */
    public static int layoutOf(long envKey) {
        return layoutOf(envKey, 0.5);
    }

    /**
     * The layout an environment key draws when green is the poison with probability
     * {@code poisonGreen}: bit 0 poison is green, bit 1 green in the left arm.
     */
    public static int layoutOf(long envKey, double poisonGreen) {
        KeyedRandom env = new KeyedRandom(envKey);
        boolean pg = env.bernoulli(poisonGreen);
        boolean gl = env.bernoulli(0.5);
        return (pg ? 1 : 0) | (gl ? 2 : 0);
    }

    private static BooleanSupplier flipsFrom(KeyedRandom r, double p) {
        return () -> r.bernoulli(p);
    }

    /** Tests: an episode whose swap opportunities use the given flips in order (more are an error). */
    static TMaze withSwapFlips(MazeConfig cfg, long envKey, boolean... flips) {
        boolean[] f = flips.clone();
        int[] next = {0};
        return new TMaze(cfg, layoutOf(envKey, cfg.poisonGreenProbability()), () -> {
            if (next[0] >= f.length) {
                throw new IllegalStateException("swap opportunity " + next[0] + " has no scripted flip");
            }
            return f[next[0]++];
        });
    }

    /**
     * Turn layout: whether the cell in front is a wall ({@link #SENSOR_WALL}), green or red.
     * Direct layout: whether the cell to the right is a wall, whether green (red) is next to the agent.
     */
    public boolean sensor(int s) {
        if (s < 0 || s >= SENSORS) {
            throw new IllegalArgumentException("sensor: must be in 0.." + (SENSORS - 1) + ", got " + s);
        }
        if (direct) {
            if (s == SENSOR_WALL) {
                return isWall(row, col + 1);
            }
            int item = s == SENSOR_GREEN ? greenItem : 1 - greenItem;
            return Math.abs(itemRow[item] - row) + Math.abs(itemCol[item] - col) == 1;
        }
        int r = row + DROW[heading];
        int c = col + DCOL[heading];
        return switch (s) {
            case SENSOR_WALL -> isWall(r, c);
            case SENSOR_GREEN -> r == itemRow[greenItem] && c == itemCol[greenItem];
            default -> r == itemRow[1 - greenItem] && c == itemCol[1 - greenItem];
        };
    }

    /**
     * One decision. In order: the action (a move into an item eats it: reward, counters, energy,
     * possible swap, reset to the start), then the energy decay of stepsPerAction steps unless the
     * action refilled the energy, then the starvation check. The action's network steps count as
     * alive when the agent was alive at its start. A dead agent (final death) only counts the action.
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
        if (frozen()) {
            return;
        }
        boolean wasAlive = alive;
        boolean refilled = false;
        if (action != NONE) {
            int r = row;
            int c = col;
            boolean move = true;
            if (direct) {
                switch (action) {
                    case MOVE_RIGHT -> c++;
                    case MOVE_UP -> r--;
                    default -> r++;
                }
            } else if (action == FORWARD) {
                r += DROW[heading];
                c += DCOL[heading];
            } else {
                heading = (heading + (action == LEFT ? 3 : 1)) & 3;
                move = false;
            }
            if (move) {
                int item = itemAt(r, c);
                if (item >= 0) {
                    refilled = eat(item == greenItem);
                } else if (!isWall(r, c)) {
                    recordArmChoice(r, c);
                    row = r;
                    col = c;
                }
            }
        }
        if (!refilled && energy > 0) {
            // From the refill level, so that many small decays do not drift.
            stepsSinceRefill += cfg.stepsPerAction();
            energy = Math.max(0.0, cfg.energyMax() - stepsSinceRefill * cfg.energyDecay());
        }
        if (wasAlive) {
            stepsAlive += cfg.stepsPerAction();
        }
        if (energy <= 1e-12 * cfg.energyMax()) {
            energy = 0;
            alive = false;
        } else {
            alive = true;
        }
    }

    private int itemAt(int r, int c) {
        for (int i = 0; i < 2; i++) {
            if (r == itemRow[i] && c == itemCol[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The arm cell (row, col) entered from the junction: counts a choice of that arm. */
    private void recordArmChoice(int r, int c) {
        int jr = direct ? D_JUNCTION_ROW : ARM_ROW;
        int jc = direct ? D_JUNCTION_COL : START_COL;
        if (row != jr || col != jc || (r == jr + 1 && c == jc && !direct)) {
            return;
        }
        int arm = direct ? (r < jr ? 0 : 1) : (c < jc ? 0 : 1);
        int poisonItem = poisonIsGreen ? greenItem : 1 - greenItem;
        int phase = poisons == 0 ? BEFORE_POISON : swapsAfterFirstPoison == 0 ? AFTER_POISON : AFTER_SWAP;
        armChoices[phase][arm == poisonItem ? 0 : 1]++;
    }

    /** Eats the item of the given colour; returns whether the energy was refilled. */
    private boolean eat(boolean green) {
        boolean poison = green == poisonIsGreen;
        double reward = poison ? cfg.poisonReward() : 1;
        lastReward = poison ? -1 : 1;
        rewardSum += (!rewarded && cfg.firstRewardPositive()) ? 1 : reward;
        rewarded = true;
        boolean refilled;
        if (poison) {
            poisons++;
            refilled = poisons == 1 || !cfg.poisonEmpties();
            energy = refilled ? cfg.energyMax() : 0;
        } else {
            foods++;
            refilled = true;
            energy = cfg.energyMax();
            if (foods % cfg.foodsPerSwap() == 0) {
                swapOpportunities++;
                if (swapFlips.getAsBoolean()) {
                    greenItem = 1 - greenItem;
                    swaps++;
                    if (poisons > 0) {
                        swapsAfterFirstPoison++;
                    }
                }
            }
        }
        if (refilled) {
            stepsSinceRefill = 0;
        }
        row = startRow;
        col = startCol;
        heading = startHeading;
        return refilled;
    }

    private boolean isWall(int r, int c) {
        return r < 0 || c < 0 || r >= SIZE || c >= SIZE || map[r].charAt(c) == '#';
    }

    public MazeConfig config() {
        return cfg;
    }

    /** The raw reward of the last {@link #act}: +1 food, −1 poison, 0 otherwise. */
    public double lastReward() {
        return lastReward;
    }

    /** Whether the agent has energy (with starvation "hungry" it can come back to life by eating). */
    public boolean alive() {
        return alive;
    }

    /** Whether nothing can change any more: dead under the final-death rule. */
    public boolean frozen() {
        return !alive && cfg.finalDeath();
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

    /**
     * Arm choices (a move from the junction into an arm) in a phase ({@link #BEFORE_POISON},
     * {@link #AFTER_POISON}, {@link #AFTER_SWAP}: after the first poison and a later swap), into
     * the arm that held the food ({@code food} true) or the poison at that moment.
     */
    public int armChoices(int phase, boolean food) {
        return armChoices[phase][food ? 1 : 0];
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

    /** 0 = north, 1 = east, 2 = south, 3 = west (always east in the direct layout). */
    public int heading() {
        return heading;
    }

    public boolean direct() {
        return direct;
    }

    public boolean poisonIsGreen() {
        return poisonIsGreen;
    }

    /** Whether green is now in the left arm (item A: column 1, or the top arm of the direct layout). */
    public boolean greenOnLeft() {
        return greenItem == 0;
    }

    /** Column of the poison item now (turn layout: 1 left, 5 right). */
    public int poisonCol() {
        return itemCol[poisonItem()];
    }

    /** Which item is the poison now: 0 = A (left / top), 1 = B (right / bottom). */
    public int poisonItem() {
        return poisonIsGreen ? greenItem : 1 - greenItem;
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
     * named beside the maze), the agent as ^ > v < (@ in the direct layout, x when dead), then a
     * status line.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                char ch = map[r].charAt(c);
                int item = itemAt(r, c);
                if (item >= 0) {
                    ch = item == greenItem ? 'G' : 'R';
                }
                if (r == row && c == col) {
                    ch = !alive ? 'x' : direct ? '@' : "^>v<".charAt(heading);
                }
                sb.append(ch);
            }
            if (r == 1) {
                sb.append("   poison: ").append(poisonIsGreen ? 'G' : 'R');
            }
            sb.append('\n');
        }
        sb.append(String.format(java.util.Locale.ROOT, "action %d/%d  energy %.2f  foods %d  poisons %d  swaps %d  "
                        + "reward %+d  fitness %.5f%s%n", actionsTaken, totalActions, energy, foods, poisons, swaps,
                (int) lastReward, fitness(), alive ? "" : frozen() ? "  DEAD" : "  STARVING"));
        return sb.toString();
    }
}
