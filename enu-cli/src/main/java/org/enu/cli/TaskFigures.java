package org.enu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.tasks.TaskRegistry;

/** What {@code enu plot} draws for one task, registered by the task's name. */
interface TaskFigures {
    /** Which trace columns a plot of an episode shows, one list per stacked panel. */
    List<List<String>> panels(EpisodeTrace trace);

    /** The task's own figures, as PNG bytes by file under {@code plots}. */
    default void draw(RunConfig cfg, Genome genome, HeldOutEpisode episode, Path plots, Map<Path, byte[]> out)
            throws IOException {
    }

    /** The figures of a task by name; a task without its own: the first three trace columns, one per panel. */
    static TaskFigures of(String task) {
        return Builtin.BY_TASK.getOrDefault(task, trace -> {
            List<List<String>> panels = new ArrayList<>();
            for (int i = 1; i < Math.min(4, trace.columns().size()); i++) {
                panels.add(List.of(trace.columns().get(i)));
            }
            return panels;
        });
    }

    /**
     * The figures of enu's own tasks, in a class of their own: built in this interface's
     * initialiser, they would initialise its implementations while it is itself initialising.
     */
    final class Builtin {
        static final Map<String, TaskFigures> BY_TASK = Map.of(TaskRegistry.IAF.name(), new IafFigures(),
                TaskRegistry.STDP.name(), new StdpFigures(), TaskRegistry.TMAZE.name(), new TMazeFigures());

        private Builtin() {
        }
    }
}
