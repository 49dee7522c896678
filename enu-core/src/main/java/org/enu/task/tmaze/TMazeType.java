package org.enu.task.tmaze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.bench.KernelBench;
import org.enu.cell.EnuSpec;
import org.enu.network.Wiring;
import org.enu.task.TaskType;

/** The T-maze (section {@code tmaze}). */
public final class TMazeType extends TaskType<TMazeConfig, TMazeTask> {
    /** Upper bound of tmaze.hidden_neurons. */
    public static final long MAX_HIDDEN_NEURONS = 1024;

    /** Memory and output sizes that enu bench times: 8/4, 16/8 and the defaults' 32/16. */
    private static final int[][] BENCH_SIZES = {{8, 4}, {16, 8}, {32, 16}};

    public TMazeType() {
        super("tmaze", TMazeConfig.class, "episode_steps", s -> s.maze().episodeSteps(), TMazeTask::new,
                TMazeReport::new);
    }

    /** Every neuron and synapse of the network is a unit with its state, per environment. */
    @Override
    protected long miniBatchBytes(TMazeConfig settings, EnuSpec cell, long environments) {
        Wiring w = settings.network();
        long unit = cell.memory() + cell.outputs() + 16L;
        return environments * (((long) w.enuNeurons() + w.synapses()) * unit * 4 * 4 + 4096);
    }

    @Override
    public Map<String, Long> sizeLimits() {
        return Map.of("hidden_neurons", MAX_HIDDEN_NEURONS);
    }

    /** The three unit sizes, every agent alive (energy 1000) so that each generation costs the same. */
    @Override
    public List<BenchCase> benchCases() {
        List<BenchCase> out = new ArrayList<>();
        for (int[] s : BENCH_SIZES) {
            out.add(new BenchCase("tmaze_m" + s[0], List.of("enu.memory=" + s[0], "enu.outputs=" + s[1],
                    "tmaze.energy_max=1000")));
        }
        return out;
    }

    /** The synapse and neuron calls of the paper's network with 8 environments, at each bench size. */
    @Override
    public List<KernelBench.Shape> kernelShapes() {
        Wiring paper = Wiring.paper433();
        int environments = 8;
        List<KernelBench.Shape> out = new ArrayList<>();
        for (int i = BENCH_SIZES.length - 1; i >= 0; i--) {
            int memory = BENCH_SIZES[i][0];
            int outputs = BENCH_SIZES[i][1];
            String size = memory == 32 ? "" : "_m" + memory;
            int synapses = environments * paper.synapses();
            int neurons = environments * paper.enuNeurons();
            out.add(new KernelBench.Shape("tmaze" + size + "_synapse_" + synapses + "x" + (3 * outputs + memory + 1),
                    synapses, 2 * outputs, memory, outputs));
            out.add(new KernelBench.Shape("tmaze" + size + "_neuron_" + neurons + "x" + (2 * outputs + memory + 1),
                    neurons, outputs, memory, outputs));
        }
        return out;
    }

    @Override
    public int benchWarmup() {
        return 3; // a T-maze generation is long
    }
}
