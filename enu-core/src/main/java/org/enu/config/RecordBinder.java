package org.enu.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a configuration section to a settings record by the record's component names: component
 * {@code stepsPerAction} reads key {@code SECTION.steps_per_action}, typed by the component's type
 * (int, long, float, double, boolean, String, or an enum, whose values are its constants' lower-case
 * names). A component that is itself a record reads its components from the same section (the
 * T-maze's maze settings sit beside the network's). The record's constructor validates; its
 * "field: reason" errors come back as "SECTION.field: reason". {@link RunConfig} binds the tree
 * merged over the defaults files, so a key that a run directory written before it existed lacks
 * takes its default, and every default lives in one place: its defaults file.
 *
 * <p>Every section is bound this way: {@code enu} to {@code EnuSpec}, {@code es} to
 * {@code EsParams}, {@code es.NAME} to each strategy's settings and each task's section to its
 * settings record ({@link RunConfig}).
 */
public final class RecordBinder {
    private RecordBinder() {
    }

    /**
     * The record of one section.
     *
     * @param given    values of components that are not configuration keys, by key (e.g. an ENU's
     *                 input count, which the task decides)
     */
    public static <R extends Record> R bind(Class<R> type, ConfigTree tree, String section,
                                            Map<String, Object> given) {
        RecordComponent[] parts = type.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            String key = snakeCase(parts[i].getName());
            args[i] = given.containsKey(key) ? given.get(key) : value(parts[i], tree, section, given);
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

    /** The record of one section, every component a configuration key. */
    public static <R extends Record> R bind(Class<R> type, ConfigTree tree, String section) {
        return bind(type, tree, section, Map.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(RecordComponent part, ConfigTree tree, String section, Map<String, Object> given) {
        Class<?> type = part.getType();
        if (type.isRecord()) {
            return bind((Class<? extends Record>) type, tree, section, given);
        }
        String path = section + "." + snakeCase(part.getName());
        if (type == int.class) {
            return tree.getInt(path);
        }
        if (type == long.class) {
            return tree.getLong(path);
        }
        if (type == double.class) {
            return tree.getDouble(path);
        }
        if (type == float.class) {
            return (float) tree.getDouble(path);
        }
        if (type == boolean.class) {
            return tree.getBoolean(path);
        }
        if (type == String.class) {
            return tree.getString(path);
        }
        if (type.isEnum()) {
            return constant((Class<? extends Enum>) type, path, tree.getString(path));
        }
        throw new IllegalStateException(path + ": no binding for a component of type " + type.getName());
    }

    /** The constant whose lower-case name is the value, or "key: expected a, b or c, got 'x'". */
    static <E extends Enum<E>> E constant(Class<E> type, String path, String value) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(value)) {
                return e;
            }
        }
        throw new ConfigException(path + ": expected " + choices(type) + ", got '" + value + "'");
    }

    /** An enum setting's value as configuration files write it: the constant's lower-case name. */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "a, b or c": the values an enum setting takes. */
    static String choices(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object e : type.getEnumConstants()) {
            names.add(name((Enum<?>) e));
        }
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
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
