package org.enu.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.enu.config.ConfigException;
import org.enu.config.ConfigTree;
import org.enu.config.RecordBinder;
import org.enu.task.TaskType;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafTask;
import org.enu.task.iaf.IafType;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.stdp.StdpTask;
import org.enu.task.stdp.StdpType;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeTask;
import org.enu.task.tmaze.TMazeType;

/**
 * The tasks by name: every {@link TaskType} that {@link ServiceLoader} finds on the class path
 * ({@code META-INF/services/org.enu.task.TaskType}: enu-core lists iaf, stdp and tmaze; a plugin
 * jar or a test's resources may list more), in name order. A task is its type and its defaults
 * file {@code org/enu/config/NAME.yaml}. It sits above the task packages so that none of them
 * imports another; the typed constants are for the command line's task-specific commands.
 *
 * <p>The tasks are looked up once, on first use, and checked: a services line that names no
 * loadable class, a type that cannot be made, a name that cannot be a configuration section, a
 * defaults file that is missing or does not bind to the task's settings record, and two tasks of
 * one name are each a {@link ConfigException} of one line ({@code plugin: ...}), thrown by every
 * call after it too, so that {@code enu} reports it as bad input.
 */
public final class TaskRegistry {
    private TaskRegistry() {
    }

    /** Integrate-and-fire. */
    public static final TaskType<IafConfig, IafTask> IAF = new IafType();
    /** Spike-timing-dependent plasticity. */
    public static final TaskType<StdpConfig, StdpTask> STDP = new StdpType();
    /** The T-maze. */
    public static final TaskType<TMazeConfig, TMazeTask> TMAZE = new TMazeType();

    /** Where the defaults files lie on the class path. */
    public static final String DEFAULTS_DIR = "org/enu/config/";

    private static Map<String, TaskType<?, ?>> found;
    private static String failure;

    private static synchronized Map<String, TaskType<?, ?>> byName() {
        if (found == null && failure == null) {
            try {
                found = discover(TaskRegistry.class.getClassLoader());
            } catch (ConfigException e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            throw new ConfigException(failure);
        }
        return found;
    }

    /**
     * Every task type the loader's services files list, by name, each checked (see the class
     * comment).
     *
     * @throws ConfigException one line naming the plugin, its jar where known, and what is wrong
     */
    public static Map<String, TaskType<?, ?>> discover(ClassLoader loader) {
        Map<String, TaskType<?, ?>> out = new TreeMap<>();
        @SuppressWarnings("rawtypes") // a class literal of a generic type is raw
        Iterator<TaskType> it = ServiceLoader.load(TaskType.class, loader).iterator();
        while (true) {
            TaskType<?, ?> t;
            try {
                if (!it.hasNext()) {
                    break;
                }
                t = it.next();
            } catch (ServiceConfigurationError e) {
                throw new ConfigException("plugin: " + reason(e));
            } catch (LinkageError e) { // a class the type needs is missing, or built for a newer Java
                throw new ConfigException("plugin: a task type failed to load: " + reason(e));
            }
            String name = t.name();
            String where = t.getClass().getName() + " (" + location(t.getClass()) + ")";
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
                throw new ConfigException("plugin: " + where + ": task name '" + name
                        + "' must be lower-case letters, digits and '_', starting with a letter");
            }
            TaskType<?, ?> before = out.putIfAbsent(name, t);
            if (before != null && before.getClass() != t.getClass()) {
                throw new ConfigException("plugin: two tasks are named " + name + ": " + before.getClass().getName()
                        + " (" + location(before.getClass()) + ") and " + where);
            }
            checkDefaults(t, loader, where);
        }
        return out;
    }

    /**
     * The task's defaults file: present, valid YAML with a {@code defaults:} section that holds
     * the task's own section (which binds to its settings record) and a {@code quick} preset.
     */
    private static void checkDefaults(TaskType<?, ?> t, ClassLoader loader, String where) {
        String path = DEFAULTS_DIR + t.name() + ".yaml";
        URL url = loader.getResource(path);
        if (url == null) {
            throw new ConfigException("plugin: task " + t.name() + " of " + where + " has no defaults file " + path
                    + " on the class path");
        }
        String prefix = "plugin: task " + t.name() + ": " + path + ": ";
        ConfigTree file;
        try (InputStream in = url.openStream()) {
            file = ConfigTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new ConfigException(prefix + "cannot be read: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException("plugin: task " + t.name() + ": " + e.getMessage());
        }
        if (!(file.get("defaults." + t.name()) instanceof Map)) {
            throw new ConfigException(prefix + "has no section defaults." + t.name() + " (the task's own settings)");
        }
        if (!(file.get("presets.quick") instanceof Map)) {
            throw new ConfigException(prefix + "has no preset presets.quick (the preset enu train uses by default)");
        }
        try {
            RecordBinder.bind(t.settings(), file.section("defaults"), t.name());
        } catch (RuntimeException e) {
            throw new ConfigException(prefix + "its defaults do not bind to " + t.settings().getSimpleName() + ": "
                    + reason(e));
        }
    }

    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(": ").append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(" ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    /** The jar or directory a class was loaded from, for error messages. */
    private static String location(Class<?> c) {
        CodeSource s = c.getProtectionDomain().getCodeSource();
        return s == null || s.getLocation() == null ? "unknown location" : s.getLocation().getPath();
    }

    /** The registered names, in name order. */
    public static List<String> names() {
        return List.copyOf(byName().keySet());
    }

    /** The task of a name. */
    public static TaskType<?, ?> get(String name) {
        TaskType<?, ?> t = byName().get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown task '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return t;
    }
}
