package org.enu.tasks;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.enu.cell.EnuSpec;
import org.enu.task.TaskReport;
import org.enu.task.TrainingTask;

/**
 * One task by name: the record its configuration section binds to, the values of keys older run
 * directories lack, how to build the task from its settings and the run's ENU settings, and its
 * report.
 *
 * @param name     the task's name and configuration section
 * @param settings the settings record (components named like the section's keys)
 * @param absent   values of keys added after runs were made, by key: what those runs trained with
 * @param factory  builds the task
 * @param reports  builds the task's report
 */
public record TaskType<S extends Record, T extends TrainingTask>(String name, Class<S> settings,
                                                                 Map<String, Object> absent,
                                                                 BiFunction<S, EnuSpec, T> factory,
                                                                 Function<T, TaskReport> reports) {
    /** The task of bound settings (a record of {@link #settings()}). */
    public T create(Record bound, EnuSpec cell) {
        return factory.apply(settings.cast(bound), cell);
    }

    /** The report of the task of bound settings. */
    public TaskReport report(Record bound, EnuSpec cell) {
        return reports.apply(create(bound, cell));
    }
}
