package org.enu.task.tmaze;

import java.util.concurrent.atomic.DoubleAdder;
import org.enu.cell.EnuSpec;
import org.enu.network.EnuNetwork;
import org.enu.network.NoiseTable;
import org.enu.network.Wiring;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;
import org.enu.task.GenomeLayout;
import org.enu.task.Rollout;
import org.enu.task.TrainingTask;

/**
 * Learning within one lifetime in a T-maze (paper sections 3.2, 4.3, 4.4, Fig. 3, 8, 9): a
 * network of ENUs ({@link EnuNetwork}) controls an agent in a {@link TMaze} for one episode and
 * must find out by tasting which coloured item is poison. Every generation the network starts
 * blank: whatever it learns lives in the memories of its synapse and neuron ENUs.
 *
 * <p>Interface between network and maze, per action (maze {@code stepsPerAction} network steps):
 * input neuron {@code sensorNeuron[s]} carries sensor s (wall, green, red of the cell in front)
 * on channel 0, the reward neuron carries the last action's positive reward on channel 1 and its
 * negative reward on channel 2; the inputs stay for the whole action period. After the period,
 * the output neuron with the largest channel-0 output summed over the period picks its action
 * ({@code actionOf[k]}: forward, left or right); if every sum is 0, the agent does nothing. Both
 * mappings are permutations drawn per environment (so per generation), unless switched off.
 * Fitness is the maze's, averaged over the mini-batch.
 */
public final class TMazeTask implements TrainingTask {
    private final TMazeConfig cfg;
    private final MazeConfig maze;
    /** The maze where a poison also opens a swap opportunity (the mixed mini-batch's other world). */
    private final MazeConfig eitherTaste;
    private final EnuSpec synSpec;
    private final EnuSpec neuSpec;
    private final Wiring wiring;
    private final GenomeLayout layout;
    private final NoiseTable noise;
    private final int actions;
    private final DoubleAdder flopsComputed = new DoubleAdder();

    /**
     * @param cfg  task settings
     * @param cell the ENU settings shared by both kinds (its input count is replaced: 2C for
     *             synapses, C for neurons, with C = cell.outputs())
     */
    public TMazeTask(TMazeConfig cfg, EnuSpec cell) {
        this.cfg = cfg;
        this.maze = cfg.maze();
        this.eitherTaste = maze.withSwapAfterPoison(true);
        int c = cell.outputs();
        if (c < 3) {
            throw new IllegalArgumentException("outputs: the T-maze needs at least 3 channels, got " + c);
        }
        this.synSpec = cell.withInputs(2 * c);
        this.neuSpec = cell.withInputs(c);
        this.wiring = cfg.network();
        this.layout = GenomeLayout.of(new String[] {"synapse", "neuron"}, new EnuSpec[] {synSpec, neuSpec});
        this.noise = cell.outputNoise() > 0 ? new NoiseTable(cell.outputNoise()) : null;
        this.actions = maze.episodeSteps() / maze.stepsPerAction();
        if (cfg.initOutputBias() != 0 && !cell.bias()) {
            throw new IllegalArgumentException("bias: tmaze.init_output_bias needs enu.bias true (there is no bias to set)");
        }
    }

    /**
     * The layout's orthogonal start, with output channel 0 of the neuron kind biased by
     * {@code init_output_bias} (0: the authors' start). Measured in the direct maze with memory
     * 8: the untrained network walks into the arms for 7 of 8 seeds without a bias and 5 of 8 with
     * 0.2, which saturates every output alike (TrainingSetupTest); kept as an option.
     */
    @Override
    public float[] initialParameters(long seed) {
        float[] theta = layout.initialParameters(seed);
        if (cfg.initOutputBias() != 0) {
            GenomeLayout.Part p = layout.part("neuron");
            EnuSpec s = p.spec();
            theta[p.offset() + s.offsetO() + s.memory()] = (float) cfg.initOutputBias();
        }
        return theta;
    }

    @Override
    public String name() {
        return "tmaze";
    }

    @Override
    public GenomeLayout layout() {
        return layout;
    }

    @Override
    public int environments() {
        return cfg.environments();
    }

    @Override
    public long enuStepsPerEpisode() {
        return (long) maze.episodeSteps() * wiring.units();
    }

    @Override
    public double flopsPerEpisode() {
        return maze.episodeSteps() * wiring.flopsPerStep(synSpec, neuSpec);
    }

    @Override
    public double flopsComputed() {
        return flopsComputed.sum();
    }

    /** Counts kernel flops computed by a rollout. */
    void addFlops(double flops) {
        flopsComputed.add(flops);
    }

    TMazeConfig config() {
        return cfg;
    }

    Wiring wiring() {
        return wiring;
    }

    /** A network of this task's wiring and ENU kinds for m environments (output channels: {@code channels}). */
    EnuNetwork newNetwork(int m) {
        return new EnuNetwork(wiring, synSpec, neuSpec, m, cfg.meanIntegration(), noise);
    }

    /** Output channels of every ENU (C: synapses take 2C inputs, neurons C). */
    int channels() {
        return synSpec.outputs();
    }

    /** Actions per episode. */
    int actions() {
        return actions;
    }

    /** How one environment's sensors and actions meet the network. */
    public record Mapping(int[] sensorNeuron, int[] actionOf) {
    }

    /** The per-environment permutations of sensors to input neurons and output neurons to actions. */
    public Mapping mapping(long envKey) {
        int[] sensors = {0, 1, 2};
        int[] acts = {TMaze.FORWARD, TMaze.LEFT, TMaze.RIGHT};
        KeyedRandom rnd = new KeyedRandom(Keys.of(envKey, 0x5348554646L));
        if (cfg.shuffleSensors() == TMazeConfig.ShuffleSensors.ALL) {
            rnd.shuffle(sensors);
        } else if (cfg.shuffleSensors() == TMazeConfig.ShuffleSensors.COLOURS && rnd.bernoulli(0.5)) {
            sensors[TMaze.SENSOR_GREEN] = 2;
            sensors[TMaze.SENSOR_RED] = 1;
        }
        if (cfg.shuffleActions()) {
            rnd.shuffle(acts);
        }
        return new Mapping(sensors, acts);
    }

    /** The maze of an environment: its own key for the layout, a derived key for the swap schedule. */
    public TMaze newMaze(long envKey) {
        return new TMaze(maze, envKey, Baselines.swapKey(envKey));
    }

    /**
     * The maze of training environment e of a generation: layout e mod 4 when the sets are
     * balanced and the mini-batch is a multiple of 4 (else, as always, the layout its key draws).
     * When the poison colour is biased ({@code poison_green_probability} not 0.5) only the side is
     * balanced; the colour is drawn from the key with that probability.
     */
    TMaze trainingMaze(long envKey, int e) {
        boolean poisonFirst = cfg.poisonFirstInTraining(e, cfg.environments());
        MazeConfig world = poisonFirst || cfg.swapAfterPoisonInTraining(e, cfg.environments()) ? eitherTaste : maze;
        TMaze m;
        if (!cfg.balanced() || cfg.environments() % 4 != 0) {
            m = new TMaze(world, envKey, Baselines.swapKey(envKey));
        } else {
            int layout = maze.poisonGreenProbability() == 0.5 ? e & 3
                    : (e & 2) | (TMaze.layoutOf(envKey, maze.poisonGreenProbability()) & 1);
            m = new TMaze(world, layout, Baselines.swapKey(envKey));
        }
        return poisonFirst ? m.poisonInFirstArm() : m;
    }

    /** The output-noise key of an environment, and of an offspring in it (offspring < 0: none). */
    long noiseKey(long envKey, int offspring) {
        long k = Keys.of(envKey, Keys.STREAM_UNIT_NOISE);
        return offspring >= 0 && cfg.noisePerOffspring() ? Keys.of(k, offspring) : k;
    }

    @Override
    public Rollout newRollout() {
        return new TMazeEpisodes(this, cfg.environments());
    }

    /** A player of m environments at a time (for evaluation, traces and tests). */
    public TMazeEpisodes newEpisodes(int m) {
        return new TMazeEpisodes(this, m);
    }
}
