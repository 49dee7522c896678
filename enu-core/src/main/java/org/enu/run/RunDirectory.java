package org.enu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigTree;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.Genome;
import org.enu.task.Task;
import org.enu.task.TaskRegistry;

/**
 * The files of one run and how to read them back:
 * <ul>
 *   <li>{@code config.yaml} the resolved configuration;</li>
 *   <li>{@code run.json} provenance of the process that started the run;</li>
 *   <li>{@code metrics.jsonl} one JSON object per generation;</li>
 *   <li>{@code checkpoint.bin} the latest resumable state ({@link Checkpoint});</li>
 *   <li>{@code genome.json} the final genome ({@link Genome}).</li>
 * </ul>
 */
public final class RunDirectory {
    public static final String CONFIG = "config.yaml";
    public static final String RUN_INFO = "run.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String GENOME = "genome.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Fails unless this is an existing run directory (it has a config.yaml). */
    public RunDirectory requireExisting() throws CorruptFileException {
        if (!Files.isDirectory(dir)) {
            throw new CorruptFileException(dir + ": no such run directory");
        }
        if (!Files.isRegularFile(file(CONFIG))) {
            throw new CorruptFileException(dir + ": not a run directory (no " + CONFIG + ")");
        }
        return this;
    }

    public RunConfig config() {
        return RunConfig.load(file(CONFIG));
    }

    /** The SHA-256 of the configuration without the keys that never change results. */
    public static String digest(RunConfig cfg) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(cfg.tree().map());
        for (String k : RunConfig.NON_SEMANTIC_KEYS) {
            m.remove(k);
        }
        if (m.get("curriculum") instanceof java.util.List<?> l && l.isEmpty()) {
            m.remove("curriculum"); // runs without one keep the digest they had before curricula existed
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(new ConfigTree(m).toYaml().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The run's most recent genome: genome.json when the run has finished (and was not resumed
     * past it), else the centre of the latest checkpoint.
     */
    public Genome latestGenome() throws IOException {
        requireExisting();
        Genome finished = Files.isRegularFile(file(GENOME)) ? Genome.read(file(GENOME)) : null;
        if (finished != null && !Files.isRegularFile(file(CHECKPOINT))) {
            return finished;
        }
        RunConfig cfg = config();
        Checkpoint.Content c = Checkpoint.read(file(CHECKPOINT));
        if (finished != null && finished.generation() >= c.state().generation()) {
            return finished;
        }
        Task task = TaskRegistry.create(cfg);
        if (c.state().theta().length != task.layout().parameterCount()) {
            throw new CorruptFileException(file(CHECKPOINT) + ": holds " + c.state().theta().length
                    + " parameters, the configuration needs " + task.layout().parameterCount());
        }
        return new Genome(cfg.task(), c.state().generation(), task.layout(), c.state().theta(), Map.of(),
                cfg.tree().map());
    }

    /** The metrics log's lines as maps, in order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> metrics() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Path f = file(METRICS);
        if (!Files.exists(f)) {
            return rows;
        }
        int n = 0;
        for (String line : Files.readAllLines(f)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(JSON.readValue(line, Map.class));
            } catch (IOException e) {
                throw new CorruptFileException(f + ": line " + n + " is not JSON");
            }
        }
        return rows;
    }
}
