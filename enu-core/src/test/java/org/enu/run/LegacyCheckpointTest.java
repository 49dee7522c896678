package org.enu.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.enu.TestTasks;
import org.enu.config.ConfigTree;
import org.enu.es.EsState;
import org.enu.io.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory from before es.strategy existed (config.yaml without the strategy keys, a
 * version 1 checkpoint holding the momentum) resumes with the paper's strategy and ends in the
 * bits of a run that never stopped.
 */
class LegacyCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void aVersionOneRankMomentumRunResumesBitIdentically() throws IOException {
        TrainingRun.Result straight = TrainingRun.start(TestTasks.tinyIaf(5, 2), tmp.resolve("straight"), List.of(),
                () -> false);
        Path dir = tmp.resolve("old");
        RunDirectoryReliabilityTest.AtomicStop stop = new RunDirectoryReliabilityTest.AtomicStop(2);
        TrainingRun.start(TestTasks.tinyIaf(5, 2), dir, List.of(stop), stop);

        // config.yaml as enu wrote it before es.strategy existed (one strategy): no strategy keys in the es section
        ConfigTree tree = ConfigTree.read(dir.resolve(RunDirectory.CONFIG));
        Map<String, Object> root = new LinkedHashMap<>(tree.map());
        Map<String, Object> es = new LinkedHashMap<>((Map<String, Object>) root.get("es"));
        for (String k : List.of("strategy", "openai_es", "pgpe", "snes", "sep_cma_es")) {
            assertTrue(es.remove(k) != null, k);
        }
        root.put("es", es);
        ConfigTree legacy = new ConfigTree(root);
        Files.writeString(dir.resolve(RunDirectory.CONFIG), legacy.toYaml());
        EsState s = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).state();
        assertEquals(2, s.generation());
        Files.write(dir.resolve(RunDirectory.CHECKPOINT), versionOne(RunDirectory.digest(legacy), s));
        Checkpoint.Content read = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT));
        assertEquals("rank_momentum", read.strategy());
        assertEquals(List.of("momentum"), read.buffers());

        TrainingRun.Result resumed = TrainingRun.resume(dir, null, null, List.of(), () -> false);
        assertTrue(resumed.completed());
        assertArrayEquals(straight.state().theta(), resumed.state().theta(), 0f);
        assertArrayEquals(straight.state().buffer(0), resumed.state().buffer(0), 0f);
        assertFalse(Files.readString(dir.resolve(RunDirectory.CONFIG)).contains("strategy"),
                "config.yaml stays as it was");
        assertArrayEquals(straight.state().theta(), new RunDirectory(dir).latestGenome().parameters(), 0f);
    }

    /** The version 1 format: magic, digest, seed, generation, best, best generation, theta, momentum, CRC. */
    private static byte[] versionOne(String digest, EsState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("ENUCKPT1".getBytes(StandardCharsets.US_ASCII));
        out.writeUTF(digest);
        out.writeLong(s.seed());
        out.writeInt(s.generation());
        out.writeDouble(s.bestFitness());
        out.writeInt(s.bestGeneration());
        out.writeInt(s.theta().length);
        for (float v : s.theta()) {
            out.writeFloat(v);
        }
        for (float v : s.buffer(0)) {
            out.writeFloat(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
