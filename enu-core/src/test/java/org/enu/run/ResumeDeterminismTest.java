package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.TestTasks;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.Genome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed ends bit-identical to one that ran straight through. */
class ResumeDeterminismTest {
    @TempDir
    Path tmp;

    /** Fast math: recorded in config.yaml, kept by resume (bit-identical to a straight run), not exact math's bits. */
    @Test
    void fastMathRunResumesBitIdentical() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(6, 2).with("enu.math", "fast");
        TrainingRun.Result a = TrainingRun.start(cfg, tmp.resolve("straight"), List.of(), () -> false);
        Path stopped = tmp.resolve("stopped");
        AtomicInteger seen = new AtomicInteger();
        RunListener counter = (stats, next) -> seen.incrementAndGet();
        TrainingRun.Result b = TrainingRun.start(cfg, stopped, List.of(counter), () -> seen.get() >= 4);
        assertEquals(4, b.state().generation());
        assertTrue(Files.readString(stopped.resolve("config.yaml")).contains("math: fast"), "config.yaml records the math");
        TrainingRun.Result c = TrainingRun.resume(stopped, null, 1, List.of(), () -> false);
        assertTrue(c.completed());
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
        TrainingRun.start(TestTasks.tinyIaf(6, 2), tmp.resolve("exact"), List.of(), () -> false);
        // the fitness moves (the rank-based update may still keep the parameters' bits)
        assertNotEquals(new RunDirectory(tmp.resolve("exact")).metrics().get(0).get("mean"),
                new RunDirectory(tmp.resolve("straight")).metrics().get(0).get("mean"), "fast math must change the numbers");
    }

    @Test
    void stoppedAndResumedRunEqualsStraightRun() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(9, 3);
        Path straight = tmp.resolve("straight");
        TrainingRun.Result a = TrainingRun.start(cfg, straight, List.of(), () -> false);
        assertTrue(a.completed());

        // stop after 7 generations (the loop writes a final checkpoint when it ends)
        Path stopped = tmp.resolve("stopped");
        AtomicInteger seen = new AtomicInteger();
        RunListener counter = (stats, next) -> seen.incrementAndGet();
        TrainingRun.Result b = TrainingRun.start(cfg, stopped, List.of(counter), () -> seen.get() >= 7);
        assertFalse(b.completed());
        assertEquals(7, b.state().generation());
        assertFalse(Files.exists(stopped.resolve(RunDirectory.GENOME)));

        TrainingRun.Result c = TrainingRun.resume(stopped, null, 1, List.of(), () -> false);
        assertTrue(c.completed());
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
        assertArrayEquals(a.state().buffer(0), c.state().buffer(0), 0f);
        Genome ga = Genome.read(straight.resolve(RunDirectory.GENOME));
        Genome gc = Genome.read(stopped.resolve(RunDirectory.GENOME));
        assertArrayEquals(ga.parameters(), gc.parameters(), 0f);

        List<Map<String, Object>> ma = new RunDirectory(straight).metrics();
        List<Map<String, Object>> mc = new RunDirectory(stopped).metrics();
        assertEquals(9, ma.size());
        assertEquals(9, mc.size(), "no generation logged twice or lost");
        for (int g = 0; g < 9; g++) {
            assertEquals(ma.get(g).get("generation"), mc.get(g).get("generation"));
            assertEquals(ma.get(g).get("mean"), mc.get(g).get("mean"), "generation " + g);
            assertEquals(ma.get(g).get("centre"), mc.get(g).get("centre"), "generation " + g);
        }
    }

    @Test
    void resumingFromAnOlderCheckpointRedoesTheLostGenerations() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(6, 2);
        Path straight = tmp.resolve("s");
        TrainingRun.Result a = TrainingRun.start(cfg, straight, List.of(), () -> false);
        // a process killed after generation 5 leaves the checkpoint of generation 4 behind
        Path killed = tmp.resolve("k");
        AtomicInteger seen = new AtomicInteger();
        Path ckpt = killed.resolve(RunDirectory.CHECKPOINT);
        byte[][] atFour = new byte[1][];
        RunListener snapshot = (stats, next) -> {
            if (seen.incrementAndGet() == 5) {
                try {
                    atFour[0] = Files.readAllBytes(ckpt);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        TrainingRun.start(cfg, killed, List.of(snapshot), () -> seen.get() >= 5);
        Files.write(ckpt, atFour[0]);
        // the kill also tore the last metrics line in half
        Files.writeString(killed.resolve(RunDirectory.METRICS), "{\"generation\":5,\"me",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(4, Checkpoint.read(ckpt).state().generation());
        TrainingRun.Result c = TrainingRun.resume(killed, null, null, List.of(), () -> false);
        assertArrayEquals(a.state().theta(), c.state().theta(), 0f);
        assertEquals(6, new RunDirectory(killed).metrics().size());
    }

    @Test
    void resumeRefusesACheckpointFromAnotherConfiguration() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(2, 1);
        Path dir = tmp.resolve("r");
        TrainingRun.start(cfg, dir, List.of(), () -> false);
        Path config = dir.resolve(RunDirectory.CONFIG);
        String text = Files.readString(config);
        assertTrue(text.contains("sigma: 0.05"), text);
        Files.writeString(config, text.replace("sigma: 0.05", "sigma: 0.06"));
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> TrainingRun.resume(dir, 4, null, List.of(), () -> false));
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
    }

    @Test
    void damagedCheckpointIsDetected() throws IOException {
        RunConfig cfg = TestTasks.tinyIaf(2, 1);
        Path dir = tmp.resolve("d");
        TrainingRun.start(cfg, dir, List.of(), () -> false);
        Path ckpt = dir.resolve(RunDirectory.CHECKPOINT);
        byte[] b = Files.readAllBytes(ckpt);
        b[b.length / 2] ^= 0x10;
        Files.write(ckpt, b);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(ckpt));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        Files.write(ckpt, java.util.Arrays.copyOf(b, 20));
        assertThrows(CorruptFileException.class, () -> Checkpoint.read(ckpt));
    }

    @Test
    void startRefusesANonEmptyDirectoryAndLeavesItAlone() throws IOException {
        Path dir = tmp.resolve("full");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        RunConfig cfg = TestTasks.tinyIaf(1, 1);
        assertThrows(org.enu.config.ConfigException.class, () -> TrainingRun.start(cfg, dir, List.of(), () -> false));
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
