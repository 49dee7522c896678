package org.enu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enu.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a configuration file or --set says is what the run uses, or it is refused on one line. */
class StrictConfigTest {
    @TempDir
    Path tmp;

    private ConfigException refused(String yaml) throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()) || !e.getMessage().contains(": "), e.getMessage());
        return e;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "seed: 1\\nseed: 2\\n                         | seed: duplicate key (line 2)",
        "es:\\n  sigma: 0.1\\n  sigma: 0.2\\n          | es.sigma: duplicate key (line 3)",
        "seed: 3\\n---\\nseed: 4\\n                  | a second YAML document",
        "seed: 3\\n---\\n                           | a second YAML document",
        "seed: !!binary aGVsbG8=\\n                  | seed: YAML tags (!!binary) are not supported",
        "seed: !!int 3\\n                           | seed: YAML tags (!!int) are not supported",
        "seed: !custom 3\\n                         | seed: YAML tags (!custom) are not supported",
        "seed: &a 3\\ngenerations: *a\\n           | generations: YAML aliases (*a) are not supported",
        "es: &e {sigma: 0.1}\\nenu: {<<: *e}\\n     | YAML aliases (*e) are not supported",
        "es: {sigma: 1e400}\\n                      | es.sigma: number out of range",
        "seed: 123456789012345678901234567890\\n     | seed: integer out of range",
        "es: [1, 2\\n                               | not valid YAML",
        "- 1\\n- 2\\n                                | top level must be a mapping",
    })
    void yamlThatCouldMeanSomethingElseIsRefused(String yaml, String expected) throws IOException {
        ConfigException e = refused(yaml.replace("\\n", "\n"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void binaryLargeAndOddFilesAreRefusedBeforeParsing() throws IOException {
        Path f = tmp.resolve("bin.yaml");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertEquals(f + ": not UTF-8 text (a binary file?)", e.getMessage());
        Files.write(f, "seed: 1\u0000\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", f, List.of()));
        assertTrue(e.getMessage().contains("NUL bytes"), e.getMessage());
        // 8 MB of comments: refused by size, without being read whole or parsed
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "# a comment line\n".repeat(500_000));
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", big, List.of()));
        assertTrue(e.getMessage().startsWith(big + ": larger than 1024 kB"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", tmp, List.of()));
        assertEquals(tmp + ": is a directory, not a YAML file", e.getMessage());
        e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", Path.of("/dev/zero"), List.of()));
        assertEquals("/dev/zero: not a regular file", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ".=1                    | --set .: not a key path",
        "es..sigma=1            | --set es..sigma: not a key path",
        ".es=1                  | --set .es: not a key path",
        "es.=1                  | --set es.: not a key path",
        "es sigma=1             | --set es sigma: not a key path",
        "=1                     | expected key.path=value",
        "es.sigma=              | es.sigma: --set needs a value",
        "es.sigma=~             | es.sigma: --set needs a value",
        "es.sigma=!!binary AA== | YAML tags (!!binary) are not supported",
        "es.sigma=*x            | YAML aliases",
        "es.sigma=[1]           | es.sigma: --set takes a single value",
        "task=stdp              | task: cannot be changed with --set",
        "preset=paper           | preset: cannot be changed with --set (use --preset NAME)",
        "es.sigma=1e400         | es.sigma: number out of range",
    })
    void oddSetOptionsAreRefused(String set, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.resolve("iaf", "quick", null, List.of(set)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void keyOrderIsTheSchemaOrderWhateverTheFileSays() throws IOException {
        RunConfig c = RunConfig.resolve("iaf", "quick", null, List.of("seed=5"));
        String yaml = c.tree().toYaml();
        assertTrue(yaml.startsWith("task: iaf\npreset: quick\nseed: 5\n"), yaml);
        // the same settings with every section and key listed in reverse order
        Path reversed = tmp.resolve("config.yaml");
        Files.writeString(reversed, reverse(yaml));
        assertFalse(Files.readString(reversed).startsWith("task"), "the file really is reordered");
        RunConfig back = RunConfig.load(reversed);
        assertEquals(yaml, back.tree().toYaml());
        assertEquals(RunDirectory.digest(c), RunDirectory.digest(back));
        // and a --config file whose keys come in another order resolves to the same text
        Path user = tmp.resolve("user.yaml");
        Files.writeString(user, "es:\n  momentum: 0.5\n  sigma: 0.02\nseed: 5\n");
        Path user2 = tmp.resolve("user2.yaml");
        Files.writeString(user2, "seed: 5\nes:\n  sigma: 0.02\n  momentum: 0.5\n");
        assertEquals(RunConfig.resolve("iaf", "quick", user, List.of()).tree().toYaml(),
                RunConfig.resolve("iaf", "quick", user2, List.of()).tree().toYaml());
    }

    /** A YAML text of nested sections with the keys of every section in reverse order. */
    private static String reverse(String yaml) {
        ConfigTree t = ConfigTree.parse(yaml, "x");
        return new ConfigTree(reversed(t.map())).toYaml();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> reversed(java.util.Map<String, Object> m) {
        java.util.List<String> keys = new java.util.ArrayList<>(m.keySet());
        java.util.Collections.reverse(keys);
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String k : keys) {
            Object v = m.get(k);
            out.put(k, v instanceof java.util.Map ? reversed((java.util.Map<String, Object>) v) : v);
        }
        return out;
    }

    @Test
    void textThatLooksLikeANumberSurvivesARoundTrip() {
        ConfigTree t = ConfigTree.parse("a: '3'\nb: 'true'\nc: 3\n", "x");
        ConfigTree back = ConfigTree.parse(t.toYaml(), "y");
        assertEquals("3", back.get("a"));
        assertEquals("true", back.get("b"));
        assertEquals(3, back.get("c"));
    }

    /**
     * A setting that is a real number takes a fraction from --set or a file: its default must not be
     * written as an integer (the schema check takes each key's kind from its default).
     */
    @Test
    void everyRealNumberSettingTakesAFraction() {
        int checked = 0;
        for (String name : org.enu.tasks.TaskRegistry.names()) {
            var type = org.enu.tasks.TaskRegistry.get(name);
            for (var c : type.settings().getRecordComponents()) {
                if (c.getType() != double.class) {
                    continue;
                }
                String key = name + "." + c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
                try {
                    RunConfig.resolve(name, "quick", null, List.of(key + "=0.375"));
                } catch (ConfigException e) {
                    // a value out of its range may be refused, but as a number
                    assertTrue(e.getMessage().startsWith(name + ".") && e.getMessage().contains(": must"), e.getMessage());
                }
                checked++;
            }
        }
        assertTrue(checked >= 15, "real-number settings checked: " + checked);
    }
}
