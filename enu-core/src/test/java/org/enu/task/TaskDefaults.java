package org.enu.task;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.enu.config.RecordBinder;
import org.enu.config.RunConfig;
import org.enu.task.iaf.IafConfig;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.tmaze.MazeConfig;
import org.enu.task.tmaze.TMazeConfig;

/**
 * Task settings for tests: the task's section bound from its defaults file (the one place every
 * default lives), with some components replaced. {@code iaf("steps", 30, "loss", "spike_distance")}
 * is the defaults with steps 30 and the spike-distance loss; keys are the configuration's
 * (snake_case), an enum takes its lower-case name, a key of a nested record (the T-maze's maze) is
 * found there. The record is rebuilt through its constructor, so a bad value fails as it would.
 */
public final class TaskDefaults {
    private TaskDefaults() {
    }

    public static IafConfig iaf(Object... keyValues) {
        return with(RecordBinder.bind(IafConfig.class, RunConfig.schema("iaf"), "iaf"), keyValues);
    }

    public static StdpConfig stdp(Object... keyValues) {
        return with(RecordBinder.bind(StdpConfig.class, RunConfig.schema("stdp"), "stdp"), keyValues);
    }

    public static TMazeConfig tmaze(Object... keyValues) {
        return with(RecordBinder.bind(TMazeConfig.class, RunConfig.schema("tmaze"), "tmaze"), keyValues);
    }

    /** The maze's settings: the defaults file's, with these replaced. */
    public static MazeConfig maze(Object... keyValues) {
        return with(tmaze().maze(), keyValues);
    }

    /** A record with some components replaced (key, value, key, value, ...), built once. */
    public static <R extends Record> R with(R record, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key, value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        R out = replaced(record, values);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(values.keySet() + ": not settings of " + record.getClass().getSimpleName());
        }
        return out;
    }

    /** The record with the components the map names replaced (nested records too); those are removed from it. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R replaced(R record, Map<String, Object> values) {
        RecordComponent[] parts = record.getClass().getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = parts[i].getAccessor().invoke(record);
                String name = parts[i].getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                if (values.containsKey(name)) {
                    args[i] = converted(types[i], values.remove(name));
                } else if (types[i].isRecord()) {
                    args[i] = replaced((Record) args[i], values);
                }
            }
            Constructor<?> c = record.getClass().getDeclaredConstructor(types);
            return (R) c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object converted(Class<?> type, Object value) {
        if (type.isEnum() && value instanceof String s) {
            return Enum.valueOf((Class<? extends Enum>) type, s.toUpperCase(Locale.ROOT));
        }
        if (value instanceof Number n) {
            if (type == double.class) {
                return n.doubleValue();
            }
            if (type == float.class) {
                return n.floatValue();
            }
            if (type == long.class) {
                return n.longValue();
            }
            if (type == int.class) {
                return n.intValue();
            }
        }
        return value;
    }
}
