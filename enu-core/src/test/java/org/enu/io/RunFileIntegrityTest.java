package org.enu.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.enu.cell.EnuSpec;
import org.enu.es.EsState;
import org.enu.task.GenomeLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, and checkpoints and genomes that refuse to be read when they are not what was written. */
class RunFileIntegrityTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void concurrentWritersOfOneFileNeverShareATemporaryFile() throws Exception {
        Path target = tmp.resolve("checkpoint.bin");
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] content = ("writer " + w + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8);
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    AtomicFiles.write(target, content);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(); // a shared temporary name made some writers fail with NoSuchFileException
        }
        pool.shutdown();
        String text = Files.readString(target);
        String first = text.substring(0, text.indexOf('\n') + 1);
        assertEquals(first.repeat(20_000), text, "one writer's whole content, not a mixture");
        assertEquals(List.of("checkpoint.bin"), names(tmp), "no temporary file is left");
    }

    @Test
    void writtenFilesKeepTheUsualPermissions() throws IOException {
        Path plain = Files.createFile(tmp.resolve("plain"));
        Path atomic = tmp.resolve("atomic");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
    }

    @Test
    void aFullDiskNamesTheFileAndLeavesNoTemporaryFile() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(64 * 1024)
                .setBlockSize(4096).build())) {
            Path dir = Files.createDirectories(fs.getPath("/run"));
            AtomicFiles.writeString(dir.resolve("config.yaml"), "seed: 1\n");
            FileWriteException e = assertThrows(FileWriteException.class,
                    () -> AtomicFiles.write(dir.resolve("checkpoint.bin"), new byte[200_000]));
            assertTrue(e.getMessage().startsWith("/run/checkpoint.bin: cannot write: "), e.getMessage());
            assertEquals(List.of("config.yaml"), names(dir));
            assertEquals("seed: 1\n", Files.readString(dir.resolve("config.yaml")));
        }
    }

    @Test
    void aDirectoryInPlaceOfAFileIsNamed() throws IOException {
        Path ckpt = Files.createDirectory(tmp.resolve("checkpoint.bin"));
        FileWriteException w = assertThrows(FileWriteException.class, () -> AtomicFiles.write(ckpt, new byte[4]));
        assertEquals(ckpt + ": cannot write: is a directory, not a file", w.getMessage());
        CorruptFileException r = assertThrows(CorruptFileException.class, () -> Checkpoint.read(ckpt));
        assertEquals(ckpt + ": is a directory, not a checkpoint file", r.getMessage());
        r = assertThrows(CorruptFileException.class, () -> Genome.read(ckpt));
        assertEquals(ckpt + ": is a directory, not a genome file", r.getMessage());
    }

    /** A checkpoint with a valid checksum whose content is chosen by the test. */
    private static byte[] forged(float[] theta, float[] velocity, double best, int bestGen, int generation)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("ENUCKPT1".getBytes(StandardCharsets.US_ASCII));
        out.writeUTF("digest");
        out.writeLong(1);
        out.writeInt(generation);
        out.writeDouble(best);
        out.writeInt(bestGen);
        out.writeInt(theta.length);
        for (float v : theta) {
            out.writeFloat(v);
        }
        for (float v : velocity) {
            out.writeFloat(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    @Test
    void aCheckpointWithANonFiniteValueIsRefusedThoughItsChecksumIsValid() throws IOException {
        Path f = tmp.resolve("checkpoint.bin");
        Files.write(f, forged(new float[] {1, 2, 3}, new float[] {0, 0, 0}, -1, 2, 3));
        assertEquals(3, Checkpoint.read(f).state().generation(), "the forger is right about the format");
        Files.write(f, forged(new float[] {1, Float.NaN, 3}, new float[] {0, 0, 0}, -1, 2, 3));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertEquals(f + ": parameter 1 is not finite (NaN)", e.getMessage());
        Files.write(f, forged(new float[] {1, 2, 3}, new float[] {0, 0, Float.POSITIVE_INFINITY}, -1, 2, 3));
        e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("momentum 2 is not finite"), e.getMessage());
        Files.write(f, forged(new float[] {1}, new float[] {0}, Double.POSITIVE_INFINITY, 0, 3));
        e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("inconsistent best fitness"), e.getMessage());
        Files.write(f, forged(new float[] {1}, new float[] {0}, -1, 7, 3));
        assertThrows(CorruptFileException.class, () -> Checkpoint.read(f), "best generation after the checkpoint");
        // and nothing non-finite is ever written
        EsState bad = new EsState(1, 3, new float[] {Float.NaN}, new float[][] {{0}}, -1, 2);
        assertThrows(IllegalStateException.class, () -> Checkpoint.write(tmp.resolve("c2"), "d", "rank_momentum",
                List.of("momentum"), bad));
        assertFalse(Files.exists(tmp.resolve("c2")));
    }

    @Test
    void anOversizedOrTruncatedCheckpointIsRefusedByName() throws IOException {
        Path f = tmp.resolve("checkpoint.bin");
        try (var out = Files.newOutputStream(f)) {
            out.write(new byte[(int) Checkpoint.MAX_BYTES + 1]);
        }
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().startsWith(f + ": larger than any checkpoint"), e.getMessage());
        Files.write(f, new byte[] {1, 2, 3});
        e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        Files.delete(f);
        e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(f));
        assertEquals(f + ": no checkpoint found", e.getMessage());
    }

    private static Genome genome() {
        EnuSpec s = new EnuSpec(1, 4, 2, true, 3f, 1f, 3f, true, 0f);
        GenomeLayout layout = GenomeLayout.of(new String[] {"cell"}, new EnuSpec[] {s});
        float[] p = new float[layout.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.sin(i) * 0.37f;
        }
        Map<String, Object> cfg = new java.util.LinkedHashMap<>();
        cfg.put("task", "iaf");
        cfg.put("es", Map.of("sigma", 0.01, "learning_rate", 1.0, "offspring", 16));
        return new Genome("iaf", 7, layout, p, Map.of("seed", 3L, "cores", 2), cfg);
    }

    @Test
    void anEditedGenomeFailsItsChecksumAndAReformattedOneDoesNot() throws IOException {
        Path f = tmp.resolve("genome.json");
        Genome g = genome();
        g.write(f);
        assertArrayEquals(g.parameters(), Genome.read(f).parameters(), 0f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"checksum\" : \"sha256:"), text);
        // one digit of one parameter
        int at = text.indexOf("\"parameters\" : [ ") + 19;
        char c = text.charAt(at);
        Files.writeString(f, text.substring(0, at) + (c == '1' ? '2' : '1') + text.substring(at + 1));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Genome.read(f));
        assertEquals(f + ": checksum mismatch (the file was changed after it was written)", e.getMessage());
        // the configuration inside, the generation, a provenance field
        for (String[] edit : new String[][] {{"\"sigma\" : 0.01", "\"sigma\" : 0.02"},
            {"\"generation\" : 7", "\"generation\" : 8"}, {"\"cores\" : 2", "\"cores\" : 4"}}) {
            assertTrue(text.contains(edit[0]), edit[0]);
            Files.writeString(f, text.replace(edit[0], edit[1]));
            assertThrows(CorruptFileException.class, () -> Genome.read(f), edit[0]);
        }
        // the same content laid out differently is the same genome
        Files.writeString(f, text.replace("\n", "").replace(" : ", ":").replace("1.0", "1.00"));
        assertArrayEquals(g.parameters(), Genome.read(f).parameters(), 0f);
        // no checksum at all
        Files.writeString(f, text.replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", ""));
        e = assertThrows(CorruptFileException.class, () -> Genome.read(f));
        assertTrue(e.getMessage().endsWith("checksum: missing"), e.getMessage());
    }

    @Test
    void aVersionOneGenomeIsNotTrustedOnItsOwn() throws IOException {
        Path f = tmp.resolve("genome.json");
        String v1 = genome().toJson().replace("\"version\" : 2", "\"version\" : 1")
                .replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", "");
        Files.writeString(f, v1);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Genome.read(f));
        Genome.UncheckedGenomeException u = assertInstanceOf(Genome.UncheckedGenomeException.class, e);
        assertTrue(e.getMessage().contains("version 1 has no checksum"), e.getMessage());
        assertArrayEquals(genome().parameters(), u.genome().parameters(), 0f, "parsed, so a checkpoint can vouch for it");
    }

    @Test
    void aGenomeWithANonFiniteParameterIsNeverWritten() {
        Genome g = genome();
        float[] p = g.parameters().clone();
        p[3] = Float.POSITIVE_INFINITY;
        Genome bad = new Genome(g.task(), g.generation(), g.layout(), p, g.provenance(), g.config());
        assertThrows(IllegalStateException.class, () -> bad.write(tmp.resolve("genome.json")));
        assertFalse(Files.exists(tmp.resolve("genome.json")));
    }
}
