package org.enu.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    /** The largest checkpoint a valid configuration can produce, with room for the header. */
    static final long MAX_BYTES = 8 * org.enu.config.Limits.MAX_PARAMETERS * 2 + 4096;

    /** Index of the first NaN or infinite value, or -1. */
    public static int firstNonFinite(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads a whole run file of at most {@code max} bytes, with errors that name the file: missing,
     * a directory in its place, too large, unreadable.
     */
    static byte[] readBounded(Path file, String what, long max) throws CorruptFileException {
        if (Files.isDirectory(file)) {
            throw new CorruptFileException(file + ": is a directory, not a " + what + " file");
        }
        if (!Files.exists(file)) {
            throw new CorruptFileException(file + ": no " + what + " found");
        }
        if (!Files.isRegularFile(file)) {
            throw new CorruptFileException(file + ": not a regular file");
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new CorruptFileException(file + ": larger than any " + what + " enu writes (" + max + " bytes)");
            }
            return b;
        } catch (CorruptFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptFileException(file + ": cannot read: " + AtomicFiles.reason(e));
        }
    }

    /** The content of a checkpoint file. */
    public record Content(String configDigest, EsState state) {
    }

    public static void write(Path file, String configDigest, EsState s) throws IOException {
        int bad = firstNonFinite(s.theta());
        if (bad < 0) {
            bad = firstNonFinite(s.velocity());
        }
        if (bad >= 0) {
            throw new IllegalStateException(file + ": refusing to write a state with a non-finite parameter");
        }
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
        byte[] all = readBounded(file, "checkpoint", MAX_BYTES);
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
            int bad = firstNonFinite(theta);
            if (bad >= 0) {
                throw new CorruptFileException(file + ": parameter " + bad + " is not finite (" + theta[bad] + ")");
            }
            bad = firstNonFinite(velocity);
            if (bad >= 0) {
                throw new CorruptFileException(file + ": momentum " + bad + " is not finite (" + velocity[bad] + ")");
            }
            if (Double.isInfinite(best) || bestGen < -1 || bestGen >= Math.max(generation, 1)) {
                throw new CorruptFileException(file + ": inconsistent best fitness (" + best + " at generation " + bestGen
                        + ")");
            }
            return new Content(digest, new EsState(seed, generation, theta, velocity, best, bestGen));
        } catch (java.nio.BufferUnderflowException e) {
            throw new CorruptFileException(file + ": truncated");
        }
    }
}
