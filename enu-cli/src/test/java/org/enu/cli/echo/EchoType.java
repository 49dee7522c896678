package org.enu.cli.echo;

import org.enu.task.TaskType;

/** The echo task; registered by enu-cli's test resources, META-INF/services/org.enu.task.TaskType. */
public final class EchoType extends TaskType<EchoConfig, EchoTask> {
    public EchoType() {
        super("echo", EchoConfig.class, "steps", EchoConfig::steps, EchoTask::new, EchoReport::new);
    }
}
