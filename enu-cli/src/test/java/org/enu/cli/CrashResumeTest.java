package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.enu.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a training process, during a generation or halfway through a checkpoint write,
 * then {@code enu resume}: the run ends bit-identical to one that never stopped. While the
 * process lives it holds the directory; once it is dead its lock does not block the resume.
 */
class CrashResumeTest {
    @TempDir
    Path tmp;

    static List<String> sets(int checkpointEvery) {
        return List.of("generations=12", "checkpoint_every=" + checkpointEvery, "threads=1", "seed=5",
                "es.offspring=8", "iaf.environments=3", "iaf.steps=20", "enu.memory=8", "enu.outputs=4");
    }

    /** The run that never stopped. */
    private Path straight() throws IOException {
        Path dir = tmp.resolve("straight");
        assertTrue(TrainingRun.start(RunConfig.resolve("iaf", "quick", null, sets(3)), dir, List.of(), () -> false)
                .completed());
        return dir;
    }

    private static List<String> args(Path dir, String mode, List<String> sets) {
        List<String> a = new ArrayList<>(List.of(dir.toString()));
        a.addAll(List.of(mode.split(" ")));
        a.addAll(sets);
        return a;
    }

    /** metrics.jsonl without the wall times. */
    static List<Map<String, Object>> metrics(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : new RunDirectory(dir).metrics()) {
            Map<String, Object> m = new LinkedHashMap<>(row);
            m.remove("seconds");
            out.add(m);
        }
        return out;
    }

    private static void assertSameRun(Path expected, Path actual) throws IOException {
        Genome a = Genome.read(expected.resolve(RunDirectory.GENOME));
        Genome b = Genome.read(actual.resolve(RunDirectory.GENOME));
        assertEquals(a.generation(), b.generation());
        assertArrayEquals(a.parameters(), b.parameters(), 0f, "bit-identical parameters");
        assertEquals(metrics(expected), metrics(actual), "every generation logged once, with the same numbers");
        Checkpoint.Content ca = Checkpoint.read(expected.resolve(RunDirectory.CHECKPOINT));
        Checkpoint.Content cb = Checkpoint.read(actual.resolve(RunDirectory.CHECKPOINT));
        assertArrayEquals(ca.state().buffer(0), cb.state().buffer(0), 0f, "and the same momentum");
    }

    @Test
    @Timeout(180)
    void killedTwiceDuringTrainingThenResumedIsBitIdentical() throws Exception {
        Path straight = straight();
        Path dir = tmp.resolve("killed");
        try (ChildProcess child = ChildProcess.start(CrashHarness.class, args(dir, "run", sets(3)))) {
            child.await("GEN 4");
            child.kill(); // somewhere in generation 5 or 6, after the checkpoint of generation 3
        }
        try (ChildProcess child = ChildProcess.start(CrashHarness.class, args(dir, "resume", List.of()))) {
            child.await("GEN 8");
            child.kill();
        }
        CliTest.Result r = CliTest.enu("resume", dir.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("done: generation 12"), r.out());
        assertSameRun(straight, dir);
    }

    @Test
    @Timeout(180)
    void killedHalfwayThroughACheckpointWriteThenResumedIsBitIdentical() throws Exception {
        Path straight = straight();
        Path dir = tmp.resolve("midwrite");
        Path ckpt = dir.resolve(RunDirectory.CHECKPOINT);
        Path half;
        // checkpoints at generations 0, 2, 4, 6: the fourth write is cut at its middle
        try (ChildProcess child = ChildProcess.start(CrashHarness.class, args(dir, "midwrite 4", sets(2)))) {
            half = Path.of(child.await("MIDWRITE ").substring("MIDWRITE ".length()));
            assertEquals(Files.size(ckpt) / 2, Files.size(half), "half of the new checkpoint is written");
            assertEquals(4, Checkpoint.read(ckpt).state().generation(), "the old one is whole");

            CliTest.Result r = CliTest.enu("resume", dir.toString(), "--no-progress");
            assertEquals(2, r.code(), "a second writer is refused while the first holds the directory");
            assertTrue(r.err().startsWith("enu: error: " + dir + ": in use by another enu process, pid " + child.pid()),
                    r.err());
            r = CliTest.enu(CliTest.concat(new String[] {"train", "iaf"}, CliTest.tiny("--out", dir.toString())));
            assertEquals(2, r.code(), r.err());
            r = CliTest.enu("eval", dir.toString(), "--envs", "4");
            assertEquals(0, r.code(), "readers are not blocked: " + r.err());
            assertTrue(r.out().contains("generation 4"), r.out());
            child.kill();
        }
        assertTrue(Files.exists(half), "kill -9 leaves the temporary file");
        CliTest.Result r = CliTest.enu("resume", dir.toString(), "--no-progress");
        assertEquals(0, r.code(), "the dead process's lock does not block: " + r.err());
        assertFalse(Files.exists(half), "resume removes the leftover");
        assertSameRun(straight, dir);
    }
}
