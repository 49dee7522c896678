package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;
import org.enu.cell.EnuSpec;
import org.enu.network.EnuNetwork;
import org.enu.network.NoiseTable;
import org.enu.network.Wiring;
import org.enu.rng.KeyedRandom;
import org.enu.rng.Keys;
import org.enu.task.EpisodeTrace;
import org.enu.task.GenomeLayout;
import org.enu.task.Rollout;
import org.enu.task.Task;

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
public final class TMazeTask implements Task {
    private final TMazeConfig cfg;
    private final MazeConfig maze;
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
        int c = cell.outputs();
        if (c < 3) {
            throw new IllegalArgumentException("outputs: the T-maze needs at least 3 channels, got " + c);
        }
        this.synSpec = cell.withInputs(2 * c);
        this.neuSpec = cell.withInputs(c);
        this.wiring = cfg.wiring().equals("paper") ? Wiring.paper433()
                : Wiring.randomSparse(TMazeConfig.INPUT_NEURONS, cfg.hiddenNeurons() + TMazeConfig.OUTPUT_NEURONS,
                        cfg.synapsesPerNeuron(), cfg.wiringSeed());
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

    public TMazeConfig config() {
        return cfg;
    }

    public Wiring wiring() {
        return wiring;
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
        return (long) maze.episodeSteps() * (wiring.synapses() + wiring.enuNeurons());
    }

    @Override
    public double flopsPerEpisode() {
        return maze.episodeSteps() * ((double) wiring.synapses() * synSpec.flopsPerStep()
                + (double) wiring.enuNeurons() * neuSpec.flopsPerStep());
    }

    @Override
    public double flopsComputed() {
        return flopsComputed.sum();
    }

    /** How one environment's sensors and actions meet the network. */
    public record Mapping(int[] sensorNeuron, int[] actionOf) {
    }

    /** The per-environment permutations of sensors to input neurons and output neurons to actions. */
    public Mapping mapping(long envKey) {
        int[] sensors = {0, 1, 2};
        int[] acts = {TMaze.FORWARD, TMaze.LEFT, TMaze.RIGHT};
        KeyedRandom rnd = new KeyedRandom(Keys.of(envKey, 0x5348554646L));
        if (cfg.shuffleSensors().equals("all")) {
            rnd.shuffle(sensors);
        } else if (cfg.shuffleSensors().equals("colours") && rnd.bernoulli(0.5)) {
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
        if (!cfg.balanced() || cfg.environments() % 4 != 0) {
            return newMaze(envKey);
        }
        int layout = maze.poisonGreenProbability() == 0.5 ? e & 3
                : (e & 2) | (TMaze.layoutOf(envKey, maze.poisonGreenProbability()) & 1);
        return new TMaze(maze, layout, Baselines.swapKey(envKey));
    }

    /** The output-noise key of an environment, and of an offspring in it (offspring < 0: none). */
    private long noiseKey(long envKey, int offspring) {
        long k = Keys.of(envKey, Keys.STREAM_UNIT_NOISE);
        return offspring >= 0 && cfg.noisePerOffspring() ? Keys.of(k, offspring) : k;
    }

    @Override
    public Rollout newRollout() {
        return new Episodes(cfg.environments());
    }

    /** A player of m environments at a time (for evaluation, traces and tests). */
    public Episodes newEpisodes(int m) {
        return new Episodes(m);
    }

    /** Observes an episode action by action (for traces and the terminal replay). */
    public interface Observer {
        /**
         * After the network's step {@code step} (0-based) of the batch. The network's rows are
         * slots, not environments: with a one-environment batch, slot 0 until the agent dies
         * (after that the network is no longer stepped).
         */
        default void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
        }

        /** After every environment has taken action {@code index}; chosen[e] is environment e's action. */
        default void afterAction(int index, int[] chosen, TMaze[] mazes) {
        }
    }

    /** Plays one genome on a batch of environments; reusable across genomes of the same batch size. */
    public final class Episodes implements Rollout {
        private final EnuNetwork net;
        private final int m;
        private final double[] sums;
        private final int[] chosen;
        private TMaze[] mazes;
        private Mapping[] maps;
        /** Stop stepping environments whose agent died (off only to test that it changes nothing). */
        boolean skipDead = true;

        Episodes(int m) {
            this.m = m;
            this.net = new EnuNetwork(wiring, synSpec, neuSpec, m, cfg.meanIntegration(), noise);
            this.sums = new double[m * TMazeConfig.OUTPUT_NEURONS];
            this.chosen = new int[m];
        }

        @Override
        public double fitness(float[] params, long[] envKeys) {
            return fitness(params, envKeys, 0);
        }

        /** Training: balanced layouts if configured, output noise keyed by the offspring. */
        @Override
        public double fitness(float[] params, long[] envKeys, int offspring) {
            play(params, envKeys, null, true, offspring);
            double f = 0;
            for (TMaze z : mazes) {
                f += z.fitness();
            }
            return f / m;
        }

        /**
         * Plays the episodes; returns the finished mazes, in environment order. Environments
         * whose agent has died are moved behind the living ones and no longer stepped: rows of
         * the network never influence each other, so this changes no number, and early in
         * evolution, when most agents starve, it skips most of the work.
         */
        public TMaze[] play(float[] params, long[] envKeys, Observer observer) {
            return play(params, envKeys, observer, false, -1);
        }

        private TMaze[] play(float[] params, long[] envKeys, Observer observer, boolean training, int offspring) {
            if (envKeys.length != m) {
                throw new IllegalArgumentException("expected " + m + " environments, got " + envKeys.length);
            }
            net.load(params, layout.part("synapse").offset(), layout.part("neuron").offset());
            long[] nk = new long[m];
            mazes = new TMaze[m];
            maps = new Mapping[m];
            int[] envAt = new int[m];
            for (int e = 0; e < m; e++) {
                nk[e] = noiseKey(envKeys[e], offspring);
                mazes[e] = training ? trainingMaze(envKeys[e], e) : newMaze(envKeys[e]);
                maps[e] = mapping(envKeys[e]);
                envAt[e] = e;
            }
            net.reset(nk);
            double flopsBefore = net.flopsDone();
            int active = m;
            int firstOut = wiring.totalNeurons() - TMazeConfig.OUTPUT_NEURONS;
            int step = 0;
            for (int a = 0; a < actions; a++) {
                if (skipDead) {
                    for (int slot = active - 1; slot >= 0; slot--) {
                        if (mazes[envAt[slot]].frozen()) {
                            int last = active - 1;
                            net.swapEnvironments(slot, last);
                            int t = envAt[slot];
                            envAt[slot] = envAt[last];
                            envAt[last] = t;
                            active--;
                        }
                    }
                    net.setActive(active);
                }
                for (int slot = 0; slot < active; slot++) {
                    net.clearInputs(slot);
                    TMaze z = mazes[envAt[slot]];
                    if (z.frozen()) {
                        continue;
                    }
                    Mapping map = maps[envAt[slot]];
                    for (int s = 0; s < TMaze.SENSORS; s++) {
                        net.setInput(slot, map.sensorNeuron()[s], 0, z.sensor(s) ? 1f : 0f);
                    }
                    double r = z.lastReward();
                    net.setInput(slot, TMazeConfig.REWARD_NEURON, 1, (float) Math.max(r, 0));
                    net.setInput(slot, TMazeConfig.REWARD_NEURON, 2, (float) Math.max(-r, 0));
                }
                java.util.Arrays.fill(sums, 0);
                for (int k = 0; k < maze.stepsPerAction(); k++, step++) {
                    if (active > 0) {
                        net.step();
                    }
                    for (int slot = 0; slot < active; slot++) {
                        for (int o = 0; o < TMazeConfig.OUTPUT_NEURONS; o++) {
                            sums[slot * TMazeConfig.OUTPUT_NEURONS + o] += net.output(slot, firstOut + o, 0);
                        }
                    }
                    if (observer != null) {
                        observer.afterStep(step, net, mazes);
                    }
                }
                for (int slot = 0; slot < m; slot++) {
                    int e = envAt[slot];
                    int best = -1;
                    double bestSum = 0;
                    for (int o = 0; slot < active && o < TMazeConfig.OUTPUT_NEURONS; o++) {
                        double v = sums[slot * TMazeConfig.OUTPUT_NEURONS + o];
                        if (v > bestSum) {
                            bestSum = v;
                            best = o;
                        }
                    }
                    chosen[e] = best < 0 ? TMaze.NONE : maps[e].actionOf()[best];
                    mazes[e].act(chosen[e]);
                }
                if (observer != null) {
                    observer.afterAction(a, chosen, mazes);
                }
            }
            flopsComputed.add(net.flopsDone() - flopsBefore);
            return mazes;
        }
    }

    /** Per-episode statistics of one agent (the evolved network, an untrained one, or a baseline) on the keys. */
    public List<Baselines.EpisodeStats> networkStats(float[] params, long[] envKeys) {
        List<Baselines.EpisodeStats> out = new ArrayList<>();
        int m = cfg.environments();
        Episodes ep = new Episodes(m);
        for (int from = 0; from < envKeys.length; from += m) {
            long[] batch = new long[m];
            for (int e = 0; e < m; e++) {
                // pad a short last batch by repeating its first key; only the real ones are kept
                batch[e] = envKeys[Math.min(from + e, envKeys.length - 1)];
            }
            TMaze[] done = ep.play(params, batch, null);
            for (int e = 0; e < m && from + e < envKeys.length; e++) {
                out.add(Baselines.EpisodeStats.of(done[e]));
            }
        }
        return out;
    }

    /** The summary metrics of a list of episodes (see {@link #metricDescriptions()}). */
    static LinkedHashMap<String, Double> summarize(List<Baselines.EpisodeStats> eps) {
        Baselines.Summary s = Baselines.Summary.of(eps);
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("fitness", s.meanFitness());
        m.put("fitness_stderr", s.stderrFitness());
        m.put("food_per_episode", s.meanFoods());
        m.put("poison_per_episode", s.meanPoisons());
        m.put("poison_reeat_rate", s.reEatRate());
        m.put("survival_steps", s.meanStepsAlive());
        m.put("food_arm_before_poison", s.foodArmBefore().mean());
        m.put("food_arm_before_poison_stderr", s.foodArmBefore().stderr());
        m.put("food_arm_after_poison", s.foodArmAfter().mean());
        m.put("food_arm_after_poison_stderr", s.foodArmAfter().stderr());
        m.put("food_arm_after_swap", s.foodArmAfterSwap().mean());
        m.put("food_arm_after_swap_stderr", s.foodArmAfterSwap().stderr());
        return m;
    }

    private long[] cachedKeys;
    private Map<String, LinkedHashMap<String, Double>> cachedBaselines;

    /** The baselines' metrics on the keys: random agent, best fixed policy, side learner, oracle learner. */
    @Override
    public synchronized Map<String, LinkedHashMap<String, Double>> baselineMetrics(long[] envKeys) {
        if (cachedBaselines != null && java.util.Arrays.equals(cachedKeys, envKeys)) {
            return cachedBaselines;
        }
        Map<String, LinkedHashMap<String, Double>> b = new LinkedHashMap<>();
        b.put("random", summarize(Baselines.stats(maze, Baselines.random(), envKeys, this::newMaze)));
        b.put("best_fixed", summarize(Baselines.stats(maze, Baselines.bestFixedPolicy(maze, envKeys, this::newMaze),
                envKeys, this::newMaze)));
        b.put("side_learner", summarize(Baselines.stats(maze, Baselines.sideLearner(), envKeys, this::newMaze)));
        b.put("oracle", summarize(Baselines.stats(maze, Baselines.oracle(), envKeys, this::newMaze)));
        for (LinkedHashMap<String, Double> v : b.values()) {
            addScores(v, b);
        }
        cachedKeys = envKeys.clone();
        cachedBaselines = b;
        return b;
    }

    /** Adds the scores relative to the baselines: normalised score and food as a fraction of the oracle's. */
    private static void addScores(LinkedHashMap<String, Double> m, Map<String, LinkedHashMap<String, Double>> b) {
        double r = b.get("random").get("fitness");
        double o = b.get("oracle").get("fitness");
        m.put("normalised_score", (m.get("fitness") - r) / (o - r));
        m.put("food_vs_oracle", m.get("food_per_episode") / b.get("oracle").get("food_per_episode"));
    }

    @Override
    public LinkedHashMap<String, Double> metrics(float[] params, long[] envKeys) {
        LinkedHashMap<String, Double> m = summarize(networkStats(params, envKeys));
        addScores(m, baselineMetrics(envKeys));
        return m;
    }

    @Override
    public LinkedHashMap<String, String> metricDescriptions() {
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        d.put("fitness", "the training fitness (higher is better)");
        d.put("fitness_stderr", "standard error of the mean fitness over the held-out episodes");
        d.put("food_per_episode", "food eaten per episode (higher is better)");
        d.put("poison_per_episode", "poison eaten per episode (lower is better)");
        d.put("poison_reeat_rate", "of episodes with a poison, the fraction that ate poison again (lower = one-shot learning)");
        d.put("survival_steps", "network steps alive per episode");
        d.put("food_arm_before_poison", "of the arm choices before the first poison, the fraction into the food arm "
                + "(mean over episodes; chance is below 0.5 here, see the random agent's column)");
        d.put("food_arm_after_poison", "the same after the first poison, before any later swap (higher = learned "
                + "from the poison)");
        d.put("food_arm_after_swap", "the same after a swap that followed the first poison (a side learner drops, "
                + "a colour learner turns back in the arm)");
        for (String k : List.of("food_arm_before_poison", "food_arm_after_poison", "food_arm_after_swap")) {
            d.put(k + "_stderr", "its standard error over episodes");
        }
        d.put("normalised_score", "(fitness - random) / (oracle - random): 0 = random agent, 1 = oracle learner");
        d.put("food_vs_oracle", "food per episode / the oracle learner's (higher is better)");
        return d;
    }

    @Override
    public EpisodeTrace trace(float[] params, long envKey) {
        int C = synSpec.outputs();
        int NI = wiring.inputNeurons();
        int NE = wiring.enuNeurons();
        int S = wiring.synapses();
        List<String> cols = new ArrayList<>(List.of("step", "action_index", "row", "col", "heading", "energy",
                "alive", "reward", "foods", "poisons", "swaps", "sensor_wall", "sensor_green", "sensor_red"));
        for (int i = 0; i < NI; i++) {
            for (int c = 0; c < C; c++) {
                cols.add("in" + i + "_out" + c);
            }
        }
        for (int s = 0; s < S; s++) {
            for (int k = 0; k < 2 * C; k++) {
                cols.add("syn" + s + "_in" + k);
            }
            for (int c = 0; c < C; c++) {
                cols.add("syn" + s + "_out" + c);
            }
        }
        for (int j = 0; j < NE; j++) {
            for (int k = 0; k < C; k++) {
                cols.add("n" + (NI + j) + "_in" + k);
            }
            for (int c = 0; c < C; c++) {
                cols.add("n" + (NI + j) + "_out" + c);
            }
        }
        cols.add("action");
        EpisodeTrace trace = new EpisodeTrace(cols);
        // a one-environment batch, so the trace replays exactly that environment
        Episodes ep = new Episodes(1);
        List<double[]> pending = new ArrayList<>();
        ep.play(params, new long[] {envKey}, new Observer() {
            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                TMaze z = mazes[0];
                double[] row = new double[cols.size()];
                int i = 0;
                row[i++] = step;
                row[i++] = step / maze.stepsPerAction();
                row[i++] = z.row();
                row[i++] = z.col();
                row[i++] = z.heading();
                row[i++] = z.energy();
                row[i++] = z.alive() ? 1 : 0;
                row[i++] = z.lastReward();
                row[i++] = z.foods();
                row[i++] = z.poisons();
                row[i++] = z.swaps();
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    row[i++] = z.sensor(s) ? 1 : 0;
                }
                for (int n = 0; n < NI; n++) {
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.output(0, n, c);
                    }
                }
                for (int s = 0; s < S; s++) {
                    for (int k = 0; k < 2 * C; k++) {
                        row[i++] = net.synapseInput(0, s, k);
                    }
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.synapseOutput(0, s, c);
                    }
                }
                for (int j = 0; j < NE; j++) {
                    for (int k = 0; k < C; k++) {
                        row[i++] = net.neuronInput(0, j, k);
                    }
                    for (int c = 0; c < C; c++) {
                        row[i++] = net.output(0, NI + j, c);
                    }
                }
                row[i] = -1; // filled in when the action is known
                pending.add(row);
            }

            @Override
            public void afterAction(int index, int[] chosen, TMaze[] mazes) {
                for (double[] row : pending) {
                    row[row.length - 1] = chosen[0];
                    trace.add(row);
                }
                pending.clear();
            }
        });
        return trace;
    }

    @Override
    public List<List<String>> tracePanels(EpisodeTrace trace) {
        int NI = wiring.inputNeurons();
        int first = wiring.totalNeurons() - TMazeConfig.OUTPUT_NEURONS;
        List<String> outs = new ArrayList<>();
        for (int o = 0; o < TMazeConfig.OUTPUT_NEURONS; o++) {
            outs.add("n" + (first + o) + "_out0");
        }
        List<String> sensors = new ArrayList<>();
        for (int i = 0; i < NI - 1; i++) {
            sensors.add("in" + i + "_out0");
        }
        return List.of(outs, List.of("action"), sensors, List.of("in" + TMazeConfig.REWARD_NEURON + "_out1", "in"
                + TMazeConfig.REWARD_NEURON + "_out2"), List.of("foods", "poisons", "swaps"), List.of("energy"));
    }

    /**
     * Plays one environment and hands a text frame per action to {@code frames}: the maze with the
     * agent and its heading, the sensor and reward inputs, the chosen action, energy and score.
     */
    public void replay(float[] params, long envKey, Consumer<String> frames) {
        Episodes ep = new Episodes(1);
        Mapping map = mapping(envKey);
        String[] names = maze.direct() ? new String[] {"right", "up", "down", "none"}
                : new String[] {"forward", "left", "right", "none"};
        String[] sensorNames = {"wall", "green", "red"};
        ep.play(params, new long[] {envKey}, new Observer() {
            private double prevReward;
            private boolean[] prevSensors = new boolean[TMaze.SENSORS];
            private boolean started;

            @Override
            public void afterStep(int step, EnuNetwork net, TMaze[] mazes) {
                if (step % maze.stepsPerAction() == 0) {
                    TMaze z = mazes[0];
                    prevReward = z.lastReward();
                    for (int s = 0; s < TMaze.SENSORS; s++) {
                        prevSensors[s] = z.sensor(s);
                    }
                    started = true;
                }
            }

            @Override
            public void afterAction(int index, int[] chosen, TMaze[] mazes) {
                TMaze z = mazes[0];
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(java.util.Locale.ROOT, "action %d/%d  steps %d-%d%n", index + 1, actions,
                        index * maze.stepsPerAction(), (index + 1) * maze.stepsPerAction() - 1));
                sb.append(z.render());
                StringBuilder seen = new StringBuilder();
                for (int s = 0; s < TMaze.SENSORS; s++) {
                    if (started && prevSensors[s]) {
                        seen.append(sensorNames[s]).append(" (input neuron ").append(map.sensorNeuron()[s]).append(") ");
                    }
                }
                sb.append(String.format(java.util.Locale.ROOT,
                        "saw: %s  reward in: %+.0f  chose: %s  -> reward %+.0f%n",
                        seen.length() == 0 ? "nothing " : seen.toString(), prevReward, names[chosen[0]], z.lastReward()));
                sb.append(String.format(java.util.Locale.ROOT,
                        "energy %.2f  alive %s  food %d  poison %d  fitness %.4f  (poison is %s)%n",
                        z.energy(), z.alive(), z.foods(), z.poisons(), z.fitness(), z.poisonIsGreen() ? "green" : "red"));
                frames.accept(sb.toString());
            }
        });
    }
}
