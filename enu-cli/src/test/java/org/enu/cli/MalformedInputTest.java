package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed configuration files and options, each through the whole command line: exit code 2,
 * one line {@code enu: error: <key or file>: <reason>}, no stack trace, and no file anywhere
 * created, changed or removed.
 */
class MalformedInputTest {
    @TempDir
    static Path root;
    static Path iafRun;

    @BeforeAll
    static void setUp() throws IOException {
        iafRun = root.resolve("iaf-run");
        CliTest.Result r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "3",
                "--out", iafRun.toString())));
        assertEquals(0, r.code(), r.err());
        Files.createDirectories(root.resolve("busy"));
        Files.writeString(root.resolve("busy/notes.txt"), "precious");
        Files.writeString(root.resolve("a-file"), "not a directory");
        Files.writeString(root.resolve("exists.csv"), "keep");
        Files.createDirectories(root.resolve("csv-dir"));
        config("dup-top.yaml", "seed: 1\nseed: 2\n");
        config("dup-nested.yaml", "es:\n  sigma: 0.1\n  sigma: 0.2\n");
        config("two-docs.yaml", "seed: 1\n---\nseed: 2\n");
        config("binary-tag.yaml", "seed: !!binary aGVsbG8=\n");
        config("custom-tag.yaml", "es:\n  sigma: !weird 0.1\n");
        config("alias.yaml", "seed: &s 4\ngenerations: *s\n");
        Files.write(root.resolve("binary.yaml"), new byte[] {0x7f, 0x45, 0x4c, 0x46, (byte) 0xff, 0, 0, 2});
        config("nul.yaml", "seed: 1\u0000\n");
        Files.write(root.resolve("latin1.yaml"), "seed: 1 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        config("huge.yaml", "# padding\n".repeat(120_000));
        config("list.yaml", "- 1\n- 2\n");
        config("scalar.yaml", "42\n");
        config("syntax.yaml", "es: [1, 2\n");
        config("tab.yaml", "es:\n\tsigma: 0.1\n");
        config("unknown.yaml", "colour: blue\n");
        config("unknown-nested.yaml", "es:\n  sigmaa: 0.1\n");
        config("wrong-type.yaml", "es:\n  sigma: abc\n");
        config("not-section.yaml", "es: 3\n");
        config("not-value.yaml", "seed: {a: 1}\n");
        config("list-value.yaml", "seed: [1, 2]\n");
        config("float-seed.yaml", "seed: 1.5e30\n");
        config("bigint.yaml", "seed: 123456789012345678901234567890\n");
        config("overflow.yaml", "es:\n  sigma: 1e400\n");
        config("negative.yaml", "es:\n  offspring: -4\n");
        config("offspring.yaml", "es:\n  offspring: 1000000000\n");
        config("memory.yaml", "enu:\n  memory: 1000000\n");
        config("product.yaml", "iaf:\n  environments: 10000\n  steps: 10000\n");
        config("task.yaml", "task: stdp\n");
        config("preset.yaml", "preset: paper\n");
        config("curriculum.yaml", "curriculum: 3\n");
        config("stage-shape.yaml", "curriculum:\n  - from: 1\n    set: {enu.memory: 4}\n");
        config("threads.yaml", "threads: 5000\n");
        config("generations.yaml", "generations: -1\n");
        config("range.yaml", "iaf:\n  input_low: 0.5\n  input_high: 0.1\n");
        config("empty-key.yaml", "'': 1\n");
    }

    private static void config(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text);
    }

    private static Arguments train(String file, String expected) {
        return Arguments.of("config " + file, new String[] {"train", "iaf", "--config", root.resolve(file).toString(),
            "--out", root.resolve("new-run").toString()}, expected);
    }

    private static Arguments cmd(String expected, String... args) {
        List<String> a = new ArrayList<>();
        for (String s : args) {
            a.add(s.replace("RUN", iafRun.toString()).replace("ROOT", root.toString()));
        }
        return Arguments.of(args.length == 0 ? "(no arguments)" : String.join(" ", args), a.toArray(new String[0]), expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            train("dup-top.yaml", "dup-top.yaml: seed: duplicate key (line 2)"),
            train("dup-nested.yaml", "dup-nested.yaml: es.sigma: duplicate key (line 3)"),
            train("two-docs.yaml", "two-docs.yaml: line 3: a second YAML document"),
            train("binary-tag.yaml", "binary-tag.yaml: seed: YAML tags (!!binary) are not supported"),
            train("custom-tag.yaml", "custom-tag.yaml: es.sigma: YAML tags (!weird) are not supported"),
            train("alias.yaml", "alias.yaml: generations: YAML aliases (*s) are not supported"),
            train("binary.yaml", "binary.yaml: not UTF-8 text (a binary file?)"),
            train("nul.yaml", "nul.yaml: contains NUL bytes"),
            train("latin1.yaml", "latin1.yaml: not UTF-8 text"),
            train("huge.yaml", "huge.yaml: larger than 1024 kB"),
            train("list.yaml", "list.yaml: the top level must be a mapping"),
            train("scalar.yaml", "scalar.yaml: the top level must be a mapping"),
            train("syntax.yaml", "syntax.yaml: not valid YAML"),
            train("tab.yaml", "tab.yaml: not valid YAML"),
            train("unknown.yaml", "colour: unknown key"),
            train("unknown-nested.yaml", "es.sigmaa: unknown key"),
            train("wrong-type.yaml", "es.sigma: expected a number, got 'abc'"),
            train("not-section.yaml", "es: expected a section of keys"),
            train("not-value.yaml", "seed: expected a single value, got a section"),
            train("list-value.yaml", "seed: expected an integer, got a list"),
            train("float-seed.yaml", "seed: expected an integer"),
            train("bigint.yaml", "bigint.yaml: seed: integer out of range"),
            train("overflow.yaml", "overflow.yaml: es.sigma: number out of range"),
            train("negative.yaml", "es.offspring: must be >= 2"),
            train("offspring.yaml", "es.offspring: must be at most 100000"),
            train("memory.yaml", "enu.memory: must be at most 512"),
            train("product.yaml", "iaf.environments: 10000 environments of 10000 steps exceed the limit"),
            train("task.yaml", "task: the file is for task 'stdp', not iaf"),
            train("preset.yaml", "preset: the file names preset 'paper'"),
            train("curriculum.yaml", "curriculum: expected a list of stages"),
            train("stage-shape.yaml", "curriculum[0].set.enu.memory: cannot change within a run"),
            train("threads.yaml", "threads: must be at most 1024"),
            train("generations.yaml", "generations: must be >= 0"),
            train("range.yaml", "iaf.input_high: must be finite and > input_low"),
            train("empty-key.yaml", ": unknown key"),
            train("missing.yaml", "missing.yaml: no such file"),
            cmd("ROOT/csv-dir: is a directory, not a YAML file", "train", "iaf", "--config", "ROOT/csv-dir", "--out",
                "ROOT/new-run"),
            cmd("--set .: not a key path", "train", "iaf", "--set", ".=1", "--out", "ROOT/new-run"),
            cmd("--set =1: expected key.path=value", "train", "iaf", "--set", "=1", "--out", "ROOT/new-run"),
            cmd("--set es..sigma: not a key path", "train", "iaf", "--set", "es..sigma=1", "--out", "ROOT/new-run"),
            cmd("task: cannot be changed with --set", "train", "iaf", "--set", "task=stdp", "--out", "ROOT/new-run"),
            cmd("preset: cannot be changed with --set", "train", "iaf", "--set", "preset=paper", "--out", "ROOT/new-run"),
            cmd("es.sigma: --set needs a value", "train", "iaf", "--set", "es.sigma=", "--out", "ROOT/new-run"),
            cmd("es.offspring: must be at most 100000", "train", "iaf", "--set", "es.offspring=1e9", "--out", "ROOT/new-run"),
            cmd("iaf.steps: must be at most 100000", "train", "iaf", "--set", "iaf.steps=1000000000", "--out", "ROOT/new-run"),
            cmd("Invalid value for option '--generations'", "train", "iaf", "--generations", "many", "--out", "ROOT/new-run"),
            cmd("Invalid value for option '--generations'", "train", "iaf", "--generations", "99999999999", "--out", "ROOT/new-run"),
            cmd("threads: must be >= 0", "train", "iaf", "--threads", "-1", "--out", "ROOT/new-run"),
            cmd("threads: must be at most 1024", "train", "iaf", "--threads", "5000", "--out", "ROOT/new-run"),
            cmd("Invalid value for option '--seed'", "train", "iaf", "--seed", "abc", "--out", "ROOT/new-run"),
            cmd("preset: unknown preset 'huge'", "train", "iaf", "--preset", "huge", "--out", "ROOT/new-run"),
            cmd("task: unknown task 'nosuch'", "train", "nosuch", "--out", "ROOT/new-run"),
            cmd("Unknown option: '--frob'", "train", "iaf", "--frob", "--out", "ROOT/new-run"),
            cmd("--variant: only the stdp task has variants", "train", "iaf", "--variant", "plain", "--out", "ROOT/new-run"),
            cmd("out: ROOT/a-file exists and is not a directory", "train", "iaf", "--out", "ROOT/a-file"),
            cmd("out: ROOT/busy is not empty", "train", "iaf", "--out", "ROOT/busy"),
            cmd("out: RUN is not empty", "train", "iaf", "--out", "RUN"),
            cmd("--envs: must be >= 1", "eval", "RUN", "--envs", "0"),
            cmd("--envs: must be at most 100000", "eval", "RUN", "--envs", "2000000000"),
            cmd("ROOT/nothing: no such run directory", "eval", "ROOT/nothing"),
            cmd("ROOT/busy: not a run directory (no config.yaml)", "eval", "ROOT/busy"),
            cmd("--set enu.memory: changes the genome's shape", "eval", "RUN", "--set", "enu.memory=4"),
            cmd("--set seed: changes the genome's shape or the run's identity", "eval", "RUN", "--set", "seed=3"),
            cmd("--env: must be in 0..99999, got -1", "trace", "RUN", "--env", "-1", "--csv", "ROOT/t.csv"),
            cmd("--env: must be in 0..99999, got 2000000000", "trace", "RUN", "--env", "2000000000", "--csv", "ROOT/t.csv"),
            cmd("--csv: ROOT/exists.csv exists (pass --force to overwrite)", "trace", "RUN", "--csv", "ROOT/exists.csv"),
            cmd("--csv: ROOT/csv-dir is a directory", "trace", "RUN", "--csv", "ROOT/csv-dir", "--force"),
            cmd("--delay: must be >= 0", "replay", "RUN", "--delay", "-5"),
            cmd("replay: only tmaze runs can be replayed", "replay", "RUN"),
            cmd("--env: must be in 0..99999", "plot", "RUN", "--env", "-3"),
            cmd("--generations: 1 is below generation 3", "resume", "RUN", "--generations", "1"),
            cmd("threads: must be at most 1024", "resume", "RUN", "--threads", "5000"),
            cmd("ROOT/nothing: no such run directory", "resume", "ROOT/nothing"),
            cmd("--set .: not a key path", "config", "iaf", "--set", ".=1"),
            cmd("--set .: not a key path", "bench", "--set", ".=1"),
            cmd("task: unknown task 'nosuch'", "bench", "--tasks", "nosuch"),
            cmd("--seconds: must be > 0 and <= 600, got 0.0", "bench", "--seconds", "0"),
            cmd("--forks: must be >= 1, got 0", "bench", "--forks", "0"),
            cmd("--repeats: must be >= 1, got -1", "bench", "--repeats", "-1"),
            cmd("--generations: must be >= 1, got 0", "bench", "--generations", "0"),
            // the command line alone has no cluster evaluator (enu-spark adds one; its own tests check URLs)
            cmd("--cluster: needs the enu-spark module", "train", "iaf", "--cluster", "local[2]", "--out", "ROOT/new-run"),
            cmd("--cluster: needs the enu-spark module", "resume", "RUN", "--cluster", "spark://127.0.0.1:7077"),
            cmd("a command is required", new String[0]),
            cmd("Unmatched argument at index 0: 'frobnicate'", "frobnicate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedOnOneLineWithExitCodeTwoAndNothingChanged(String name, String[] args, String expected)
            throws IOException {
        Map<String, String> before = snapshot(root);
        CliTest.Result r = CliTest.enu(args);
        String want = expected.replace("RUN", iafRun.toString()).replace("ROOT", root.toString());
        assertEquals(2, r.code(), name + " -> " + r.err());
        assertTrue(r.err().startsWith("enu: error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(want), "expected '" + want + "' in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(before, snapshot(root), "nothing on disk changed");
    }

    /** Every file and directory under a tree, with the SHA-256 of each file. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isRegularFile(p)) {
                    m.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else {
                    m.put(key + "/", "");
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
