package org.enu.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration as a tree of nested maps with scalar leaves, and the operations that build the
 * resolved configuration of a run: read YAML, deep-merge, apply {@code key.path=value} overrides,
 * check every key and type against a schema tree of defaults, and read typed values by path with
 * errors that name the path.
 */
public final class ConfigTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final Map<String, Object> root;

    public ConfigTree(Map<String, Object> root) {
        this.root = root;
    }

    public Map<String, Object> map() {
        return root;
    }

    /**
     * Parses YAML text whose top level is a mapping; {@code source} names it in errors. The YAML
     * is read strictly ({@link YamlReader}): one document, no duplicate keys, no aliases or tags.
     */
    public static ConfigTree parse(String yaml, String source) {
        if (yaml.isBlank()) {
            return new ConfigTree(new LinkedHashMap<>());
        }
        Object v;
        try {
            v = YamlReader.parse(yaml, source);
        } catch (YamlReader.SyntaxError e) {
            throw new ConfigException(e.getMessage());
        }
        if (v == null) {
            return new ConfigTree(new LinkedHashMap<>());
        }
        if (!(v instanceof Map)) {
            throw new ConfigException(source + ": the top level must be a mapping of keys to values");
        }
        return new ConfigTree(copy(asMap(v)));
    }

    /** Reads a YAML file (at most {@link Limits#MAX_CONFIG_BYTES} bytes of UTF-8 text). */
    public static ConfigTree read(Path file) {
        return parse(YamlReader.readText(file), file.toString());
    }

    /** Parsed resources: binding a configuration reads the defaults files for every curriculum stage. */
    private static final Map<String, ConfigTree> RESOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads a YAML resource of this package (parsed once; each caller gets its own copy). */
    public static ConfigTree resource(String name) {
        ConfigTree parsed = RESOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = ConfigTree.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + n);
                }
                return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new ConfigTree(copy(parsed.root));
    }

    /** This tree as YAML text. */
    public String toYaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy of this tree with {@code over} merged on top (maps merge, scalars replace). */
    public ConfigTree merge(ConfigTree over) {
        Map<String, Object> out = copy(root);
        mergeInto(out, over.root);
        return new ConfigTree(out);
    }

    private static void mergeInto(Map<String, Object> dst, Map<String, Object> src) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            Object cur = dst.get(e.getKey());
            if (cur instanceof Map && e.getValue() instanceof Map) {
                mergeInto(asMap(cur), asMap(e.getValue()));
            } else {
                dst.put(e.getKey(), e.getValue() instanceof Map ? copy(asMap(e.getValue())) : e.getValue());
            }
        }
    }

    /**
     * A copy of this tree with one {@code key.path=value} override applied; the value is read as
     * a YAML scalar (so 0.02 is a number, true a boolean).
     */
    public ConfigTree set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected key.path=value");
        }
        String path = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1).trim();
        String[] parts = path.split("\\.", -1);
        for (String part : parts) {
            if (!KEY.matcher(part).matches()) {
                throw new ConfigException("--set " + path + ": not a key path (expected names of letters, digits and _ "
                        + "joined by dots, e.g. es.sigma)");
            }
        }
        if (text.isEmpty()) {
            throw new ConfigException(path + ": --set needs a value");
        }
        Object value;
        try {
            value = YamlReader.parse(text, "--set " + path);
        } catch (YamlReader.SyntaxError e) {
            value = text;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ConfigException(path + ": --set takes a single value, got " + text);
        }
        if (value == null) {
            throw new ConfigException(path + ": --set needs a value, got " + text);
        }
        Map<String, Object> out = copy(root);
        Map<String, Object> node = out;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = node.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                node.put(parts[i], next);
            }
            node = asMap(next);
        }
        node.put(parts[parts.length - 1], value);
        return new ConfigTree(out);
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_]+");

    /**
     * A copy of this tree with its keys in the order of the schema's (recursively; keys the
     * schema lacks keep their order after them), so that a configuration's text and digest do not
     * depend on the order in which a file listed its keys.
     */
    public ConfigTree orderedLike(ConfigTree schema) {
        return new ConfigTree(ordered(root, schema.root));
    }

    private static Map<String, Object> ordered(Map<String, Object> node, Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : schema.keySet()) {
            if (node.containsKey(k)) {
                Object v = node.get(k);
                out.put(k, v instanceof Map && schema.get(k) instanceof Map ? ordered(asMap(v), asMap(schema.get(k)))
                        : v instanceof Map ? copy(asMap(v)) : v);
            }
        }
        for (Map.Entry<String, Object> e : node.entrySet()) {
            if (!out.containsKey(e.getKey())) {
                out.put(e.getKey(), e.getValue() instanceof Map ? copy(asMap(e.getValue())) : e.getValue());
            }
        }
        return out;
    }

    /**
     * Checks that every key of this tree exists in the schema and that every value has the
     * schema's type (integer, number, boolean, text or section).
     */
    public void checkAgainst(ConfigTree schema) {
        SchemaCheck.check(root, schema.root, "");
    }

    /** A value as an error message shows it. */
    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof byte[]) {
            return "binary data";
        }
        return String.valueOf(v);
    }

    /** The value at a dotted path, or null. */
    public Object get(String path) {
        Object node = root;
        for (String p : path.split("\\.", -1)) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = asMap(node).get(p);
        }
        return node;
    }

    /** The sub-tree at a dotted path (empty if absent). */
    public ConfigTree section(String path) {
        Object v = get(path);
        return new ConfigTree(v instanceof Map ? asMap(v) : new LinkedHashMap<>());
    }

    private Object require(String path) {
        Object v = get(path);
        if (v == null) {
            throw new ConfigException(path + ": missing");
        }
        return v;
    }

    public long getLong(String path) {
        Object v = require(path);
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) {
            return d.longValue();
        }
        throw new ConfigException(path + ": expected an integer, got " + describe(v));
    }

    public int getInt(String path) {
        long v = getLong(path);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ConfigException(path + ": out of range, got " + v);
        }
        return (int) v;
    }

    public double getDouble(String path) {
        Object v = require(path);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConfigException(path + ": expected a number, got " + describe(v));
    }

    public boolean getBoolean(String path) {
        Object v = require(path);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ConfigException(path + ": expected true or false, got " + describe(v));
    }

    public String getString(String path) {
        Object v = require(path);
        if (v instanceof String s) {
            return s;
        }
        throw new ConfigException(path + ": expected text, got " + describe(v));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
        }
        return out;
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map) {
            return copy(asMap(v));
        }
        if (v instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>(l.size());
            for (Object x : l) {
                out.add(copyValue(x));
            }
            return out;
        }
        return v;
    }
}
