package org.enu.example.dtmaze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enu.cell.EnuSpec;
import org.enu.network.EnuNetwork;
import org.enu.network.NoiseTable;
import org.enu.network.Wiring;
import org.enu.rng.Keys;
import org.enu.task.EpisodeTrace;
import org.enu.task.GenomeLayout;
import org.enu.task.Rollout;
import org.enu.task.TrainingTask;

/**
 * A network of ENUs lives in a double T-maze ({@link DoubleTMaze}): every synapse is an ENU of one
 * shared kind, every neuron an ENU of another (two weight sets), wired sparsely at random
 * ({@link Wiring#randomSparse}). Whatever the agent learns in its life lives in the units' memories.
 *
 * <p>Input neurons, channel 0: 0 a junction (on in both junction phases), 1 an arm's end, 2 home,
 * 3 the reward just taken (in the end phase). Output neurons: the last two ENU neurons, "left" and
 * "right"; at the end of each junction phase the agent turns to the one whose channel-0 output,
 * summed over the phase, is larger (left on a tie). Fitness: the mean reward per trial.
 */
public final class DoubleTMazeTask implements TrainingTask {
    /** Input neurons: junction, end, home, reward. */
    public static final int INPUT_NEURONS = 4;
    static final int IN_JUNCTION = 0;
    static final int IN_END = 1;
    static final int IN_HOME = 2;
    static final int IN_REWARD = 3;

    private final DoubleTMazeConfig cfg;
    private final EnuSpec synSpec;
    private final EnuSpec neuSpec;
    private final Wiring wiring;
    private final GenomeLayout layout;
    private final NoiseTable noise;

    public DoubleTMazeTask(DoubleTMazeConfig cfg, EnuSpec cell) {
        this.cfg = cfg;
        int c = cell.outputs();
        this.synSpec = cell.withInputs(2 * c);
        this.neuSpec = cell.withInputs(c);
        this.wiring = Wiring.randomSparse(INPUT_NEURONS, cfg.hiddenNeurons() + 2, cfg.synapsesPerNeuron(),
                cfg.wiringSeed());
        this.layout = GenomeLayout.of(new String[] {"synapse", "neuron"}, new EnuSpec[] {synSpec, neuSpec});
        this.noise = cell.outputNoise() > 0 ? new NoiseTable(cell.outputNoise()) : null;
    }

    public DoubleTMazeConfig config() {
        return cfg;
    }

    public Wiring wiring() {
        return wiring;
    }

    @Override
    public String name() {
        return "double_tmaze";
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
        return cfg.episodeSteps() * wiring.units();
    }

    @Override
    public double flopsPerEpisode() {
        return cfg.episodeSteps() * wiring.flopsPerStep(synSpec, neuSpec);
    }

    @Override
    public Rollout newRollout() {
        return new Lives();
    }

    /** The maze of an environment. */
    public DoubleTMaze maze(long envKey) {
        return new DoubleTMaze(cfg, envKey);
    }

    /** Sees every network step of environment 0 (for traces). */
    interface Observer {
        void afterStep(int step, int trial, int phase, EnuNetwork net, int end);
    }

    /**
     * Plays lives with a network sized for the last batch; one per worker thread. Nothing here
     * depends on the thread or on the other offspring: a genome and the keys fix every number.
     */
    final class Lives implements Rollout {
        private EnuNetwork net;
        private List<DoubleTMaze> mazes = List.of();
        private long[] keys = new long[0];
        private final List<int[]> visits = new ArrayList<>();

        @Override
        public double fitness(float[] params, long[] envKeys) {
            play(params, envKeys, null);
            return Score.of(mazes, visits).reward();
        }

        List<DoubleTMaze> mazes() {
            return mazes;
        }

        List<int[]> visits() {
            return visits;
        }

        void play(float[] params, long[] envKeys, Observer observer) {
            int m = envKeys.length;
            if (!Arrays.equals(envKeys, keys)) {
                keys = envKeys.clone();
                List<DoubleTMaze> ms = new ArrayList<>();
                for (long k : envKeys) {
                    ms.add(maze(k));
                }
                mazes = ms;
            }
            if (net == null || visits.size() != m) {
                net = new EnuNetwork(wiring, synSpec, neuSpec, m, cfg.meanIntegration(), noise);
                visits.clear();
                for (int e = 0; e < m; e++) {
                    visits.add(new int[cfg.trials()]);
                }
            }
            long[] noiseKeys = new long[m];
            for (int e = 0; e < m; e++) {
                noiseKeys[e] = Keys.of(envKeys[e], Keys.STREAM_UNIT_NOISE);
            }
            GenomeLayout.Part s = layout.part("synapse");
            GenomeLayout.Part n = layout.part("neuron");
            net.load(params, s.offset(), n.offset());
            net.reset(noiseKeys);
            int left = wiring.totalNeurons() - 2;
            int right = wiring.totalNeurons() - 1;
            double[] sumLeft = new double[m];
            double[] sumRight = new double[m];
            int[] first = new int[m];
            int[] end = new int[m];
            int step = 0;
            for (int t = 0; t < cfg.trials(); t++) {
                for (int phase = 0; phase < DoubleTMaze.PHASES; phase++) {
                    for (int e = 0; e < m; e++) {
                        net.clearInputs(e);
                        switch (phase) {
                            case DoubleTMaze.JUNCTION_1, DoubleTMaze.JUNCTION_2 -> net.setInput(e, IN_JUNCTION, 0, 1f);
                            case DoubleTMaze.END -> {
                                net.setInput(e, IN_END, 0, 1f);
                                net.setInput(e, IN_REWARD, 0, (float) mazes.get(e).reward(t, end[e]));
                            }
                            default -> net.setInput(e, IN_HOME, 0, 1f);
                        }
                    }
                    Arrays.fill(sumLeft, 0);
                    Arrays.fill(sumRight, 0);
                    for (int k = 0; k < cfg.stepsPerPhase(); k++) {
                        net.step();
                        for (int e = 0; e < m; e++) {
                            sumLeft[e] += net.output(e, left, 0);
                            sumRight[e] += net.output(e, right, 0);
                        }
                        if (observer != null) {
                            observer.afterStep(step, t, phase, net, phase >= DoubleTMaze.END ? end[0] : -1);
                        }
                        step++;
                    }
                    if (phase == DoubleTMaze.JUNCTION_1) {
                        for (int e = 0; e < m; e++) {
                            first[e] = sumRight[e] > sumLeft[e] ? 1 : 0;
                        }
                    } else if (phase == DoubleTMaze.JUNCTION_2) {
                        for (int e = 0; e < m; e++) {
                            end[e] = DoubleTMaze.end(first[e] == 1, sumRight[e] > sumLeft[e]);
                            visits.get(e)[t] = end[e];
                        }
                    }
                }
            }
        }
    }

    /** Environment 0 of the keys, step by step. */
    EpisodeTrace trace(float[] params, long envKey) {
        List<String> cols = new ArrayList<>(List.of("step", "trial", "phase", "junction", "end", "home", "reward",
                "high_end", "visited_end"));
        int c = synSpec.outputs();
        for (int ch = 0; ch < c; ch++) {
            cols.add("left" + ch);
        }
        for (int ch = 0; ch < c; ch++) {
            cols.add("right" + ch);
        }
        EpisodeTrace trace = new EpisodeTrace(cols);
        Lives lives = new Lives();
        int left = wiring.totalNeurons() - 2;
        lives.play(params, new long[] {envKey}, (step, trial, phase, net, end) -> {
            double[] row = new double[cols.size()];
            row[0] = step;
            row[1] = trial;
            row[2] = phase;
            for (int i = 0; i < 4; i++) {
                row[3 + i] = net.output(0, i, 0);
            }
            row[7] = lives.mazes().get(0).highEnd(trial);
            row[8] = end;
            for (int ch = 0; ch < c; ch++) {
                row[9 + ch] = net.output(0, left, ch);
                row[9 + c + ch] = net.output(0, left + 1, ch);
            }
            trace.add(row);
        });
        return trace;
    }
}
