package org.enu.task.tmaze;

/**
 * Settings of the T-maze environment (paper section 4.4, "Evolving Reinforcement Learning"; the
 * constants the paper leaves open follow the authors' original, see docs/TMAZE.md).
 *
 * @param stepsPerAction      network steps per action (the output is read over this many steps)
 * @param episodeSteps        network steps per episode, a multiple of stepsPerAction
 * @param energyMax           starting energy, also the cap and the refill level
 * @param energyDecay         energy lost per network step
 * @param foodsPerSwap        after every this many foods eaten, the items may swap arms
 * @param swapProbability     probability that the items swap at such an opportunity
 * @param aliveBonus          fitness per network step the agent is alive
 * @param firstRewardPositive whether the agent's first reward of either kind counts as +1
 * @param layout              {@link #TURN} (the paper's maze: heading, forward / left / right, the
 *                            cell in front sensed) or {@link #DIRECT} (the authors' published maze:
 *                            right / up / down moves, the neighbouring cells sensed)
 * @param starvation          {@link #DEATH} (the paper: an agent without energy is dead for good) or
 *                            {@link #HUNGRY} (the authors' published code: it keeps moving and food
 *                            still refills it; it only earns no alive bonus while its energy is 0)
 * @param poisonReward        the reward of eating poison (−1; a curriculum may soften it)
 * @param poisonEmpties       a poison after the first empties the energy (the original); false: every
 *                            poison refills it like food (a curriculum stage where only navigation counts)
 * @param poisonGreenProbability the probability that green is the poison in a maze (0.5: the colour
 *                            carries no prior information, so which one is poison must be learned
 *                            within the life; 1 or 0: a fixed colour, avoidable by a reflex; between:
 *                            a prior that the taste must be able to overrule, for a curriculum)
 * @param swapAfterPoison     a poison also opens a swap opportunity (false: only every foodsPerSwap-th
 *                            food does, the original); with foodsPerSwap 1 and swapProbability 0.5 the
 *                            side of the food is then a fair coin on every trip, so only the colour
 *                            tells where the food is (a training world where side learning cannot pay)
 */
public record MazeConfig(int stepsPerAction, int episodeSteps, double energyMax, double energyDecay,
                         int foodsPerSwap, double swapProbability, double aliveBonus,
                         boolean firstRewardPositive, String layout, String starvation, double poisonReward,
                         boolean poisonEmpties, double poisonGreenProbability, boolean swapAfterPoison) {
    public static final String TURN = "turn", DIRECT = "direct";
    public static final String DEATH = "death", HUNGRY = "hungry";

    /** The paper's turn-based maze, final death and poison −1. */
    public MazeConfig(int stepsPerAction, int episodeSteps, double energyMax, double energyDecay,
                      int foodsPerSwap, double swapProbability, double aliveBonus, boolean firstRewardPositive) {
        this(stepsPerAction, episodeSteps, energyMax, energyDecay, foodsPerSwap, swapProbability, aliveBonus,
                firstRewardPositive, TURN, DEATH, -1, true);
    }

    /** Either colour the poison with probability 0.5, swaps only after food. */
    public MazeConfig(int stepsPerAction, int episodeSteps, double energyMax, double energyDecay,
                      int foodsPerSwap, double swapProbability, double aliveBonus, boolean firstRewardPositive,
                      String layout, String starvation, double poisonReward, boolean poisonEmpties) {
        this(stepsPerAction, episodeSteps, energyMax, energyDecay, foodsPerSwap, swapProbability, aliveBonus,
                firstRewardPositive, layout, starvation, poisonReward, poisonEmpties, 0.5, false);
    }

    public MazeConfig {
        if (!TURN.equals(layout) && !DIRECT.equals(layout)) {
            throw new IllegalArgumentException("layout: expected turn or direct, got '" + layout + "'");
        }
        if (!DEATH.equals(starvation) && !HUNGRY.equals(starvation)) {
            throw new IllegalArgumentException("starvation: expected death or hungry, got '" + starvation + "'");
        }
        if (!(poisonReward <= 0) || !Double.isFinite(poisonReward)) {
            throw new IllegalArgumentException("poison_reward: must be a finite number <= 0, got " + poisonReward);
        }
        if (stepsPerAction < 1) {
            throw new IllegalArgumentException("steps_per_action: must be >= 1, got " + stepsPerAction);
        }
        if (episodeSteps < stepsPerAction || episodeSteps % stepsPerAction != 0) {
            throw new IllegalArgumentException("episode_steps: must be a positive multiple of steps_per_action ("
                    + stepsPerAction + "), got " + episodeSteps);
        }
        if (!(energyMax > 0) || !Double.isFinite(energyMax)) {
            throw new IllegalArgumentException("energy_max: must be a finite number > 0, got " + energyMax);
        }
        if (!(energyDecay >= 0) || !Double.isFinite(energyDecay)) {
            throw new IllegalArgumentException("energy_decay: must be a finite number >= 0, got " + energyDecay);
        }
        if (foodsPerSwap < 1) {
            throw new IllegalArgumentException("foods_per_swap: must be >= 1, got " + foodsPerSwap);
        }
        if (!(swapProbability >= 0 && swapProbability <= 1)) {
            throw new IllegalArgumentException("swap_probability: must be in [0, 1], got " + swapProbability);
        }
        if (!(poisonGreenProbability >= 0 && poisonGreenProbability <= 1)) {
            throw new IllegalArgumentException("poison_green_probability: must be in [0, 1], got " + poisonGreenProbability);
        }
        if (!(aliveBonus >= 0) || !Double.isFinite(aliveBonus)) {
            throw new IllegalArgumentException("alive_bonus: must be a finite number >= 0, got " + aliveBonus);
        }
    }

    /**
     * The original's settings: 4 steps per action, 400 steps (100 actions), energy 18 decaying by
     * 0.25 per step (18 actions without food), a possible swap with p = 0.5 after every 5 foods,
     * 0.025 per step alive, first reward counted as +1.
     */
    public static MazeConfig defaults() {
        return new MazeConfig(4, 400, 18, 0.25, 5, 0.5, 0.025, true);
    }

    /** Whether this is the authors' direct-move maze. */
    public boolean direct() {
        return DIRECT.equals(layout);
    }

    /** Whether starvation ends the episode for good (the paper) rather than only the alive bonus. */
    public boolean finalDeath() {
        return DEATH.equals(starvation);
    }

    /** This configuration with another layout, starvation rule and poison reward. */
    public MazeConfig with(String layout, String starvation, double poisonReward) {
        return new MazeConfig(stepsPerAction, episodeSteps, energyMax, energyDecay, foodsPerSwap, swapProbability,
                aliveBonus, firstRewardPositive, layout, starvation, poisonReward, poisonEmpties, poisonGreenProbability,
                swapAfterPoison);
    }

    /** This configuration with poisons opening swap opportunities or not. */
    public MazeConfig withSwapAfterPoison(boolean swapAfterPoison) {
        return new MazeConfig(stepsPerAction, episodeSteps, energyMax, energyDecay, foodsPerSwap, swapProbability,
                aliveBonus, firstRewardPositive, layout, starvation, poisonReward, poisonEmpties, poisonGreenProbability,
                swapAfterPoison);
    }

    /** Decisions per episode: episodeSteps / stepsPerAction. */
    public int actions() {
        return episodeSteps / stepsPerAction;
    }

    /** Energy lost by one action that does not refill it: stepsPerAction · energyDecay. */
    public double decayPerAction() {
        return stepsPerAction * energyDecay;
    }
}
