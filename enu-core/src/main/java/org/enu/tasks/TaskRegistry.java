package org.enu.tasks;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.enu.task.TaskType;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafTask;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.stdp.StdpTask;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeTask;

/**
 * The tasks by name: every {@link TaskType} that {@link ServiceLoader} finds on the class path
 * ({@code META-INF/services/org.enu.task.TaskType}: enu-core lists iaf, stdp and tmaze; a jar or a
 * test's resources may list more), in name order. A task is its type and its defaults file
 * {@code org/enu/config/NAME.yaml}. It sits above the task packages so that none of them imports
 * another; the typed constants are for the command line's task-specific commands.
 */
public final class TaskRegistry {
    private TaskRegistry() {
    }

    private static final Map<String, TaskType<?, ?>> BY_NAME = discover();

    /** Integrate-and-fire. */
    public static final TaskType<IafConfig, IafTask> IAF = typed("iaf");
    /** Spike-timing-dependent plasticity. */
    public static final TaskType<StdpConfig, StdpTask> STDP = typed("stdp");
    /** The T-maze. */
    public static final TaskType<TMazeConfig, TMazeTask> TMAZE = typed("tmaze");

    private static Map<String, TaskType<?, ?>> discover() {
        Map<String, TaskType<?, ?>> out = new TreeMap<>();
        for (TaskType<?, ?> t : ServiceLoader.load(TaskType.class, TaskRegistry.class.getClassLoader())) {
            TaskType<?, ?> before = out.putIfAbsent(t.name(), t);
            if (before != null && before.getClass() != t.getClass()) {
                throw new IllegalStateException("two tasks are named " + t.name() + ": " + before.getClass().getName()
                        + " and " + t.getClass().getName());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record, T extends org.enu.task.TrainingTask> TaskType<S, T> typed(String name) {
        return (TaskType<S, T>) get(name);
    }

    /** The registered names, in name order. */
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
