package org.enu.example.dtmaze;

import org.enu.check.Check;

/**
 * Settings of the double T-maze, bound from the {@code double_tmaze:} section by component name
 * ({@code stepsPerPhase} reads {@code steps_per_phase}); the defaults live in
 * {@code org/enu/config/double_tmaze.yaml}.
 *
 * @param environments      environments (lives) per offspring
 * @param trials            trials per life
 * @param stepsPerPhase     network steps of each of a trial's four phases
 * @param highReward        the reward at the high end
 * @param lowReward         the reward at the other three ends
 * @param moves             times the high reward moves to another end within a life
 * @param hiddenNeurons     hidden ENU neurons (beside the two output neurons)
 * @param synapsesPerNeuron presynaptic neurons of each ENU neuron, drawn at random
 * @param wiringSeed        the draw of the sparse wiring
 * @param meanIntegration   a neuron's input is the mean of its synapses' outputs (false: the sum)
 */
public record DoubleTMazeConfig(int environments, int trials, int stepsPerPhase, double highReward, double lowReward,
                                int moves, int hiddenNeurons, int synapsesPerNeuron, long wiringSeed,
                                boolean meanIntegration) {
    public DoubleTMazeConfig {
        Check.atLeast("environments", environments, 1);
        Check.atLeast("moves", moves, 0);
        // every stretch between moves is at least 4 trials long, so that the jittered moves stay apart
        Check.atLeast("trials", trials, 4 * (moves + 1));
        Check.atLeast("steps_per_phase", stepsPerPhase, 1);
        Check.finite("low_reward", lowReward);
        Check.above("high_reward", highReward, "low_reward", lowReward);
        Check.atLeast("hidden_neurons", hiddenNeurons, 0);
        Check.inRange("synapses_per_neuron", synapsesPerNeuron, 1, DoubleTMazeTask.INPUT_NEURONS + hiddenNeurons + 2);
    }

    /** Network steps of one life. */
    public long episodeSteps() {
        return (long) trials * DoubleTMaze.PHASES * stepsPerPhase;
    }
}
