package org.enu.task.tmaze;

import org.enu.check.Check;

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
 * @param layout              {@link Layout#TURN} (the paper's maze: heading, forward / left / right, the
 *                            cell in front sensed) or {@link Layout#DIRECT} (the authors' published maze:
 *                            right / up / down moves, the neighbouring cells sensed)
 * @param starvation          {@link Starvation#DEATH} (the paper: an agent without energy is dead for good) or
 *                            {@link Starvation#HUNGRY} (the authors' published code: it keeps moving and food
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
                         boolean firstRewardPositive, Layout layout, Starvation starvation, double poisonReward,
                         boolean poisonEmpties, double poisonGreenProbability, boolean swapAfterPoison) {
    /** The maze's geometry and moves (config values: the lower-case names). */
    public enum Layout { TURN, DIRECT }

    /** What running out of energy does. */
    public enum Starvation { DEATH, HUNGRY }

    public MazeConfig {
        Check.nonPositive("poison_reward", poisonReward);
        Check.atLeast("steps_per_action", stepsPerAction, 1);
        if (episodeSteps < stepsPerAction || episodeSteps % stepsPerAction != 0) {
            throw new IllegalArgumentException("episode_steps: must be a positive multiple of steps_per_action ("
                    + stepsPerAction + "), got " + episodeSteps);
        }
        Check.positive("energy_max", energyMax);
        Check.nonNegative("energy_decay", energyDecay);
        Check.atLeast("foods_per_swap", foodsPerSwap, 1);
        Check.fraction("swap_probability", swapProbability);
        Check.fraction("poison_green_probability", poisonGreenProbability);
        Check.nonNegative("alive_bonus", aliveBonus);
    }

    /** Whether this is the authors' direct-move maze. */
    public boolean direct() {
        return layout == Layout.DIRECT;
    }

    /** Whether starvation ends the episode for good (the paper) rather than only the alive bonus. */
    public boolean finalDeath() {
        return starvation == Starvation.DEATH;
    }

    /** This configuration with another layout, starvation rule and poison reward. */
    public MazeConfig with(Layout layout, Starvation starvation, double poisonReward) {
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
