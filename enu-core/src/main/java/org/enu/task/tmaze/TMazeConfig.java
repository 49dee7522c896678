package org.enu.task.tmaze;

/**
 * Settings of the T-maze task around the maze itself: the mini-batch, the network and how its
 * inputs and outputs meet the maze.
 *
 * @param environments      environments per offspring (the mini-batch m)
 * @param wiring            "paper" (the authors' 4-3-3 network, 8 synapses per neuron) or "random"
 * @param hiddenNeurons     hidden ENU neurons (random wiring only; the paper's has 3)
 * @param synapsesPerNeuron synapses per ENU neuron (random wiring only)
 * @param wiringSeed        seed of the random wiring
 * @param integration       a neuron's input is the "mean" (the authors' code) or the "sum" (the
 *                          paper) of its synapses' outputs
 * @param shuffleSensors    which sensors' input neurons are permuted per environment: "all" three,
 *                          only the two "colours" (the wall sensor keeps neuron 0), or "none"
 * @param shuffleActions    the mapping of output neurons to actions is shuffled per environment
 * @param maze              the maze's own settings
 * @param balanced          in training, environment e of a generation gets layout e mod 4 (poison
 *                          colour x side), so each of the four is played equally often when
 *                          environments is a multiple of 4; false: every layout drawn from its key
 * @param outputNoiseKey    "offspring": output noise keyed by offspring as well as environment and
 *                          step (the authors: independent for every offspring), or "environment":
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
 */
public record TMazeConfig(int environments, String wiring, int hiddenNeurons, int synapsesPerNeuron, long wiringSeed,
                          String integration, String shuffleSensors, boolean shuffleActions, MazeConfig maze,
                          boolean balanced, String outputNoiseKey, double initOutputBias, boolean tasteColour,
                          double swapAfterPoisonMazes, double poisonFirstMazes) {

    /** The settings before balanced sets, per-offspring noise and the output bias existed. */
    public TMazeConfig(int environments, String wiring, int hiddenNeurons, int synapsesPerNeuron, long wiringSeed,
                       String integration, String shuffleSensors, boolean shuffleActions, MazeConfig maze) {
        this(environments, wiring, hiddenNeurons, synapsesPerNeuron, wiringSeed, integration, shuffleSensors,
                shuffleActions, maze, false, "environment", 0, false, 0, 0);
    }

    /** Input neurons: three sensors (wall, green, red) and the reward neuron. */
    public static final int INPUT_NEURONS = 4;
    /** The reward neuron's index. */
    public static final int REWARD_NEURON = 3;
    /** Output neurons: one per movement action (forward, left, right). */
    public static final int OUTPUT_NEURONS = 3;

    public TMazeConfig {
        if (environments < 1) {
            throw new IllegalArgumentException("environments: must be >= 1, got " + environments);
        }
        if (!wiring.equals("paper") && !wiring.equals("random")) {
            throw new IllegalArgumentException("wiring: expected paper or random, got '" + wiring + "'");
        }
        if (!integration.equals("mean") && !integration.equals("sum")) {
            throw new IllegalArgumentException("integration: expected mean or sum, got '" + integration + "'");
        }
        if (!outputNoiseKey.equals("offspring") && !outputNoiseKey.equals("environment")) {
            throw new IllegalArgumentException("output_noise_key: expected offspring or environment, got '"
                    + outputNoiseKey + "'");
        }
        if (!shuffleSensors.equals("all") && !shuffleSensors.equals("colours") && !shuffleSensors.equals("none")) {
            throw new IllegalArgumentException("shuffle_sensors: expected all, colours or none, got '" + shuffleSensors + "'");
        }
        if (!Double.isFinite(initOutputBias)) {
            throw new IllegalArgumentException("init_output_bias: must be a finite number, got " + initOutputBias);
        }
        if (!(swapAfterPoisonMazes >= 0 && swapAfterPoisonMazes <= 1)) {
            throw new IllegalArgumentException("swap_after_poison_mazes: must be a fraction in [0, 1], got "
                    + swapAfterPoisonMazes);
        }
        if (!(poisonFirstMazes >= 0 && poisonFirstMazes <= 1)) {
            throw new IllegalArgumentException("poison_first_mazes: must be a fraction in [0, 1], got "
                    + poisonFirstMazes);
        }
        if (hiddenNeurons < 0) {
            throw new IllegalArgumentException("hidden_neurons: must be >= 0, got " + hiddenNeurons);
        }
        int total = INPUT_NEURONS + hiddenNeurons + OUTPUT_NEURONS;
        if (synapsesPerNeuron < 1 || synapsesPerNeuron > total) {
            throw new IllegalArgumentException("synapses_per_neuron: must be in 1.." + total + ", got " + synapsesPerNeuron);
        }
    }

    /** Whether a neuron's input is the mean of its synapses' outputs (else their sum). */
    public boolean meanIntegration() {
        return integration.equals("mean");
    }

    /** Whether training maze e of a mini-batch of m is one where a poison also opens a swap opportunity. */
    public boolean swapAfterPoisonInTraining(int e, int m) {
        return maze.swapAfterPoison() || e >= m - (int) Math.round(swapAfterPoisonMazes * m);
    }

    /** Whether training maze e of a mini-batch of m is one whose poison goes to the arm entered first. */
    public boolean poisonFirstInTraining(int e, int m) {
        return e >= m - (int) Math.round(poisonFirstMazes * m);
    }

    /** Whether output noise is drawn per offspring (else shared by all offspring of an environment). */
    public boolean noisePerOffspring() {
        return outputNoiseKey.equals("offspring");
    }
}
