package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.enu.TestTasks;
import org.enu.config.ConfigException;
import org.enu.config.ConfigTree;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.FileWriteException;
import org.enu.io.Genome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts that fail leave nothing; writers exclude each other; readers refuse files that do not belong together. */
class RunDirectoryReliabilityTest {
    @TempDir
    Path tmp;

    private Path run(String name, RunConfig cfg) throws IOException {
        Path dir = tmp.resolve(name);
        assertTrue(TrainingRun.start(cfg, dir, List.of(), () -> false).completed());
        return dir;
    }

    @Test
    void aStartThatFailsOnAFullDiskLeavesNothingBehind() throws IOException {
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (int kb : new int[] {1, 2, 3, 4}) {
            try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(1024)
                    .setMaxSize(kb * 1024L).build())) {
                Path dir = fs.getPath("/runs/a/b");
                Exception e = assertThrows(FileWriteException.class,
                        () -> TrainingRun.start(TestTasks.tinyIaf(2, 1), dir, List.of(), () -> false));
                assertTrue(e.getMessage().startsWith("/runs/a/b"), e.getMessage());
                assertTrue(e.getMessage().contains(": cannot write: "), e.getMessage());
                assertFalse(Files.exists(fs.getPath("/runs")), kb + " kB: the directories made are removed too");
                named.add(e.getMessage().substring("/runs/a/b/".length(), e.getMessage().indexOf(": cannot")));
            }
        }
        assertEquals(java.util.Set.of("checkpoint.bin", "config.yaml", "run.json"), named,
                "the disk filled up at each of the start's writes");
    }

    @Test
    void aStartIntoAnExistingDirectoryThatFailsRemovesOnlyWhatItWrote() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(1024)
                .setMaxSize(3 * 1024L).build())) {
            Path dir = Files.createDirectories(fs.getPath("/runs/mine"));
            assertThrows(FileWriteException.class, () -> TrainingRun.start(TestTasks.tinyIaf(2, 1), dir, List.of(),
                    () -> false));
            assertTrue(Files.isDirectory(dir), "the directory was there before");
            try (var s = Files.list(dir)) {
                assertEquals(0, s.count());
            }
        }
    }

    @Test
    @Timeout(60)
    void aSecondWriterIsRefusedWhileTheFirstTrains() throws Exception {
        Path dir = tmp.resolve("busy");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunListener hold = (stats, next) -> {
            if (next.generation() == 2) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Future<TrainingRun.Result> first = ex.submit(() -> TrainingRun.start(TestTasks.tinyIaf(4, 1), dir, List.of(hold),
                () -> false));
        inside.await();
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.resume(dir, null, null, List.of(),
                () -> false));
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainingRun.start(TestTasks.tinyIaf(4, 1), dir, List.of(),
                () -> false));
        assertTrue(e.getMessage().contains("not empty") || e.getMessage().contains("in use"), e.getMessage());
        release.countDown();
        assertTrue(first.get().completed());
        ex.shutdown();
        assertEquals(4, new RunDirectory(dir).metrics().size());
        assertEquals(4, new RunDirectory(dir).latestGenome().generation());
    }

    @Test
    @Timeout(120)
    void manyStartsRacingForOneDirectoryLeaveExactlyOneConsistentRun() throws Exception {
        Path dir = tmp.resolve("race");
        int n = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService ex = Executors.newFixedThreadPool(n);
        List<Future<TrainingRun.Result>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunConfig cfg = TestTasks.tinyIaf(5, 1).with("seed", 100 + i);
            all.add(ex.submit(() -> {
                go.await();
                return TrainingRun.start(cfg, dir, List.of(), () -> false);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<TrainingRun.Result> f : all) {
            try {
                assertTrue(f.get().completed());
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof ConfigException, String.valueOf(e.getCause()));
                String m = e.getCause().getMessage();
                assertTrue(m.contains("in use") || m.contains("not empty"), m);
            }
        }
        ex.shutdown();
        assertEquals(1, won, "exactly one writer");
        RunDirectory rd = new RunDirectory(dir);
        RunConfig cfg = rd.config();
        Genome g = rd.latestGenome(); // checks genome and checkpoint against config.yaml
        assertEquals(cfg.seed(), ((Number) g.config().get("seed")).longValue());
        assertEquals(5, rd.metrics().size(), "each generation once");
        RunConfig same = TestTasks.tinyIaf(5, 1).with("seed", cfg.seed());
        assertArrayEquals(TrainingRun.start(same, tmp.resolve("alone"), List.of(), () -> false).state().theta(),
                g.parameters(), 0f, "the winner's numbers are those of a run that was alone");
    }

    @Test
    void filesFromAnotherRunOrAnEditedConfigAreRefusedByEveryReader() throws IOException {
        Path a = run("a", TestTasks.tinyIaf(3, 1));
        Path b = run("b", TestTasks.tinyIaf(3, 1).with("seed", 8));
        assertEquals(3, new RunDirectory(a).latestGenome().generation());

        Path ckpt = tmp.resolve("ckpt");
        copy(a, ckpt);
        Files.copy(b.resolve(RunDirectory.CHECKPOINT), ckpt.resolve(RunDirectory.CHECKPOINT),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refusedEverywhere(ckpt, "checkpoint.bin: was written under a different configuration");

        Path genome = tmp.resolve("genome");
        copy(a, genome);
        Files.copy(b.resolve(RunDirectory.GENOME), genome.resolve(RunDirectory.GENOME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refusedEverywhere(genome, "genome.json: was written under a different configuration");

        Path edited = tmp.resolve("edited");
        copy(a, edited);
        Path cfg = edited.resolve(RunDirectory.CONFIG);
        Files.writeString(cfg, Files.readString(cfg).replace("gate_slope: 3.0", "gate_slope: 2.0"));
        refusedEverywhere(edited, "checkpoint.bin: was written under a different configuration");

        // the checkpoint and genome of one run, but the genome's parameters from another generation
        Path mixed = tmp.resolve("mixed");
        copy(a, mixed);
        Checkpoint.Content c = Checkpoint.read(mixed.resolve(RunDirectory.CHECKPOINT));
        float[] other = c.state().theta().clone();
        other[0] += 1;
        Checkpoint.write(mixed.resolve(RunDirectory.CHECKPOINT), c.configDigest(), c.strategy(), c.buffers(),
                new org.enu.es.EsState(c.state().seed(), 3, other, c.state().buffers(), c.state().bestFitness(),
                        c.state().bestGeneration()));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> new RunDirectory(mixed).latestGenome());
        assertTrue(e.getMessage().contains("differs from checkpoint.bin at the same generation 3"), e.getMessage());
    }

    private void refusedEverywhere(Path dir, String expected) throws IOException {
        Map<String, String> before = DirSnapshot.of(dir);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> new RunDirectory(dir).latestGenome());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (expected.startsWith("checkpoint")) {
            e = assertThrows(CorruptFileException.class, () -> TrainingRun.resume(dir, 5, null, List.of(), () -> false));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
        assertEquals(before, DirSnapshot.of(dir), "a refused command changes nothing");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    @Test
    void reorderedKeysAndOldKeyOrdersStillResume() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(4, 1);
        Path dir = tmp.resolve("r");
        AtomicStop stop = new AtomicStop(2);
        TrainingRun.start(cfg, dir, List.of(stop), stop);
        Path config = dir.resolve(RunDirectory.CONFIG);
        String text = Files.readString(config);
        // swap two keys, as a person editing the file might
        assertTrue(text.contains("seed: 1\ngenerations: 4\n"), text);
        Files.writeString(config, text.replace("seed: 1\ngenerations: 4\n", "generations: 4\nseed: 1\n"));
        TrainingRun.Result r = TrainingRun.resume(dir, 3, null, List.of(), () -> false);
        assertEquals(3, r.state().generation());
        // a checkpoint written when task and preset could come in either order (Map.of) keeps working
        text = Files.readString(config);
        assertTrue(text.startsWith("task: iaf\npreset: quick\n"), text);
        String legacy = text.replace("task: iaf\npreset: quick\n", "preset: quick\ntask: iaf\n");
        Files.writeString(config, legacy);
        Checkpoint.Content c = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT));
        Checkpoint.write(dir.resolve(RunDirectory.CHECKPOINT), RunDirectory.digest(ConfigTree.parse(legacy, "x")),
                c.strategy(), c.buffers(), c.state());
        assertTrue(TrainingRun.resume(dir, 4, null, List.of(), () -> false).completed());
        assertArrayEquals(TrainingRun.start(cfg, tmp.resolve("straight"), List.of(), () -> false).state().theta(),
                new RunDirectory(dir).latestGenome().parameters(), 0f);
    }

    /** Stops a run after n generations of this process. */
    static final class AtomicStop implements RunListener, java.util.function.BooleanSupplier {
        private final int n;
        private int seen;

        AtomicStop(int n) {
            this.n = n;
        }

        @Override
        public void generation(GenerationStats stats, org.enu.es.EsState next) {
            seen++;
        }

        @Override
        public boolean getAsBoolean() {
            return seen >= n;
        }
    }

    @Test
    void resumeBelowTheReachedGenerationIsRefusedAndChangesNothing() throws IOException {
        Path dir = run("done", TestTasks.tinyIaf(4, 2));
        Map<String, String> before = DirSnapshot.of(dir);
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.resume(dir, 2, null, List.of(),
                () -> false));
        assertEquals("--generations: 2 is below generation 4, which the run has already reached (its files stay as "
                + "they are)", e.getMessage());
        assertEquals(before, DirSnapshot.of(dir));
        assertTrue(Files.readString(dir.resolve(RunDirectory.CONFIG)).contains("generations: 4"));
    }

    @Test
    void aVersionOneGenomeIsUsedOnlyWhenItsCheckpointVouchesForIt() throws IOException {
        Path dir = run("v1", TestTasks.tinyIaf(3, 1));
        Path gf = dir.resolve(RunDirectory.GENOME);
        String v1 = Files.readString(gf).replace("\"version\" : 2", "\"version\" : 1")
                .replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", "");
        Files.writeString(gf, v1);
        Genome g = new RunDirectory(dir).latestGenome();
        assertEquals(3, g.generation());
        // one changed parameter: no checksum catches it, the checkpoint does
        int at = v1.indexOf("\"parameters\" : [ ") + 19;
        Files.writeString(gf, v1.substring(0, at) + (v1.charAt(at) == '1' ? '2' : '1') + v1.substring(at + 1));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> new RunDirectory(dir).latestGenome());
        assertTrue(e.getMessage().contains("version 1 has no checksum"), e.getMessage());
    }

    @Test
    void leftoverTemporaryFilesAndATornMetricsLineAreCleanedByResume() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(4, 1);
        Path dir = tmp.resolve("t");
        AtomicStop stop = new AtomicStop(2);
        TrainingRun.start(cfg, dir, List.of(stop), stop);
        Path tmpFile = dir.resolve(".checkpoint.bin.123-1-abc.tmp");
        Files.write(tmpFile, new byte[100]);
        Files.writeString(dir.resolve(RunDirectory.METRICS), "{\"generation\":2,\"me", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(2, new RunDirectory(dir).metrics().size(), "readers leave the torn line out");
        assertTrue(TrainingRun.resume(dir, null, null, List.of(), () -> false).completed());
        assertFalse(Files.exists(tmpFile));
        assertEquals(4, new RunDirectory(dir).metrics().size());
    }

    @Test
    void aDamagedMetricsLineInTheMiddleIsNamed() throws IOException {
        Path dir = run("m", TestTasks.tinyIaf(3, 1));
        Path m = dir.resolve(RunDirectory.METRICS);
        List<String> lines = Files.readAllLines(m);
        Files.write(m, List.of(lines.get(0), "{\"gen", lines.get(2)));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> new RunDirectory(dir).metrics());
        assertEquals(m + ": line 2 is not JSON", e.getMessage());
        Files.write(m, List.of(lines.get(0), "{\"mean\": 3}", lines.get(2)));
        e = assertThrows(CorruptFileException.class, () -> new RunDirectory(dir).metrics());
        assertEquals(m + ": line 2 is not a metrics record (no generation)", e.getMessage());
        Map<String, String> before = DirSnapshot.of(dir);
        e = assertThrows(CorruptFileException.class, () -> TrainingRun.resume(dir, 5, null, List.of(), () -> false));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals(before, DirSnapshot.of(dir), "checked before anything is written");
    }
}
