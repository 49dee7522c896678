package org.enu.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enu.es.EsState;
import org.enu.es.RankMomentumEs;
import org.enu.es.Strategy;

/**
 * A resumable snapshot of a run: the strategy state plus the digest of the configuration that
 * produced it. Binary, big-endian:
 * <pre>
 *   "ENUCKPT2"                      8 bytes magic and format version
 *   configDigest                    UTF-8 string (short length + bytes)
 *   strategy                        UTF-8 string: es.strategy
 *   seed (long), generation (int), bestFitness (double), bestGeneration (int)
 *   n (int), theta[n] (float)
 *   b (int), then b state vectors: name (UTF-8 string), length (int), values (float)
 *   CRC-32C of everything above     4 bytes
 * </pre>
 * Version 1 ("ENUCKPT1", before es.strategy existed) is read as a rank_momentum checkpoint: after
 * theta it holds the momentum, velocity[n], and nothing else. A staged run's checkpoint is
 * version 3 ("ENUCKPT3"): before the CRC, where its stages stand (index, start, best, best
 * generation, last: int, int, double, int, double; the best centre: length and floats); version
 * 4 ("ENUCKPT4", once the run has started its stages over) adds the number of restarts (int).
 * Written atomically (temporary file, fsync, rename); a torn or altered file fails its checksum.
 */
public final class Checkpoint {
    private Checkpoint() {
    }

    private static final byte[] MAGIC = "ENUCKPT2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_V1 = "ENUCKPT1".getBytes(StandardCharsets.US_ASCII);
    /** Version 3: version 2 and, after the state vectors, a staged run's {@link StageProgress}. */
    private static final byte[] MAGIC_V3 = "ENUCKPT3".getBytes(StandardCharsets.US_ASCII);
    /** Version 4: version 3 and, last, how many times the run has started its stages over (written only then). */
    private static final byte[] MAGIC_V4 = "ENUCKPT4".getBytes(StandardCharsets.US_ASCII);
    /** The most state vectors a strategy keeps. */
    private static final int MAX_BUFFERS = 8;
    /** The largest checkpoint a valid configuration can produce, with room for the header. */
    static final long MAX_BYTES = 4L * org.enu.config.Limits.MAX_PARAMETERS * (1 + MAX_BUFFERS) + 4096;

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
     * The content of a checkpoint file.
     *
     * @param strategy the es.strategy that wrote it
     * @param buffers  names of the state's vectors, in order
     */
    public record Content(String configDigest, String strategy, List<String> buffers, EsState state,
                          StageProgress stage) {
        /** A checkpoint of a run without stages. */
        public Content(String configDigest, String strategy, List<String> buffers, EsState state) {
            this(configDigest, strategy, buffers, state, null);
        }
    }

    /**
     * Where a staged run stands (see {@code org.enu.config.StagePlan}): which stage, since which
     * generation, its last and best validation figure and the centre that gave the best (empty
     * when the stage does not hand on its best).
     *
     * @param best           the best validation figure so far in the stage (NaN: none yet)
     * @param bestGeneration the generation whose centre gave it (−1: none yet)
     * @param last           the last validation figure (NaN: none yet)
     * @param restarts       how many times the run has started over from its first stage (a stage's
     *                       {@code retry})
     */
    public record StageProgress(int index, int start, double best, int bestGeneration, float[] bestCentre,
                                double last, int restarts) {
        public StageProgress {
            bestCentre = bestCentre.clone();
        }

        /** The progress at the start of stage {@code index}, at generation {@code start}. */
        public static StageProgress at(int index, int start, int restarts) {
            return new StageProgress(index, start, Double.NaN, -1, new float[0], Double.NaN, restarts);
        }
    }

    /** Writes the state of a strategy (its name and the names of its state vectors go with it). */
    public static void write(Path file, String configDigest, Strategy strategy, EsState s) throws IOException {
        write(file, configDigest, strategy.name(), strategy.buffers(), s);
    }

    /** Writes a state under a strategy name and the names of its state vectors. */
    public static void write(Path file, String configDigest, String strategy, List<String> names, EsState s)
            throws IOException {
        write(file, configDigest, strategy, names, s, null);
    }

    /** Writes a state and, for a staged run ({@code stage} not null), where its stages stand (version 3). */
    public static void write(Path file, String configDigest, String strategy, List<String> names, EsState s,
                             StageProgress stage) throws IOException {
        if (s.firstNonFinite(names) != null || names.size() != s.buffers().length) {
            throw new IllegalStateException(file + ": refusing to write a state with a non-finite parameter");
        }
        if (stage != null && firstNonFinite(stage.bestCentre()) >= 0) {
            throw new IllegalStateException(file + ": refusing to write a stage's best centre with a non-finite value");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * s.theta().length + 128);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(stage == null ? MAGIC : stage.restarts() > 0 ? MAGIC_V4 : MAGIC_V3);
        out.writeUTF(configDigest);
        out.writeUTF(strategy);
        out.writeLong(s.seed());
        out.writeInt(s.generation());
        out.writeDouble(s.bestFitness());
        out.writeInt(s.bestGeneration());
        floats(out, s.theta());
        out.writeInt(s.buffers().length);
        for (int b = 0; b < names.size(); b++) {
            out.writeUTF(names.get(b));
            floats(out, s.buffer(b));
        }
        if (stage != null) {
            out.writeInt(stage.index());
            out.writeInt(stage.start());
            out.writeDouble(stage.best());
            out.writeInt(stage.bestGeneration());
            out.writeDouble(stage.last());
            floats(out, stage.bestCentre());
            if (stage.restarts() > 0) {
                out.writeInt(stage.restarts());
            }
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
        byte[] all = SafeRead.bytes(file, "checkpoint", MAX_BYTES, SafeRead.Links.REFUSE);
        if (all.length < MAGIC.length + 4) {
            throw new CorruptFileException(file + ": too short to be a checkpoint (" + all.length + " bytes)");
        }
        boolean v1 = Arrays.equals(all, 0, MAGIC_V1.length, MAGIC_V1, 0, MAGIC_V1.length);
        boolean v4 = Arrays.equals(all, 0, MAGIC_V4.length, MAGIC_V4, 0, MAGIC_V4.length);
        boolean v3 = v4 || Arrays.equals(all, 0, MAGIC_V3.length, MAGIC_V3, 0, MAGIC_V3.length);
        if (!v1 && !v3 && !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptFileException(file + ": not an enu checkpoint (bad magic)");
        }
        checkCrc(file, all);
        ByteBuffer in = ByteBuffer.wrap(all, MAGIC.length, all.length - 4 - MAGIC.length);
        try {
            int len = in.getShort() & 0xFFFF;
            byte[] d = new byte[len];
            in.get(d);
            String digest = new String(d, StandardCharsets.UTF_8);
            String strategy = v1 ? RankMomentumEs.NAME : utf(in);
            long seed = in.getLong();
            int generation = in.getInt();
            double best = in.getDouble();
            int bestGen = in.getInt();
            int n = in.getInt();
            if (n < 0 || n > in.remaining() / (v1 ? 8 : 4) || generation < 0) {
                throw new CorruptFileException(file + ": inconsistent sizes");
            }
            float[] theta = floats(in, n);
            List<String> names = new ArrayList<>();
            List<float[]> buffers = new ArrayList<>();
            readBuffers(file, in, v1, n, names, buffers);
            StageProgress stage = v3 ? stageProgress(file, in, generation, n, v4) : null;
            if (in.hasRemaining()) {
                throw new CorruptFileException(file + ": trailing bytes");
            }
            EsState state = new EsState(seed, generation, theta, buffers.toArray(new float[0][]), best, bestGen);
            String bad = state.firstNonFinite(names);
            if (bad != null) {
                throw new CorruptFileException(file + ": " + bad);
            }
            if (Double.isInfinite(best) || bestGen < -1 || bestGen >= Math.max(generation, 1)) {
                throw new CorruptFileException(file + ": inconsistent best fitness (" + best + " at generation " + bestGen
                        + ")");
            }
            return new Content(digest, strategy, List.copyOf(names), state, stage);
        } catch (java.nio.BufferUnderflowException e) {
            throw new CorruptFileException(file + ": truncated");
        }
    }

    /** The CRC-32C of everything before the last four bytes must be those bytes. */
    private static void checkCrc(Path file, byte[] all) throws CorruptFileException {
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        int stored = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new CorruptFileException(file + ": checksum mismatch (the file is damaged)");
        }
    }

    /** The strategy's named state vectors (version 1: the momentum alone, of theta's length). */
    private static void readBuffers(Path file, ByteBuffer in, boolean v1, int n, List<String> names,
                                    List<float[]> buffers) throws CorruptFileException {
        if (v1) {
            names.add("momentum");
            buffers.add(floats(in, n));
        } else {
            int b = in.getInt();
            if (b < 0 || b > MAX_BUFFERS) {
                throw new CorruptFileException(file + ": inconsistent sizes");
            }
            for (int i = 0; i < b; i++) {
                names.add(utf(in));
                int length = in.getInt();
                if (length < 0 || length > in.remaining() / 4) {
                    throw new CorruptFileException(file + ": inconsistent sizes");
                }
                buffers.add(floats(in, length));
            }
        }
    }

    private static StageProgress stageProgress(Path file, ByteBuffer in, int generation, int n, boolean v4)
            throws CorruptFileException {
        int index = in.getInt();
        int start = in.getInt();
        double best = in.getDouble();
        int bestGen = in.getInt();
        double last = in.getDouble();
        int length = in.getInt();
        if (index < 0 || start < 0 || start > generation || bestGen < -1 || bestGen > generation
                || (bestGen >= 0 && bestGen < start) || Double.isInfinite(best) || Double.isInfinite(last)
                || (length != 0 && length != n) || length > in.remaining() / 4) {
            throw new CorruptFileException(file + ": inconsistent stage record");
        }
        float[] centre = floats(in, length);
        if (firstNonFinite(centre) >= 0) {
            throw new CorruptFileException(file + ": stage record: a non-finite value in the best centre");
        }
        int restarts = v4 ? in.getInt() : 0;
        if (v4 && restarts < 1) {
            throw new CorruptFileException(file + ": stage record: restarts must be >= 1 in a version-4 checkpoint, got "
                    + restarts);
        }
        return new StageProgress(index, start, best, bestGen, centre, last, restarts);
    }

    /** A length (int32), then the values (float32). */
    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static float[] floats(ByteBuffer in, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.getFloat();
        }
        return v;
    }

    private static String utf(ByteBuffer in) {
        byte[] b = new byte[in.getShort() & 0xFFFF];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
