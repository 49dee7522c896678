package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.enu.io.FileWriteException;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading commands refuse files that do not belong together, plot draws before it writes, and no number is silent. */
class CliReliabilityTest {
    @TempDir
    Path tmp;

    private Path iaf(String name, String... more) {
        return iaf(name, 3, more);
    }

    private Path iaf(String name, int generations, String... more) {
        Path dir = tmp.resolve(name);
        CliTest.Result r = CliTest.enu(CliTest.concat(CliTest.concat(new String[] {"train", "iaf"},
                CliTest.tiny("--generations", String.valueOf(generations), "--out", dir.toString())), more));
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    private Path tmaze(String name) {
        Path dir = tmp.resolve(name);
        CliTest.Result r = CliTest.enu("train", "tmaze", "--generations", "1", "--set", "es.offspring=4", "--set",
                "tmaze.environments=2", "--set", "tmaze.episode_steps=40", "--set", "enu.memory=4", "--set",
                "enu.outputs=4", "--no-progress", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    private static void copyInto(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Every reading command on dir: exit 2, one line containing {@code expected}, nothing changed. */
    private void refusedByEveryReader(Path dir, String expected) throws IOException {
        List<String[]> commands = new java.util.ArrayList<>(List.of(new String[] {"eval", dir.toString(), "--envs", "4"},
                new String[] {"trace", dir.toString(), "--csv", tmp.resolve("t.csv").toString()},
                new String[] {"plot", dir.toString()}));
        if (Files.readString(dir.resolve(RunDirectory.CONFIG)).contains("task: tmaze")) {
            commands.add(new String[] {"replay", dir.toString()});
        }
        for (String[] c : commands) {
            Map<String, String> before = MalformedInputTest.snapshot(tmp);
            CliTest.Result r = CliTest.enu(c);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("enu: error: ") && r.err().contains(expected), c[0] + ": " + r.err());
            assertEquals(before, MalformedInputTest.snapshot(tmp), c[0] + " changed nothing");
        }
    }

    @Test
    void editedConfigAndSwappedFilesAreRefusedByEvalTracePlotAndReplay() throws IOException {
        Path a = iaf("a");
        Path b = iaf("b", "--seed", "8");
        Path edited = tmp.resolve("edited");
        copyInto(a, edited);
        Path cfg = edited.resolve(RunDirectory.CONFIG);
        Files.writeString(cfg, Files.readString(cfg).replace("gate_slope: 3.0", "gate_slope: 2.0"));
        refusedByEveryReader(edited, "checkpoint.bin: was written under a different configuration than config.yaml");

        Path swapped = tmp.resolve("swapped");
        copyInto(a, swapped);
        Files.copy(b.resolve(RunDirectory.CHECKPOINT), swapped.resolve(RunDirectory.CHECKPOINT),
                StandardCopyOption.REPLACE_EXISTING);
        refusedByEveryReader(swapped, "checkpoint.bin: was written under a different configuration");

        Path genome = tmp.resolve("genome");
        copyInto(a, genome);
        Files.copy(b.resolve(RunDirectory.GENOME), genome.resolve(RunDirectory.GENOME), StandardCopyOption.REPLACE_EXISTING);
        refusedByEveryReader(genome, "genome.json: was written under a different configuration");

        Path digit = tmp.resolve("digit");
        copyInto(a, digit);
        Path gf = digit.resolve(RunDirectory.GENOME);
        String text = Files.readString(gf);
        int at = text.indexOf("\"parameters\" : [ ") + 19;
        Files.writeString(gf, text.substring(0, at) + (text.charAt(at) == '1' ? '2' : '1') + text.substring(at + 1));
        refusedByEveryReader(digit, "genome.json: checksum mismatch");

        Path dirCkpt = tmp.resolve("dirckpt");
        copyInto(a, dirCkpt);
        Files.delete(dirCkpt.resolve(RunDirectory.CHECKPOINT));
        Files.createDirectory(dirCkpt.resolve(RunDirectory.CHECKPOINT));
        refusedByEveryReader(dirCkpt, "checkpoint.bin: is a directory, not a checkpoint file");
        CliTest.Result r = CliTest.enu("resume", dirCkpt.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checkpoint.bin: is a directory"), r.err());

        Path maze = tmaze("maze");
        Path mazeEdited = tmp.resolve("maze-edited");
        copyInto(maze, mazeEdited);
        Path mcfg = mazeEdited.resolve(RunDirectory.CONFIG);
        Files.writeString(mcfg, Files.readString(mcfg).replace("energy_decay: 0.25", "energy_decay: 0.5"));
        refusedByEveryReader(mazeEdited, "was written under a different configuration");
    }

    @Test
    void plotWritesNothingUntilEverythingIsReadAndDrawn() throws IOException {
        Path a = iaf("a");
        Path ckpt = tmp.resolve("bad-ckpt");
        copyInto(a, ckpt);
        byte[] bytes = Files.readAllBytes(ckpt.resolve(RunDirectory.CHECKPOINT));
        bytes[bytes.length / 2] ^= 1;
        Files.write(ckpt.resolve(RunDirectory.CHECKPOINT), bytes);
        CliTest.Result r = CliTest.enu("plot", ckpt.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checkpoint.bin: checksum mismatch"), r.err());
        assertFalse(Files.exists(ckpt.resolve("plots")), "not even fitness.png");

        Path genome = tmp.resolve("bad-genome");
        copyInto(a, genome);
        Files.writeString(genome.resolve(RunDirectory.GENOME), "{\"format\": \"enu-genome\"");
        r = CliTest.enu("plot", genome.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("genome.json: not valid JSON"), r.err());
        assertFalse(Files.exists(genome.resolve("plots")));

        Files.writeString(a.resolve("plots"), "a file where the directory goes");
        r = CliTest.enu("plot", a.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("plots: exists and is not a directory"), r.err());

        // a last metrics line torn by a crash: plot draws without it, as resume drops it
        Path torn = tmp.resolve("torn");
        copyInto(iaf("c"), torn);
        Files.writeString(torn.resolve(RunDirectory.METRICS), "{\"generation\":3,\"me",
                java.nio.file.StandardOpenOption.APPEND);
        r = CliTest.enu("plot", torn.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(torn.resolve("plots/fitness.png")) > 1000);
    }

    @Test
    void resumeWithAnEarlierGenerationChangesNothing() throws IOException {
        Path a = iaf("a", 4);
        Map<String, String> before = MalformedInputTest.snapshot(a);
        CliTest.Result r = CliTest.enu("resume", a.toString(), "--generations", "2");
        assertEquals(2, r.code());
        assertEquals("enu: error: --generations: 2 is below generation 4, which the run has already reached (its files "
                + "stay as they are)", r.err().strip());
        assertEquals(before, MalformedInputTest.snapshot(a));
        assertEquals(4, Genome.read(a.resolve(RunDirectory.GENOME)).generation());
    }

    @Test
    void threadsBeyondTheWorkItemsAreCappedAndChangeNoNumber() throws IOException {
        Path many = iaf("many", "--threads", "1000");
        Path one = iaf("one", "--threads", "1");
        assertArrayEquals(Genome.read(one.resolve(RunDirectory.GENOME)).parameters(),
                Genome.read(many.resolve(RunDirectory.GENOME)).parameters(), 0f);
        CliTest.Result r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "1",
                "--threads", "1000", "--out", tmp.resolve("shown").toString())));
        assertTrue(r.out().contains("8 offspring, 4 threads"), "8 antithetic offspring are 4 work items: " + r.out());
    }

    @Test
    void nonFiniteFitnessIsShownAndNonFiniteParametersStopTheRun() throws IOException {
        Path dir = tmp.resolve("nan");
        CliTest.Result r = CliTest.enu("train", "stdp", "--generations", "3", "--set", "es.offspring=8", "--set",
                "stdp.environments=2", "--set", "stdp.steps=80", "--set", "stdp.spike_mean=30", "--set",
                "stdp.modulator_rate=1", "--set", "stdp.amplitude=1e200", "--set", "enu.memory=6", "--no-progress",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("gen 3/3") && r.err().contains("nonfinite 8/8 (24 in 3 gen)"), r.err());
        assertTrue(r.err().contains("enu: warning: 24 offspring in 3 generations had a NaN or infinite fitness"), r.err());
        assertTrue(Files.readString(dir.resolve(RunDirectory.METRICS)).contains("\"nonfinite\":8"));

        Path inf = tmp.resolve("inf");
        r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--generations", "3", "--set",
                "es.learning_rate=3e38", "--set", "es.sigma=1e38", "--out", inf.toString())));
        assertEquals(2, r.code());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("enu: error: ")).toList();
        assertEquals(List.of("enu: error: es: the update of generation 0 made 372 of 372 parameters NaN or infinite; "
                + "stopped, and " + inf.resolve("checkpoint.bin") + " keeps generation 0 (lower es.learning_rate or "
                + "es.sigma)"), errors);
        assertFalse(Files.exists(inf.resolve(RunDirectory.GENOME)));
        r = CliTest.enu("eval", inf.toString(), "--envs", "4");
        assertEquals(0, r.code(), "the last good checkpoint is still usable: " + r.err());
    }

    @Test
    void failuresThatAreNotTheUsersInputAreStillOneLine() {
        Main.Failure f = Main.describe(new FileWriteException(Path.of("runs/x/checkpoint.bin"), "No space left on device"));
        assertEquals(new Main.Failure("runs/x/checkpoint.bin: cannot write: No space left on device", 2), f);
        f = Main.describe(new NoSuchFileException("runs/x/plots"));
        assertEquals(new Main.Failure("runs/x/plots: no such file or directory", 2), f);
        f = Main.describe(new IllegalStateException("a bug"));
        assertEquals(1, f.code());
        assertEquals("internal error: IllegalStateException: a bug (ENU_DEBUG=1 prints the stack trace)", f.message());
        f = Main.describe(new OutOfMemoryError("Java heap space"));
        assertEquals(1, f.code());
        assertTrue(f.message().startsWith("out of memory (the JVM may use "), f.message());
        assertEquals("a; b; c", Main.oneLine("a\nb\r\n  c\n"));
        // a bad -Denu.kernel is found by KernelShape's static setup, which the JVM wraps
        f = Main.describe(new ExceptionInInitializerError(new org.enu.cell.KernelException("enu.kernel: bad")));
        assertEquals(new Main.Failure("enu.kernel: bad", 2), f);
    }
}
