package org.enu.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Binds a configuration section to a settings record by the record's component names: component
 * {@code stepsPerAction} reads key {@code SECTION.steps_per_action}, typed by the component's type
 * (int, long, double, boolean, String). A component that is itself a record reads its components
 * from the same section (the T-maze's maze settings sit beside the network's). The record's
 * constructor validates; its "field: reason" errors come back as "SECTION.field: reason".
 */
public final class RecordBinder {
    private RecordBinder() {
    }

    /**
     * The record of one section.
     *
     * @param absent values of keys that older run directories lack, by key (without the section),
     *               as documented for each: a key missing from the tree takes this value
     */
    public static <R extends Record> R bind(Class<R> type, ConfigTree tree, String section, Map<String, Object> absent) {
        RecordComponent[] parts = type.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            args[i] = value(parts[i], tree, section, absent);
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new ConfigException(section + "." + bad.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(RecordComponent part, ConfigTree tree, String section, Map<String, Object> absent) {
        Class<?> type = part.getType();
        if (type.isRecord()) {
            return bind((Class<? extends Record>) type, tree, section, absent);
        }
        String key = snakeCase(part.getName());
        String path = section + "." + key;
        if (tree.get(path) == null && absent.containsKey(key)) {
            return absent.get(key);
        }
        if (type == int.class) {
            return tree.getInt(path);
        }
        if (type == long.class) {
            return tree.getLong(path);
        }
        if (type == double.class) {
            return tree.getDouble(path);
        }
        if (type == boolean.class) {
            return tree.getBoolean(path);
        }
        if (type == String.class) {
            return tree.getString(path);
        }
        throw new IllegalStateException(path + ": no binding for a component of type " + type.getName());
    }

    /** stepsPerAction -> steps_per_action. */
    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
