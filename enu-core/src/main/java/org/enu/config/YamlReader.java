package org.enu.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads configuration YAML strictly, so that what a file says is what a run uses: one document,
 * no duplicate keys, no aliases (an anchor is harmless until one refers to it) and no tags (so no
 * {@code !!binary}), only text, finite
 * numbers, integers of at most 64 bits, booleans, sections and lists. A file must be UTF-8 text
 * of at most {@link Limits#MAX_CONFIG_BYTES} bytes; it is refused before it is parsed otherwise.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** Thrown for text that is not YAML at all (a --set value is then taken as plain text). */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /** The text of a configuration file, refused early if it is large, binary or not a file. */
    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory, not a YAML file");
        }
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Limits.MAX_CONFIG_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + reason(e));
        }
        if (bytes.length > Limits.MAX_CONFIG_BYTES) {
            throw new ConfigException(file + ": larger than " + (Limits.MAX_CONFIG_BYTES >> 10)
                    + " kB; a configuration is a few kB of YAML (is it the right file?)");
        }
        return org.enu.io.SafeRead.utf8(bytes, file, ConfigException::new);
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName().replace("Exception", "");
    }

    /**
     * Parses one YAML document; null for an empty one.
     *
     * @param source names the text in errors (a file, or "--set key")
     * @throws SyntaxError     if the text is not YAML
     * @throws ConfigException if it uses a construct enu does not accept
     */
    static Object parse(String text, String source) {
        try (YAMLParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            Object v = value(p, source, "");
            if (p.nextToken() != null) {
                throw new ConfigException(source + ": line " + line(p) + ": a second YAML document ('---'); "
                        + "a configuration is one document");
            }
            return v;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().replace('\n', ' ');
            throw new SyntaxError(source + ": not valid YAML: " + msg
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new SyntaxError(source + ": cannot parse: " + e.getMessage());
        }
    }

    /** Plain decimal integers: no 0x / 0o / leading zeros (octal in YAML 1.1), no digit separators. */
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    /** Plain decimal numbers with an optional fraction and exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)?(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

    /**
     * Refuses the number forms YAML 1.1 accepts but a reader does not expect (0x10 is 16, 1_28 is
     * 128, 010 is 8): a configuration's numbers are plain decimals, read the same by every tool.
     */
    private static void requireDecimal(YAMLParser p, String where, Pattern form) throws IOException {
        String text = p.getText();
        if (!form.matcher(text).matches() || text.matches("[-+]?\\.?([eE].*)?")) {
            throw new ConfigException(where + "not a plain decimal number (hexadecimal, octal, leading zeros and _ "
                    + "separators are not accepted), got " + text);
        }
    }

    private static int line(YAMLParser p) {
        return p.currentLocation().getLineNr();
    }

    private static Object value(YAMLParser p, String source, String path) throws IOException {
        String where = source + ": " + (path.isEmpty() ? "" : path + ": ");
        if (p.isCurrentAlias()) {
            throw new ConfigException(where + "YAML aliases (*" + p.getText() + ") are not supported (line " + line(p) + ")");
        }
        if (p.getTypeId() != null) {
            String tag = p.getTypeId().replace("tag:yaml.org,2002:", "!!");
            tag = tag.startsWith("!") ? tag : "!" + tag;
            throw new ConfigException(where + "YAML tags (" + tag + ") are not supported (line " + line(p) + ")");
        }
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> mapping(p, source, path);
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p, source, path + "[" + l.size() + "]"));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                requireDecimal(p, where, INTEGER);
                Number n = p.getNumberValue();
                if (n instanceof BigInteger) {
                    throw new ConfigException(where + "integer out of range, got " + n);
                }
                yield n;
            }
            case VALUE_NUMBER_FLOAT -> real(p, where);
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new ConfigException(where + "unsupported value (" + t + ", line " + line(p) + ")");
        };
    }

    /** A mapping: its keys in order, each once. */
    private static Map<String, Object> mapping(YAMLParser p, String source, String path) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (m.containsKey(key)) {
                throw new ConfigException(source + ": " + keyPath + ": duplicate key (line " + line(p) + ")");
            }
            p.nextToken();
            m.put(key, value(p, source, keyPath));
        }
        return m;
    }

    /** A decimal number, finite and not so close to 0 that a float setting would read 0. */
    private static double real(YAMLParser p, String where) throws IOException {
        requireDecimal(p, where, DECIMAL);
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new ConfigException(where + "number out of range, got " + p.getText());
        }
        // many settings are floats: a value so close to 0 would silently become 0 there
        if (d != 0 && Math.abs(d) < Float.MIN_NORMAL) {
            throw new ConfigException(where + "number too close to 0 to be used (the smallest is about "
                    + Float.MIN_NORMAL + "), got " + p.getText());
        }
        return d;
    }
}
