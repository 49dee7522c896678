package org.enu.config;

import java.util.Map;

/**
 * Checks a configuration tree against a schema tree of defaults: every key must exist in the
 * schema and every value must have the schema's type (integer, number, boolean, text or section).
 * Errors name the key path.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static void check(Map<String, Object> node, Map<String, Object> schema, String prefix) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String key = prefix + e.getKey();
            if (!schema.containsKey(e.getKey())) {
                String known = String.join(", ", schema.keySet());
                throw new ConfigException(key + ": unknown key (known here: " + known + ")");
            }
            Object want = schema.get(e.getKey());
            Object got = e.getValue();
            if (want instanceof Map) {
                if (!(got instanceof Map)) {
                    throw new ConfigException(key + ": expected a section of keys, got " + ConfigTree.describe(got));
                }
                check(ConfigTree.asMap(got), ConfigTree.asMap(want), key + ".");
            } else if (got instanceof Map) {
                throw new ConfigException(key + ": expected a single value, got a section");
            } else if (!sameType(want, got)) {
                throw new ConfigException(key + ": expected " + typeName(want) + ", got " + ConfigTree.describe(got));
            }
        }
    }

    private static boolean sameType(Object want, Object got) {
        if (want instanceof Boolean) {
            return got instanceof Boolean;
        }
        if (want instanceof Integer || want instanceof Long) {
            return got instanceof Integer || got instanceof Long
                    || (got instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15);
        }
        if (want instanceof Number) {
            return got instanceof Number;
        }
        if (want instanceof String) {
            return got instanceof String;
        }
        return true;
    }

    private static String typeName(Object want) {
        if (want instanceof Boolean) {
            return "true or false";
        }
        if (want instanceof Integer || want instanceof Long) {
            return "an integer";
        }
        if (want instanceof Number) {
            return "a number";
        }
        return "text";
    }
}
