package org.enu.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafReport;
import org.enu.task.iaf.IafTask;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.stdp.StdpReport;
import org.enu.task.stdp.StdpTask;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeReport;
import org.enu.task.tmaze.TMazeTask;

/** The tasks by name. A new task is one entry here and a defaults file next to RunConfig. */
public final class TaskRegistry {
    private TaskRegistry() {
    }

    /** Integrate-and-fire; run directories made before iaf.loss, iaf.distance_cap, iaf.trace_weight and the margin term trained with the paper's loss. */
    public static final TaskType<IafConfig, IafTask> IAF = new TaskType<>("iaf", IafConfig.class,
            Map.ofEntries(Map.entry("loss", "isi"), Map.entry("distance_cap", 8), Map.entry("trace_weight", 0.0),
                    Map.entry("margin_weight", 0.0), Map.entry("margin", 0.01), Map.entry("teacher_forcing", 0.0),
                    Map.entry("potential_weight", 0.0), Map.entry("potential_scale", 1.0), Map.entry("potential_focus", 0.0),
                    Map.entry("potential_band", 0.1), Map.entry("consistency_weight", 0.0), Map.entry("segments", 4), Map.entry("potential_timing", 0.0)), (s, cell) -> new IafTask(s, cell.withInputs(1)), IafReport::new);
    /** Spike-timing-dependent plasticity. */
    public static final TaskType<StdpConfig, StdpTask> STDP = new TaskType<>("stdp", StdpConfig.class, Map.of(),
            (s, cell) -> new StdpTask(s, cell.withInputs(4)), StdpReport::new);
    /**
     * The T-maze; run directories made before tmaze.poison_green_probability, tmaze.taste_colour and
     * tmaze.swap_after_poison (and swap_after_poison_mazes, poison_first_mazes): either colour, no colour at the taste, swaps
     * only after food, as then.
     */
    public static final TaskType<TMazeConfig, TMazeTask> TMAZE = new TaskType<>("tmaze", TMazeConfig.class,
            Map.of("poison_green_probability", 0.5, "taste_colour", false, "swap_after_poison", false,
                    "swap_after_poison_mazes", 0.0, "poison_first_mazes", 0.0), TMazeTask::new, TMazeReport::new);

    private static final Map<String, TaskType<?, ?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (TaskType<?, ?> t : List.of(IAF, STDP, TMAZE)) {
            BY_NAME.put(t.name(), t);
        }
    }

    /** The registered names, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The task of a name. */
    public static TaskType<?, ?> get(String name) {
        TaskType<?, ?> t = BY_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown task '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return t;
    }
}
