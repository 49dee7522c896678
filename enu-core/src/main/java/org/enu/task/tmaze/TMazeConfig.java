package org.enu.task.tmaze;

import org.enu.check.Check;

/**
 * Settings of the T-maze task around the maze itself: the mini-batch, the network and how its
 * inputs and outputs meet the maze.
 *
 * @param environments      environments per offspring (the mini-batch m)
 * @param wiring            paper (the authors' 4-3-3 network, 8 synapses per neuron) or random
 * @param hiddenNeurons     hidden ENU neurons (random wiring only; the paper's has 3)
 * @param synapsesPerNeuron synapses per ENU neuron (random wiring only)
 * @param wiringSeed        seed of the random wiring
 * @param integration       a neuron's input is the mean (the authors' code) or the sum (the
 *                          paper) of its synapses' outputs
 * @param shuffleSensors    which sensors' input neurons are permuted per environment: all three,
 *                          only the two colours (the wall sensor keeps neuron 0), or none
 * @param shuffleActions    the mapping of output neurons to actions is shuffled per environment
 * @param maze              the maze's own settings
 * @param balanced          in training, environment e of a generation gets layout e mod 4 (poison
 *                          colour x side), so each of the four is played equally often when
 *                          environments is a multiple of 4; false: every layout drawn from its key
 * @param outputNoiseKey    offspring: output noise keyed by offspring as well as environment and
 *                          step (the authors: independent for every offspring), or environment:
 *                          shared by all offspring
 * @param initOutputBias    starting bias of output channel 0 of every ENU neuron (0 = the authors'
 *                          initialisation; a positive value makes the untrained network act)
 * @param tasteColour       during the action after eating, the eaten item's colour sensor is on too,
 *                          beside the reward (a training aid: the colour and the taste coincide, as
 *                          in neuromodulated STDP); false: the maze as the authors have it, where the
 *                          colour is seen one move before the taste
 * @param swapAfterPoisonMazes in training, the fraction of a generation's mazes (the last ones of
 *                          the mini-batch, rounded to whole mazes) in which a poison also opens a
 *                          swap opportunity, whatever {@code maze.swapAfterPoison} says: a mix of
 *                          the final task and the world where learning from the poison's taste
 *                          pays; evaluation always uses {@code maze.swapAfterPoison}
 * @param poisonFirstMazes  in training, the fraction of a generation's mazes (the last ones) whose
 *                          poison waits in the arm the agent enters first
 * @param wiringPerMaze     in training, every maze draws its own random wiring of the configured
 *                          size, seeded from the maze's key (so never one of the small wiring
 *                          seeds a user names); held-out mazes keep {@code wiringSeed}
 */
public record TMazeConfig(int environments, Wiring wiring, int hiddenNeurons, int synapsesPerNeuron, long wiringSeed,
                          Integration integration, ShuffleSensors shuffleSensors, boolean shuffleActions, MazeConfig maze,
                          boolean balanced, OutputNoiseKey outputNoiseKey, double initOutputBias, boolean tasteColour,
                          double swapAfterPoisonMazes, double poisonFirstMazes, boolean wiringPerMaze) {
    /** The network: the authors' 4-3-3 or seeded random sparse wiring (config values: the lower-case names). */
    public enum Wiring { PAPER, RANDOM }

    /** A neuron's input: the mean or the sum of its synapses' outputs. */
    public enum Integration { MEAN, SUM }

    /** Which sensors' input neurons are permuted per environment. */
    public enum ShuffleSensors { ALL, COLOURS, NONE }

    /** What output noise is keyed by besides the environment and step. */
    public enum OutputNoiseKey { OFFSPRING, ENVIRONMENT }

    /** Input neurons: three sensors (wall, green, red) and the reward neuron. */
    public static final int INPUT_NEURONS = 4;
    /** The reward neuron's index. */
    public static final int REWARD_NEURON = 3;
    /** Output neurons: one per movement action (forward, left, right). */
    public static final int OUTPUT_NEURONS = 3;

    public TMazeConfig {
        Check.atLeast("environments", environments, 1);
        Check.finite("init_output_bias", initOutputBias);
        Check.fraction("swap_after_poison_mazes", swapAfterPoisonMazes);
        Check.fraction("poison_first_mazes", poisonFirstMazes);
        Check.atLeast("hidden_neurons", hiddenNeurons, 0);
        Check.inRange("synapses_per_neuron", synapsesPerNeuron, 1, INPUT_NEURONS + hiddenNeurons + OUTPUT_NEURONS);
        if (wiringPerMaze && wiring != Wiring.RANDOM) {
            throw new IllegalArgumentException("wiring_per_maze: needs wiring random (the paper's wiring has no seed), got "
                    + wiring.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The random wiring of training maze {@code envKey} when {@code wiring_per_maze} is on. */
    public org.enu.network.Wiring mazeWiring(long envKey) {
        return org.enu.network.Wiring.randomSparse(INPUT_NEURONS, hiddenNeurons + OUTPUT_NEURONS, synapsesPerNeuron,
                org.enu.rng.Keys.of(envKey, org.enu.rng.Keys.STREAM_WIRING));
    }

    /** The network these settings wire: the ENU neurons and their synapses. */
    public org.enu.network.Wiring network() {
        return wiring == Wiring.PAPER ? org.enu.network.Wiring.paper433()
                : org.enu.network.Wiring.randomSparse(INPUT_NEURONS, hiddenNeurons + OUTPUT_NEURONS, synapsesPerNeuron,
                        wiringSeed);
    }

    /** Whether a neuron's input is the mean of its synapses' outputs (else their sum). */
    public boolean meanIntegration() {
        return integration == Integration.MEAN;
    }

    /** Whether training maze e of a mini-batch of m is one where a poison also opens a swap opportunity. */
    public boolean swapAfterPoisonInTraining(int e, int m) {
        return maze.swapAfterPoison() || amongLast(e, m, swapAfterPoisonMazes);
    }

    /** Whether training maze e of a mini-batch of m is one whose poison goes to the arm entered first. */
    public boolean poisonFirstInTraining(int e, int m) {
        return amongLast(e, m, poisonFirstMazes);
    }

    /** Whether maze e of a mini-batch of m is among its last round(fraction · m). */
    private static boolean amongLast(int e, int m, double fraction) {
        return e >= m - (int) Math.round(fraction * m);
    }

    /** Whether output noise is drawn per offspring (else shared by all offspring of an environment). */
    public boolean noisePerOffspring() {
        return outputNoiseKey == OutputNoiseKey.OFFSPRING;
    }
}
