package org.enu.task;

/**
 * The frame of a single-ENU task's report: the task it reports on, and the trace its episodes
 * give ({@link SingleEnuTask#trace}).
 *
 * @param <T> the task
 */
public abstract class SingleEnuReport<T extends SingleEnuTask<?, ?>> implements TaskReport {
    protected final T task;

    protected SingleEnuReport(T task) {
        this.task = task;
    }

    public final T task() {
        return task;
    }

    @Override
    public final EpisodeTrace trace(float[] params, long envKey) {
        return task.trace(params, envKey);
    }
}
