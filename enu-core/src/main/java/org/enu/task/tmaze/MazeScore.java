package org.enu.task.tmaze;

/**
 * What happened in one T-maze episode so far: the rewards counted, food and poison eaten, swaps,
 * steps alive, and the arm choices (moves from the junction into an arm) per phase: before the
 * first poison ({@link TMaze#BEFORE_POISON}), after it ({@link TMaze#AFTER_POISON}), after a swap
 * that followed it ({@link TMaze#AFTER_SWAP}).
 */
public final class MazeScore {
    private double rewardSum;
    private boolean rewarded;
    private int foods;
    private int poisons;
    private int swaps;
    private int swapsAfterFirstPoison;
    private int swapOpportunities;
    private int stepsAlive;
    private final int[][] armChoices = new int[3][2]; // [phase][1 = food arm]
    private final int[][] poisonVisits = new int[2][2]; // [0 before the first poison, 1 after][1 = eaten]
    private final int[] poisonVisitsBeforeFood = new int[2]; // after the first poison, before any food [1 = eaten]

    /** An item eaten: the reward counts +1 instead when it is the first and the first counts positive. */
    void ate(boolean poison, double reward, boolean firstRewardPositive) {
        rewardSum += (!rewarded && firstRewardPositive) ? 1 : reward;
        rewarded = true;
        if (poison) {
            poisons++;
        } else {
            foods++;
        }
    }

    /** A swap opportunity, and whether the items swapped. */
    void swapOpportunity(boolean swapped) {
        swapOpportunities++;
        if (swapped) {
            swaps++;
            if (poisons > 0) {
                swapsAfterFirstPoison++;
            }
        }
    }

    /** A move from the junction into the arm that holds the food ({@code food}) or the poison. */
    void armChoice(boolean food) {
        int phase = poisons == 0 ? TMaze.BEFORE_POISON : swapsAfterFirstPoison == 0 ? TMaze.AFTER_POISON
                : TMaze.AFTER_SWAP;
        armChoices[phase][food ? 1 : 0]++;
    }

    /**
     * A visit to the poison ended: the agent had it in sight (its colour sensor on) and either ate
     * it or moved or turned so that it was out of sight. Counted in the phase of the decision:
     * before the first poison (also when this visit eats the first one) or after it. A visit after
     * the first poison while no food has been eaten yet also counts in the window that only the
     * taste of the poison can have taught ({@link #poisonVisitsBeforeFood}). The counts are those
     * before the meal the visit may end with: the maze calls this before {@link #ate}, and a visit
     * refused never ends by eating the food (in neither layout are both items in sight at once).
     */
    void poisonVisit(boolean eaten) {
        poisonVisits[poisons == 0 ? 0 : 1][eaten ? 1 : 0]++;
        if (poisons > 0 && foods == 0) {
            poisonVisitsBeforeFood[eaten ? 1 : 0]++;
        }
    }

    /** Visits to the poison before (after = false) or after the first poison, all or only those that ate it. */
    public int poisonVisits(boolean after, boolean eatenOnly) {
        int[] v = poisonVisits[after ? 1 : 0];
        return eatenOnly ? v[1] : v[0] + v[1];
    }

    /**
     * Visits to the poison after the first poison was eaten and before any food, all or only those
     * that ate it: the decisions only the poison's taste can inform (a life whose first meal is
     * food has none).
     */
    public int poisonVisitsBeforeFood(boolean eatenOnly) {
        return eatenOnly ? poisonVisitsBeforeFood[1] : poisonVisitsBeforeFood[0] + poisonVisitsBeforeFood[1];
    }

    void alive(int steps) {
        stepsAlive += steps;
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
     * Arm choices in a phase ({@link TMaze#BEFORE_POISON}, {@link TMaze#AFTER_POISON},
     * {@link TMaze#AFTER_SWAP}) into the arm that held the food ({@code food} true) or the poison at
     * that moment.
     */
    public int armChoices(int phase, boolean food) {
        return armChoices[phase][food ? 1 : 0];
    }

    /** Network steps alive. */
    public int stepsAlive() {
        return stepsAlive;
    }

    public int swaps() {
        return swaps;
    }

    /** Swap opportunities so far (one per foodsPerSwap foods), whether or not they swapped. */
    public int swapOpportunities() {
        return swapOpportunities;
    }
}
