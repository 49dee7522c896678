package org.enu.example.dtmaze;

import java.util.Map;
import org.enu.cell.EnuSpec;
import org.enu.task.TaskType;

/**
 * The double T-maze, task {@code double_tmaze}: registered by this jar's
 * {@code META-INF/services/org.enu.task.TaskType}, its defaults in
 * {@code org/enu/config/double_tmaze.yaml}.
 */
public final class DoubleTMazeType extends TaskType<DoubleTMazeConfig, DoubleTMazeTask> {
    public DoubleTMazeType() {
        super("double_tmaze", DoubleTMazeConfig.class, "trials", DoubleTMazeConfig::episodeSteps, DoubleTMazeTask::new,
                DoubleTMazeReport::new);
    }

    /** Every synapse and neuron is a unit with its state, per environment. */
    @Override
    protected long miniBatchBytes(DoubleTMazeConfig s, EnuSpec cell, long environments) {
        long units = (long) (s.hiddenNeurons() + 2) * (1 + s.synapsesPerNeuron());
        long unit = cell.memory() + cell.outputs() + 16L;
        return environments * (units * unit * 4 * 4 + 4096);
    }

    @Override
    public Map<String, Long> sizeLimits() {
        return Map.of("hidden_neurons", 1024L, "steps_per_phase", 1000L, "synapses_per_neuron", 1030L);
    }
}
