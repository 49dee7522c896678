package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.enu.es.EsState;
import org.enu.io.Checkpoint;
import org.enu.run.RunDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile or careless user can give that once slipped through: links in a run
 * directory, files enu cannot read back, holes in the record, sizes that wrap, number forms a
 * reader does not expect. Each ends in exit 2 with one {@code enu: error:} line, and no byte on
 * disk changes, not even outside the run directory.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Path run;

    @BeforeEach
    void trainOne() {
        run = tmp.resolve("run");
        CliTest.Result r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "4",
                "--set", "checkpoint_every=2", "--out", run.toString())));
        assertEquals(0, r.code(), r.err());
    }

    private Path copy(String name) throws IOException {
        Path to = tmp.resolve(name);
        Files.createDirectories(to);
        try (var s = Files.list(run)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** The command exits 2 with one error line containing {@code expected} and changes no file under tmp. */
    private void refused(String expected, String... args) throws IOException {
        Map<String, String> before = MalformedInputTest.snapshot(tmp);
        CliTest.Result r = CliTest.enu(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("enu: error: ") && r.err().contains(expected), r.err());
        assertEquals(before, MalformedInputTest.snapshot(tmp), "changed nothing: " + String.join(" ", args));
    }

    @Test
    void aLinkedLockFileIsNeverWrittenThrough() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Path resumed = copy("linked");
        Files.delete(resumed.resolve(".lock"));
        Files.createSymbolicLink(resumed.resolve(".lock"), victim);
        refused(".lock: is a symbolic link", "resume", resumed.toString(), "--generations", "6");

        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        Files.createSymbolicLink(fresh.resolve(".lock"), victim);
        refused(".lock: is a symbolic link", CliTest.concat(new String[] {"train", "iaf"},
                CliTest.tiny("--generations", "1", "--out", fresh.toString())));
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void aRefusedResumeWritesNothingNotEvenTheLockOrTheMetrics() throws IOException {
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.METRICS, RunDirectory.CHECKPOINT, RunDirectory.RUN_INFO)) {
            Path d = copy("link-" + f);
            Path real = tmp.resolve("real-" + f);
            Files.move(d.resolve(f), real);
            Files.createSymbolicLink(d.resolve(f), real);
            refused(f + ": is a symbolic link", "resume", d.toString(), "--generations", "6");
            refused(f + ": is a symbolic link", "eval", d.toString(), "--envs", "2");
        }
    }

    @Test
    void aConfigurationTooLargeToReadBackIsRefusedBeforeTraining() throws IOException {
        // a curriculum under the 1 MB input cap whose resolved config.yaml would pass it
        // (flow style and short numbers: config.yaml spells every stage out in block style)
        StringBuilder yaml = new StringBuilder("curriculum: [");
        for (int i = 0; yaml.length() < (1 << 20) - 200; i++) {
            yaml.append(i == 0 ? "" : ",").append("{from: ").append(i).append(",set: {es.sigma: .01}}");
        }
        yaml.append("]\n");
        Path cfg = Files.writeString(tmp.resolve("long.yaml"), yaml);
        assertTrue(Files.size(cfg) < 1 << 20);
        refused("more than the 1024 kB enu reads back", CliTest.concat(new String[] {"train", "iaf"},
                CliTest.tiny("--generations", "1", "--config", cfg.toString(), "--out", tmp.resolve("big").toString())));
        assertFalse(Files.exists(tmp.resolve("big")));
    }

    @Test
    void aMetricsLogWithAHoleIsNotResumedAndPlotSaysWhereTheHoleIs() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        Path cut = copy("cut");
        Files.write(cut.resolve(RunDirectory.METRICS), lines.subList(0, 2));
        refused("it ends at generation 1, the run has reached generation 4", "resume", cut.toString(), "--generations", "6");

        Path torn = copy("torn");
        String all = String.join("\n", lines) + "\n";
        Files.writeString(torn.resolve(RunDirectory.METRICS), all.substring(0, all.indexOf('\n', all.indexOf('\n') + 1) + 9));
        refused("it ends at generation 1", "resume", torn.toString(), "--generations", "6");

        Path gone = copy("gone");
        Files.delete(gone.resolve(RunDirectory.METRICS));
        refused("it holds no generation", "resume", gone.toString(), "--generations", "6");

        Path middle = copy("middle");
        Files.write(middle.resolve(RunDirectory.METRICS), List.of(lines.get(0), lines.get(1), lines.get(3)));
        refused("generation 2 is missing", "resume", middle.toString(), "--generations", "6");
        CliTest.Result p = CliTest.enu("plot", middle.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("warning") && p.err().contains("generation 2 is missing"), p.err());

        // the whole record resumes as before
        CliTest.Result ok = CliTest.enu("resume", run.toString(), "--generations", "6", "--no-progress");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void aHugeMetricsLogIsRefusedAtOnceWithoutReadingIt() throws IOException {
        Path huge = copy("huge");
        try (var ch = java.nio.channels.FileChannel.open(huge.resolve(RunDirectory.METRICS),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), 20L << 30); // sparse: 20 GB, no disk used
        }
        Path log = huge.resolve(RunDirectory.METRICS);
        long size = Files.size(log);
        for (String[] c : List.of(new String[] {"plot", huge.toString()},
                new String[] {"resume", huge.toString(), "--generations", "6"})) {
            CliTest.Result r = CliTest.enu(c);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("metrics.jsonl: larger than any metrics log enu writes"), r.err());
            assertEquals(size, Files.size(log));
            assertFalse(Files.exists(huge.resolve("plots")));
        }
        Files.delete(log); // the other tests snapshot every file under tmp
    }

    @Test
    void aGenomeWhoseSizeWouldWrapAt32BitsIsRefusedWithTheTrueCount() throws IOException {
        for (String memory : List.of("65536", "2147483647")) {
            Path g = tmp.resolve("g" + memory + ".json");
            Files.writeString(g, Files.readString(run.resolve(RunDirectory.GENOME))
                    .replaceFirst("\"memory\" : 8", "\"memory\" : " + memory));
            refused("more than the limit of 4000000", CliTest.concat(new String[] {"train", "iaf"},
                    CliTest.tiny("--generations", "1", "--init-from", g.toString(), "--out", tmp.resolve("x").toString())));
        }
    }

    @Test
    void numbersArePlainDecimalsNotTooCloseToZero() throws IOException {
        for (String v : List.of("0x10", "1_28", "010", "0o20")) {
            refused("es.offspring", CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--set",
                    "es.offspring=" + v, "--out", tmp.resolve("n").toString())));
        }
        refused("not a plain decimal number", "config", "iaf", "--set", "es.sigma=0x10");
        Path y = Files.writeString(tmp.resolve("u.yaml"), "es:\n  offspring: 1_28\n");
        refused("es.offspring: not a plain decimal number", "config", "iaf", "--config", y.toString());
        refused("got 1e-320", "config", "iaf", "--set", "es.sigma=1e-320");
        CliTest.Result ok = CliTest.enu("config", "iaf", "--set", "es.sigma=2.5e-3", "--set", "es.offspring=+64",
                "--set", "es.momentum=.5");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("sigma: 0.0025") && ok.out().contains("offspring: 64")
                && ok.out().contains("momentum: 0.5"), ok.out());
    }

    @Test
    void aForgedCheckpointBeyondTheBudgetIsRefused() throws IOException {
        Path forged = copy("forged");
        Path f = forged.resolve(RunDirectory.CHECKPOINT);
        Checkpoint.Content c = Checkpoint.read(f);
        Checkpoint.write(f, c.configDigest(), c.strategy(), c.buffers(), new EsState(c.state().seed(), Integer.MAX_VALUE,
                c.state().theta(), c.state().buffers(), c.state().bestFitness(), c.state().bestGeneration()));
        refused("beyond the run's budget of 4 generations", "resume", forged.toString(), "--generations", "30");
        refused("beyond the run's budget of 4 generations", "eval", forged.toString(), "--envs", "2");
    }

    @Test
    void evalJsonWritesNullWhereAValueIsNotANumber() {
        // a T-maze episode too short to meet poison has no re-eat rate: NaN in the table, null in JSON
        Path t = tmp.resolve("t");
        CliTest.Result r = CliTest.enu("train", "tmaze", "--generations", "1", "--set", "es.offspring=4", "--set",
                "tmaze.environments=2", "--set", "tmaze.episode_steps=8", "--set", "enu.memory=4", "--set",
                "enu.outputs=4", "--no-progress", "--out", t.toString());
        assertEquals(0, r.code(), r.err());
        CliTest.Result e = CliTest.enu("eval", t.toString(), "--envs", "2", "--json");
        assertEquals(0, e.code(), e.err());
        assertFalse(e.out().contains("NaN"), e.out());
        assertTrue(e.out().contains("null"), e.out());
    }

    @Test
    void pathsThatNameNothingAndHugeValuesGetAShortLine() throws IOException {
        refused("an empty path", CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--out", "")));
        refused("an empty path", "eval", "");
        String huge = "a".repeat(900_000);
        Map<String, String> before = MalformedInputTest.snapshot(tmp);
        CliTest.Result r = CliTest.enu("config", "iaf", "--set", "es.sigma=" + huge);
        assertEquals(2, r.code());
        assertTrue(r.err().length() < 1200 && r.err().startsWith("enu: error: es.sigma") && r.err().contains(
                "characters left out"), r.err().substring(0, Math.min(300, r.err().length())));
        assertEquals(before, MalformedInputTest.snapshot(tmp));
    }

    @Test
    void runJsonMustBeTheRunsOwn() throws IOException {
        Path gone = copy("no-run-json");
        Files.delete(gone.resolve(RunDirectory.RUN_INFO));
        refused("run.json: no run.json found", "eval", gone.toString(), "--envs", "2");
        refused("run.json: no run.json found", "resume", gone.toString(), "--generations", "6");

        Path garbage = copy("garbage");
        Files.writeString(garbage.resolve(RunDirectory.RUN_INFO), "{ not json", StandardCharsets.UTF_8);
        refused("run.json: not valid JSON", "plot", garbage.toString());

        Path other = copy("other-seed");
        Path info = other.resolve(RunDirectory.RUN_INFO);
        Files.writeString(info, Files.readString(info).replace("\"seed\" : 1,", "\"seed\" : 7,"));
        refused("provenance.seed is 7", "eval", other.toString(), "--envs", "2");
    }
}
