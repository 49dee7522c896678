package org.enu.tasks;

import org.enu.task.TaskType;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafReport;
import org.enu.task.iaf.IafTask;

/**
 * Task types that only {@link TaskRegistryTest} lists, each in a services file of its own in a
 * temporary directory: each is broken in one way a plugin can be. They reuse the iaf task's
 * classes; only their names and defaults files differ.
 */
public final class PluginFixtures {
    private PluginFixtures() {
    }

    /** A task of the given name built from the iaf task's classes. */
    abstract static class Named extends TaskType<IafConfig, IafTask> {
        Named(String name) {
            super(name, IafConfig.class, "steps", IafConfig::steps, IafTask::new, IafReport::new);
        }
    }

    /** Named like a built-in task. */
    public static final class SecondIaf extends Named {
        public SecondIaf() {
            super("iaf");
        }
    }

    /** Its defaults file is where the test puts it (or nowhere). */
    public static final class Plugged extends Named {
        public Plugged() {
            super("plugged");
        }
    }

    /** A name that cannot be a configuration section. */
    public static final class BadName extends Named {
        public BadName() {
            super("Bad-Name");
        }
    }

    /** Its constructor fails. */
    public static final class Failing extends Named {
        public Failing() {
            super(fail());
        }

        private static String fail() {
            throw new IllegalStateException("no licence file");
        }
    }
}
