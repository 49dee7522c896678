package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of everything a user can hand enu: every file of a run directory mutated (bit
 * flips, truncations, duplicated spans, numbers at the edges, size fields with a valid checksum,
 * a link, a FIFO, deletion, emptiness, appended garbage) and run through eval, plot, trace and
 * resume; configuration files and --set values mutated and resolved. Every case must end in exit
 * 0 with the right result (the same numbers as the unmutated run) or in exactly one
 * {@code enu: error:} line with exit 2, never a stack trace, and must change no byte it has no
 * business changing: nothing at all when refused, nothing outside the run when it proceeds.
 *
 * <p>Each case is named by its index and seed, so a failure is reproduced by running the suite
 * with the same {@code enu.fuzz.seed}. CI runs {@code enu.fuzz.cases} (default 250) run-file cases
 * and as many configuration cases; a longer run:
 * {@code mvn -pl enu-cli -am test -Dtest=RunFileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Denu.fuzz.cases=3000 -Denu.fuzz.seed=7}.
 */
class RunFileFuzzTest {
    static final int CASES = Integer.getInteger("enu.fuzz.cases", 250);
    static final long SEED = Long.getLong("enu.fuzz.seed", 20261207L);

    @TempDir
    static Path tmp;

    private static Path reference;
    private static String referenceEval;
    private static byte[] referenceTrace;
    private static float[] referenceResumed;

    private static final List<String> FILES = List.of(RunDirectory.CONFIG, RunDirectory.RUN_INFO,
            RunDirectory.METRICS, RunDirectory.CHECKPOINT, RunDirectory.GENOME, ".lock");
    private static final List<String> FAMILIES = List.of("bitflip", "truncate", "duplicate", "edge-number",
            "size-field", "link", "dangling-link", "fifo", "delete", "empty", "garbage");
    private static final List<String> COMMANDS = List.of("eval", "plot", "trace", "resume");
    private static final String[] EDGES = {"0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "9223372036854775807", "99999999999999999999", "1e309", "-1e309", "1e-320", "NaN", ".inf", "-0.0", "0x10",
            "1_0", "010", "\"7\"", "null", "true", "[]", "{}", "4.0", "1e6"};

    @BeforeAll
    static void referenceRun() throws IOException {
        reference = tmp.resolve("reference");
        CliTest.Result r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "4",
                "--set", "checkpoint_every=2", "--out", reference.toString())));
        assertEquals(0, r.code(), r.err());
        CliTest.Result e = CliTest.enu("eval", reference.toString(), "--envs", "2");
        assertEquals(0, e.code(), e.err());
        referenceEval = e.out();
        Path csv = tmp.resolve("reference.csv");
        assertEquals(0, CliTest.enu("trace", reference.toString(), "--csv", csv.toString()).code());
        referenceTrace = Files.readAllBytes(csv);
        Path resumed = copy(reference, tmp.resolve("reference-resumed"));
        CliTest.Result rs = CliTest.enu("resume", resumed.toString(), "--generations", "6", "--no-progress");
        assertEquals(0, rs.code(), rs.err());
        referenceResumed = Genome.read(resumed.resolve(RunDirectory.GENOME)).parameters();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
        return to;
    }

    private static long caseSeed(int i) {
        return new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (i + 1))).nextLong();
    }

    @TestFactory
    Stream<DynamicTest> mutatedRunFiles() {
        return IntStream.range(0, CASES).mapToObj(i -> {
            long seed = caseSeed(i);
            SplittableRandom rnd = new SplittableRandom(seed);
            String file = FILES.get(rnd.nextInt(FILES.size()));
            String family = FAMILIES.get(rnd.nextInt(FAMILIES.size()));
            String command = COMMANDS.get(rnd.nextInt(COMMANDS.size()));
            String name = "run file " + i + " (seed " + seed + "): " + family + " of " + file + ", then " + command;
            return DynamicTest.dynamicTest(name, () -> runFileCase(i, rnd, file, family, command));
        });
    }

    private void runFileCase(int i, SplittableRandom rnd, String file, String family, String command) throws Exception {
        Path area = Files.createDirectories(tmp.resolve("case-" + i));
        Path dir = copy(reference, area.resolve("run"));
        Path victim = Files.writeString(area.resolve("victim.txt"), "outside the run\n");
        Path out = Files.createDirectories(tmp.resolve("out-" + i));
        mutate(dir.resolve(file), family, rnd, victim);
        Map<String, String> before = MalformedInputTest.snapshot(area);
        String[] args = switch (command) {
            case "eval" -> new String[] {"eval", dir.toString(), "--envs", "2"};
            case "plot" -> new String[] {"plot", dir.toString()};
            case "trace" -> new String[] {"trace", dir.toString(), "--csv", out.resolve("t.csv").toString()};
            default -> new String[] {"resume", dir.toString(), "--generations", "6", "--no-progress"};
        };
        CliTest.Result r = CliTest.enu(args);
        assertEquals("outside the run\n", Files.readString(victim), "the file outside the run is untouched");
        if (r.code() == 2) {
            oneErrorLine(r);
            assertEquals(before, MalformedInputTest.snapshot(area), "a refused command changes nothing");
            return;
        }
        assertEquals(0, r.code(), "exit 0 or 2, got " + r.code() + ": " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        switch (command) {
            case "eval" -> assertEquals(referenceEval, r.out(), "a run that is read gives the run's numbers");
            case "trace" -> assertArrayEquals(referenceTrace, Files.readAllBytes(out.resolve("t.csv")));
            case "plot" -> assertTrue(Files.size(dir.resolve("plots").resolve("fitness.png")) > 1000);
            default -> assertArrayEquals(referenceResumed, Genome.read(dir.resolve(RunDirectory.GENOME)).parameters(),
                    "a resumed run ends in the bits of an undisturbed one");
        }
    }

    private static void oneErrorLine(CliTest.Result r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("enu: error: "), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    }

    /** Applies one mutation of {@code family} to {@code f} (which may not exist: .lock of a run that ended). */
    static void mutate(Path f, String family, SplittableRandom rnd, Path victim) throws IOException {
        byte[] b = Files.exists(f) ? Files.readAllBytes(f) : new byte[0];
        switch (family) {
            case "bitflip" -> {
                byte[] c = b.length == 0 ? new byte[] {'x'} : b.clone();
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    int pos = rnd.nextInt(c.length);
                    c[pos] ^= (byte) (1 << rnd.nextInt(8));
                }
                Files.write(f, c);
            }
            case "truncate" -> Files.write(f, java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length)));
            case "duplicate" -> {
                if (b.length == 0) {
                    Files.write(f, new byte[] {'\n', '\n'});
                    return;
                }
                int a = rnd.nextInt(b.length);
                int len = 1 + rnd.nextInt(Math.min(b.length - a, 4096));
                int at = rnd.nextInt(b.length + 1);
                byte[] c = new byte[b.length + len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, a, c, at, len);
                System.arraycopy(b, at, c, at + len, b.length - at);
                Files.write(f, c);
            }
            case "edge-number" -> Files.write(f, edgeNumber(new String(b, StandardCharsets.ISO_8859_1), rnd)
                    .getBytes(StandardCharsets.ISO_8859_1));
            case "size-field" -> Files.write(f, f.getFileName().toString().equals(RunDirectory.CHECKPOINT)
                    ? forgedCheckpointField(b, rnd) : edgeNumber(new String(b, StandardCharsets.ISO_8859_1), rnd)
                    .getBytes(StandardCharsets.ISO_8859_1));
            case "link" -> {
                Files.deleteIfExists(f);
                Files.createSymbolicLink(f, victim);
            }
            case "dangling-link" -> {
                Files.deleteIfExists(f);
                Files.createSymbolicLink(f, victim.resolveSibling("nothing-here"));
            }
            case "fifo" -> {
                Files.deleteIfExists(f);
                try {
                    Process p = new ProcessBuilder("mkfifo", f.toString()).start();
                    assertEquals(0, p.waitFor());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            case "delete" -> Files.deleteIfExists(f);
            case "empty" -> Files.write(f, new byte[0]);
            case "garbage" -> {
                byte[] g = new byte[1 + rnd.nextInt(300)];
                for (int k = 0; k < g.length; k++) {
                    g[k] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) JSONISH.charAt(rnd.nextInt(JSONISH.length()));
                }
                byte[] c = java.util.Arrays.copyOf(b, b.length + g.length);
                System.arraycopy(g, 0, c, b.length, g.length);
                Files.write(f, c);
            }
            default -> throw new IllegalArgumentException(family);
        }
    }

    private static final String JSONISH = "{}[]\":,0123456789\n -e.";

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** One number of a text file replaced by an edge value (or a number appended if it has none). */
    static String edgeNumber(String text, SplittableRandom rnd) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String edge = EDGES[rnd.nextInt(EDGES.length)];
        if (spans.isEmpty()) {
            return text + edge;
        }
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return text.substring(0, s[0]) + edge + text.substring(s[1]);
    }

    /**
     * A checkpoint with one of its integer fields (generation, best generation, parameter count,
     * buffer count, a buffer's length) set to an edge value, and its checksum made valid again: a
     * forgery only the field checks can catch.
     */
    static byte[] forgedCheckpointField(byte[] b, SplittableRandom rnd) {
        if (b.length < 64) {
            return b;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = 8;
        pos += 2 + buf.getShort(pos); // config digest
        pos += 2 + buf.getShort(pos); // strategy
        pos += 8; // seed
        int generation = pos;
        int bestGeneration = pos + 4 + 8;
        int n = bestGeneration + 4;
        int count = buf.getInt(n);
        int buffers = n + 4 + 4 * count;
        List<Integer> fields = new ArrayList<>(List.of(generation, bestGeneration, n));
        if (buffers + 4 <= b.length - 4) {
            fields.add(buffers);
            int name = buffers + 4;
            if (name + 2 <= b.length - 4) {
                fields.add(name + 2 + buf.getShort(name)); // the first buffer's length
            }
        }
        int field = fields.get(rnd.nextInt(fields.size()));
        int[] values = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, count + 1, count - 1, 1 << 30, 7};
        byte[] c = b.clone();
        if (field + 4 <= c.length - 4) {
            ByteBuffer.wrap(c).putInt(field, values[rnd.nextInt(values.length)]);
        }
        CRC32C crc = new CRC32C();
        crc.update(c, 0, c.length - 4);
        ByteBuffer.wrap(c).putInt(c.length - 4, (int) crc.getValue());
        return c;
    }

    private static final String[] KEYS = {"es.offspring", "es.sigma", "es.learning_rate", "es.momentum", "generations",
        "threads", "checkpoint_every", "seed", "enu.memory", "enu.outputs", "enu.gate_slope", "enu.output_noise",
        "iaf.environments", "iaf.steps", "iaf.threshold", "iaf.loss", "iaf.segments", "es.strategy", "es.antithetic",
        "curriculum", "es.pgpe.max_speed", "unknown.key", "iaf", "es"};

    @TestFactory
    Stream<DynamicTest> mutatedConfigurations() throws IOException {
        CliTest.Result base = CliTest.enu("config", "iaf", "--preset", "quick");
        assertEquals(0, base.code(), base.err());
        String yaml = base.out();
        return IntStream.range(0, CASES).mapToObj(i -> {
            long seed = caseSeed(100_000 + i);
            return DynamicTest.dynamicTest("configuration " + i + " (seed " + seed + ")", () -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                Path area = Files.createDirectories(tmp.resolve("config-" + i));
                Path f = area.resolve("c.yaml");
                Files.writeString(f, yaml);
                String family = List.of("bitflip", "truncate", "duplicate", "edge-number", "garbage", "set")
                        .get(rnd.nextInt(6));
                List<String> args = new ArrayList<>(List.of("config", "iaf", "--config", f.toString()));
                if (family.equals("set")) {
                    args.add("--set");
                    args.add(KEYS[rnd.nextInt(KEYS.length)] + "=" + (rnd.nextBoolean() ? EDGES[rnd.nextInt(EDGES.length)]
                            : Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-45, 45)))));
                } else {
                    mutate(f, family, rnd, area.resolve("unused"));
                }
                Map<String, String> before = MalformedInputTest.snapshot(area);
                CliTest.Result r = CliTest.enu(args.toArray(new String[0]));
                assertEquals(before, MalformedInputTest.snapshot(area), "config writes nothing");
                if (r.code() == 2) {
                    oneErrorLine(r);
                    return;
                }
                assertEquals(0, r.code(), "exit 0 or 2, got " + r.code() + ": " + r.err());
                // what it printed is a configuration enu reads back to the same resolved tree
                Path printed = Files.writeString(area.resolve("printed.yaml"), r.out());
                CliTest.Result again = CliTest.enu("config", "iaf", "--config", printed.toString());
                assertEquals(0, again.code(), again.err());
                assertEquals(r.out(), again.out(), "the resolved configuration round-trips");
            });
        });
    }
}
