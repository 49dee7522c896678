package org.enu.cli.echo;

import org.enu.cell.EnuSpec;
import org.enu.task.TaskReport;
import org.enu.task.TaskType;

/** The echo task; registered by enu-cli's test resources, META-INF/services/org.enu.task.TaskType. */
public final class EchoType extends TaskType<EchoConfig, EchoTask> {
    public EchoType() {
        super("echo", EchoConfig.class, "steps");
    }

    @Override
    protected EchoTask newTask(EchoConfig settings, EnuSpec cell) {
        return new EchoTask(settings, cell);
    }

    @Override
    protected TaskReport newReport(EchoTask task) {
        return new EchoReport(task);
    }

    @Override
    protected long steps(EchoConfig settings) {
        return settings.steps();
    }
}
