package org.enu.task.tmaze;

import org.enu.network.EnuNetwork;
import org.enu.task.Rollout;

/**
 * Plays one genome of a {@link TMazeTask} on a batch of environments, action by action: sensors
 * and reward into the input neurons, the network stepped {@code stepsPerAction} times, the output
 * neuron with the largest summed channel-0 output picks the action. Reusable across genomes of the
 * same batch size; not thread-safe.
 */
public final class TMazeEpisodes implements Rollout {
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

    private final TMazeTask task;
    private final EnuNetwork net;
    private final int m;
    private final double[] sums;
    private final int[] chosen;
    private TMaze[] mazes;
    private TMazeTask.Mapping[] maps;
    /** Stop stepping environments whose agent died (off only to test that it changes nothing). */
    boolean skipDead = true;

    TMazeEpisodes(TMazeTask task, int m) {
        this.task = task;
        this.m = m;
        this.net = task.newNetwork(m);
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
        int[] envAt = start(params, envKeys, training, offspring);
        double flopsBefore = net.flopsDone();
        int active = m;
        int firstOut = task.wiring().totalNeurons() - TMazeConfig.OUTPUT_NEURONS;
        int step = 0;
        for (int a = 0; a < task.actions(); a++) {
            if (skipDead) {
                active = retireFrozen(envAt, active);
                net.setActive(active);
            }
            setInputs(envAt, active);
            java.util.Arrays.fill(sums, 0);
            for (int k = 0; k < task.config().maze().stepsPerAction(); k++, step++) {
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
            act(envAt, active);
            if (observer != null) {
                observer.afterAction(a, chosen, mazes);
            }
        }
        task.addFlops(net.flopsDone() - flopsBefore);
        return mazes;
    }

    /** Loads the genome, makes the environments' mazes and mappings, resets the network; environment e in slot e. */
    private int[] start(float[] params, long[] envKeys, boolean training, int offspring) {
        if (envKeys.length != m) {
            throw new IllegalArgumentException("expected " + m + " environments, got " + envKeys.length);
        }
        net.load(params, task.layout().part("synapse").offset(), task.layout().part("neuron").offset());
        long[] nk = new long[m];
        mazes = new TMaze[m];
        maps = new TMazeTask.Mapping[m];
        int[] envAt = new int[m];
        boolean perMaze = task.config().wiringPerMaze();
        for (int e = 0; e < m; e++) {
            if (perMaze) { // a held-out maze after training ones gets the run's wiring back
                net.rewire(e, training ? task.config().mazeWiring(envKeys[e]) : task.wiring());
            }
            nk[e] = task.noiseKey(envKeys[e], offspring);
            mazes[e] = training ? task.trainingMaze(envKeys[e], e) : task.newMaze(envKeys[e]);
            maps[e] = task.mapping(envKeys[e]);
            envAt[e] = e;
        }
        net.reset(nk);
        return envAt;
    }

    /** Moves the environments whose agent is frozen behind the active ones; returns how many stay active. */
    private int retireFrozen(int[] envAt, int active) {
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
        return active;
    }

    /** Sensors and reward into the input neurons of every active slot. */
    private void setInputs(int[] envAt, int active) {
        for (int slot = 0; slot < active; slot++) {
            net.clearInputs(slot);
            TMaze z = mazes[envAt[slot]];
            if (z.frozen()) {
                continue;
            }
            TMazeTask.Mapping map = maps[envAt[slot]];
            for (int s = 0; s < TMaze.SENSORS; s++) {
                net.setInput(slot, map.sensorNeuron()[s], 0, z.sensor(s) ? 1f : 0f);
            }
            if (task.config().tasteColour() && z.lastEatenSensor() >= 0) { // the colour coincides with the taste
                net.setInput(slot, map.sensorNeuron()[z.lastEatenSensor()], 0, 1f);
            }
            double r = z.lastReward();
            net.setInput(slot, TMazeConfig.REWARD_NEURON, 1, (float) Math.max(r, 0));
            net.setInput(slot, TMazeConfig.REWARD_NEURON, 2, (float) Math.max(-r, 0));
        }
    }

    /** Every environment takes the action of its largest summed output (none if no sum is positive or it is inactive). */
    private void act(int[] envAt, int active) {
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
    }
}
