package org.enu.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.enu.es.EsState;

/**
 * A resumable snapshot of a run: the strategy state plus the digest of the configuration that
 * produced it. Binary, big-endian:
 * <pre>
 *   "ENUCKPT1"                      8 bytes magic and format version
 *   configDigest                    UTF-8 string (int length + bytes)
 *   seed (long), generation (int), bestFitness (double), bestGeneration (int)
 *   n (int), theta[n] (float), velocity[n] (float)
 *   CRC-32C of everything above     4 bytes
 * </pre>
 * Written atomically (temporary file, fsync, rename); a torn or altered file fails its checksum.
 */
public final class Checkpoint {
    private Checkpoint() {
    }

    private static final byte[] MAGIC = "ENUCKPT1".getBytes(StandardCharsets.US_ASCII);

    /** The content of a checkpoint file. */
    public record Content(String configDigest, EsState state) {
    }

    public static void write(Path file, String configDigest, EsState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * s.theta().length + 128);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeUTF(configDigest);
        out.writeLong(s.seed());
        out.writeInt(s.generation());
        out.writeDouble(s.bestFitness());
        out.writeInt(s.bestGeneration());
        out.writeInt(s.theta().length);
        for (float v : s.theta()) {
            out.writeFloat(v);
        }
        for (float v : s.velocity()) {
            out.writeFloat(v);
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @throws CorruptFileException if the file is not a checkpoint, is truncated or fails its checksum
     */
    public static Content read(Path file) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CorruptFileException(file + ": no checkpoint found");
        }
        if (all.length < MAGIC.length + 4) {
            throw new CorruptFileException(file + ": too short to be a checkpoint (" + all.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (all[i] != MAGIC[i]) {
                throw new CorruptFileException(file + ": not an enu checkpoint (bad magic)");
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        int stored = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new CorruptFileException(file + ": checksum mismatch (the file is damaged)");
        }
        ByteBuffer in = ByteBuffer.wrap(all, MAGIC.length, all.length - 4 - MAGIC.length);
        try {
            int len = in.getShort() & 0xFFFF;
            byte[] d = new byte[len];
            in.get(d);
            String digest = new String(d, StandardCharsets.UTF_8);
            long seed = in.getLong();
            int generation = in.getInt();
            double best = in.getDouble();
            int bestGen = in.getInt();
            int n = in.getInt();
            if (n < 0 || n > in.remaining() / 8 || generation < 0) {
                throw new CorruptFileException(file + ": inconsistent sizes");
            }
            float[] theta = new float[n];
            float[] velocity = new float[n];
            for (int i = 0; i < n; i++) {
                theta[i] = in.getFloat();
            }
            for (int i = 0; i < n; i++) {
                velocity[i] = in.getFloat();
            }
            if (in.hasRemaining()) {
                throw new CorruptFileException(file + ": trailing bytes");
            }
            return new Content(digest, new EsState(seed, generation, theta, velocity, best, bestGen));
        } catch (java.nio.BufferUnderflowException e) {
            throw new CorruptFileException(file + ": truncated");
        }
    }
}
