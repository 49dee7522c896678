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
 * <p>With {@code layout: direct} ({@link MazeConfig.Layout#DIRECT}) it is the authors' published maze
 * instead: no heading, actions right / up / down / none, a move into a wall is undone, there is no
 * way back down the stem, and the sensors report the neighbouring cells (wall: the cell to the
 * right is a wall; green, red: that item is next to the agent). The items are 5 moves from the start.
 * With {@code starvation: hungry} an agent whose energy runs out keeps moving and food still refills
 * it; it earns no alive bonus while its energy is 0.
 * The layouts are drawn in {@link MazeGeometry}; what the episode counts is its {@link MazeScore}.
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

    private final MazeConfig cfg;
    private final MazeGeometry geo;
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
    private double lastReward;
    private boolean lastEatenGreen;
    /** A training world: the poison goes to whichever arm the agent enters first (see {@link #poisonInFirstArm}). */
    private boolean poisonToFirstArm;
    private final MazeScore score = new MazeScore();

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

    /** A new episode whose swap opportunities take the supplier's draws in order (tests script them). */
    TMaze(MazeConfig cfg, int layout, BooleanSupplier swapFlips) {
        if (layout < 0 || layout > 3) {
            throw new IllegalArgumentException("layout: must be in 0..3, got " + layout);
        }
        this.cfg = cfg;
        this.geo = MazeGeometry.of(cfg);
        this.totalActions = cfg.actions();
        this.swapFlips = swapFlips;
        this.poisonIsGreen = (layout & 1) != 0;
        this.greenItem = (layout & 2) != 0 ? 0 : 1;
        this.energy = cfg.energyMax();
        this.row = geo.startRow();
        this.col = geo.startCol();
        this.heading = geo.startHeading();
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

    /**
     * Turn layout: whether the cell in front is a wall ({@link #SENSOR_WALL}), green or red.
     * Direct layout: whether the cell to the right is a wall, whether green (red) is next to the agent.
     */
    public boolean sensor(int s) {
        if (s < 0 || s >= SENSORS) {
            throw new IllegalArgumentException("sensor: must be in 0.." + (SENSORS - 1) + ", got " + s);
        }
        return geo.sense(s, row, col, heading, greenItem);
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
        int poisonSensor = poisonIsGreen ? SENSOR_GREEN : SENSOR_RED;
        boolean poisonInSight = sensor(poisonSensor);
        boolean atePoison = false;
        if (action != NONE) {
            if (!geo.direct() && action != FORWARD) {
                heading = (heading + (action == LEFT ? 3 : 1)) & 3;
            } else {
                int target = geo.target(action, row, col, heading);
                int item = geo.itemAt(target / SIZE, target % SIZE);
                if (item >= 0) {
                    atePoison = (item == greenItem) == poisonIsGreen;
                    if (atePoison && poisonInSight) {
                        score.poisonVisit(true);
                    }
                    refilled = eat(item == greenItem);
                } else {
                    moveTo(target / SIZE, target % SIZE);
                }
            }
        }
        if (poisonInSight && !atePoison && !sensor(poisonSensor)) {
            score.poisonVisit(false); // turned or walked away from the poison it had in sight
        }
        if (!refilled && energy > 0) {
            // From the refill level, so that many small decays do not drift.
            stepsSinceRefill += cfg.stepsPerAction();
            energy = Math.max(0.0, cfg.energyMax() - stepsSinceRefill * cfg.energyDecay());
        }
        if (wasAlive) {
            score.alive(cfg.stepsPerAction());
        }
        if (energy <= 1e-12 * cfg.energyMax()) {
            energy = 0;
            alive = false;
        } else {
            alive = true;
        }
    }

    /** A move into the open cell (r, c), or against a wall (no move); an arm entered counts as an arm choice. */
    private void moveTo(int r, int c) {
        if (geo.isWall(r, c)) {
            return;
        }
        int arm = geo.armEntered(row, col, r, c);
        if (arm >= 0 && poisonToFirstArm) {
            greenItem = poisonIsGreen ? arm : 1 - arm; // the poison is in this arm now
            poisonToFirstArm = false;
        }
        if (arm >= 0) {
            score.armChoice(arm != poisonItem());
        }
        row = r;
        col = c;
    }

    /** Eats the item of the given colour; returns whether the energy was refilled. */
    private boolean eat(boolean green) {
        boolean poison = green == poisonIsGreen;
        double reward = poison ? cfg.poisonReward() : 1;
        lastReward = poison ? -1 : 1;
        lastEatenGreen = green;
        score.ate(poison, reward, cfg.firstRewardPositive());
        boolean refilled;
        if (poison) {
            refilled = score.poisons() == 1 || !cfg.poisonEmpties();
            energy = refilled ? cfg.energyMax() : 0;
            if (cfg.swapAfterPoison()) {
                swapOpportunity();
            }
        } else {
            refilled = true;
            energy = cfg.energyMax();
            if (score.foods() % cfg.foodsPerSwap() == 0) {
                swapOpportunity();
            }
        }
        if (refilled) {
            stepsSinceRefill = 0;
        }
        row = geo.startRow();
        col = geo.startCol();
        heading = geo.startHeading();
        return refilled;
    }

    /**
     * Makes this a maze of the poison-first training world: the poison is placed in whichever arm
     * the agent enters first, so its first meal (if it eats) is the poison, whatever it does. The
     * agent cannot tell: no item is in sight before an arm is entered, and the poison's colour is
     * still the layout's. The side of the items is only fixed at that moment; call before the
     * first action.
     *
     * @throws IllegalStateException after the first action
     */
    TMaze poisonInFirstArm() {
        if (actionsTaken > 0) {
            throw new IllegalStateException("poisonInFirstArm: only before the first action");
        }
        poisonToFirstArm = true;
        return this;
    }

    /** Takes the next swap draw: the items change arms if it says so. */
    private void swapOpportunity() {
        boolean swap = swapFlips.getAsBoolean();
        if (swap) {
            greenItem = 1 - greenItem;
        }
        score.swapOpportunity(swap);
    }

    public MazeConfig config() {
        return cfg;
    }

    /** The colour sensor of the item the last {@link #act} ate ({@link #SENSOR_GREEN} or {@link #SENSOR_RED}), or −1. */
    public int lastEatenSensor() {
        return lastReward == 0 ? -1 : lastEatenGreen ? SENSOR_GREEN : SENSOR_RED;
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
        return (score.rewardSum() + cfg.aliveBonus() * score.stepsAlive()) / cfg.episodeSteps();
    }

    /** What the episode counted so far: rewards, food, poison, swaps, steps alive, arm choices. */
    public MazeScore score() {
        return score;
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
        return geo.direct();
    }

    public boolean poisonIsGreen() {
        return poisonIsGreen;
    }

    /** Whether green is now in the left arm (item A: column 1, or the top arm of the direct layout). */
    public boolean greenOnLeft() {
        return greenItem == 0;
    }

    /** The cell at (r, c) as text: # wall, . open, G or R an item. */
    public char cell(int r, int c) {
        int item = geo.itemAt(r, c);
        return item >= 0 ? (item == greenItem ? 'G' : 'R') : geo.map()[r].charAt(c);
    }

    /** Which item is the poison now: 0 = A (left / top), 1 = B (right / bottom). */
    private int poisonItem() {
        return poisonIsGreen ? greenItem : 1 - greenItem;
    }
}
