package org.enu.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.config.ConfigTree;
import org.enu.config.Limits;
import org.enu.config.RunConfig;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.Genome;
import org.enu.io.SafeRead;
import org.enu.io.Sha256;
import org.enu.task.TrainingTask;

/**
 * The files of one run and how to read them back:
 * <ul>
 *   <li>{@code config.yaml} the resolved configuration;</li>
 *   <li>{@code run.json} provenance of the process that started the run;</li>
 *   <li>{@code metrics.jsonl} one JSON object per generation;</li>
 *   <li>{@code checkpoint.bin} the latest resumable state ({@link Checkpoint});</li>
 *   <li>{@code genome.json} the final genome ({@link Genome});</li>
 *   <li>{@code .lock} held by the process that writes the directory ({@link RunLock}).</li>
 * </ul>
 * Every command that reads a run checks that its checkpoint and genome were made under the
 * configuration config.yaml says, so an edited config.yaml or a file copied in from another run
 * is refused instead of giving other numbers.
 */
public final class RunDirectory {
    public static final String CONFIG = "config.yaml";
    public static final String RUN_INFO = "run.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String GENOME = "genome.json";

    /** Every file enu reads or writes in a run directory; none of them may be a symbolic link. */
    static final List<String> FILES = List.of(CONFIG, RUN_INFO, METRICS, CHECKPOINT, GENOME, RunLock.FILE);
    private static final Map<String, String> KINDS = Map.of(CONFIG, "configuration", RUN_INFO, "run.json", METRICS,
            "metrics log", CHECKPOINT, "checkpoint", GENOME, "genome", RunLock.FILE, "lock");

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
        if (!SafeRead.exists(file(CONFIG))) {
            throw new CorruptFileException(dir + ": not a run directory (no " + CONFIG + ")");
        }
        for (String f : FILES) {
            // found now, not when a resume is about to write it generations later
            SafeRead.requireRegularIfPresent(file(f), KINDS.get(f));
        }
        return this;
    }

    /** The run's config.yaml, read as a run file (no link, at most {@link Limits#MAX_CONFIG_BYTES}). */
    public RunConfig config() {
        return RunConfig.parse(configText(), file(CONFIG).toString());
    }

    private String configText() {
        try {
            return SafeRead.text(file(CONFIG), "configuration", Limits.MAX_CONFIG_BYTES, SafeRead.Links.REFUSE);
        } catch (CorruptFileException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The SHA-256 of the configuration without the keys that never change results. */
    public static String digest(RunConfig cfg) {
        return digest(cfg.tree());
    }

    static String digest(ConfigTree tree) {
        Map<String, Object> m = new LinkedHashMap<>(tree.map());
        for (String k : RunConfig.NON_SEMANTIC_KEYS) {
            m.remove(k);
        }
        for (String k : List.of("curriculum", "stages")) {
            if (m.get(k) instanceof List<?> l && l.isEmpty()) {
                m.remove(k); // runs without one keep the digest they had before curricula and stages existed
            }
        }
        return Sha256.hex(new ConfigTree(m).toYaml().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a checkpoint's digest belongs to this directory's configuration: the digest of
     * config.yaml in the schema's key order, or (for checkpoints written before the order was
     * fixed) in the order the file lists its keys.
     */
    private boolean digestMatches(String stored, RunConfig cfg) {
        if (stored.equals(digest(cfg))) {
            return true;
        }
        try {
            return stored.equals(digest(ConfigTree.parse(configText(), file(CONFIG).toString())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads the checkpoint and checks that it belongs to this configuration: its digest, its
     * seed and its parameter count.
     */
    public Checkpoint.Content checkpoint(RunConfig cfg, TrainingTask task) throws IOException {
        checkRunInfo(cfg, task);
        Path f = file(CHECKPOINT);
        Checkpoint.Content c = Checkpoint.read(f);
        if (!digestMatches(c.configDigest(), cfg) || c.state().seed() != cfg.seed()) {
            throw new CorruptFileException(f + ": was written under a different configuration than " + CONFIG
                    + " (was config.yaml edited, or the checkpoint copied from another run?)");
        }
        if (c.state().generation() > cfg.generations()) {
            throw new CorruptFileException(f + ": is at generation " + c.state().generation() + ", beyond the run's "
                    + "budget of " + cfg.generations() + " generations in " + CONFIG + " (a checkpoint of another run?)");
        }
        if (c.state().theta().length != task.layout().parameterCount()) {
            throw new CorruptFileException(f + ": holds " + c.state().theta().length
                    + " parameters, the configuration needs " + task.layout().parameterCount());
        }
        if (cfg.staged() != (c.stage() != null)) {
            throw new CorruptFileException(f + ": " + (cfg.staged() ? "has no stage record, but " + CONFIG
                    + " describes a staged run" : "has a stage record, but " + CONFIG + " describes no stages"));
        }
        if (c.stage() != null && (c.stage().index() > cfg.stages().stages().size()
                || (c.stage().bestCentre().length != 0 && c.stage().bestCentre().length != c.state().theta().length))) {
            throw new CorruptFileException(f + ": its stage record does not fit the " + cfg.stages().stages().size()
                    + " stages of " + CONFIG);
        }
        RunConfig sc = TrainingRun.stageConfig(cfg, c.stage());
        if (!c.strategy().equals(sc.strategy().name()) || !c.buffers().equals(sc.strategy().buffers())) {
            throw new CorruptFileException(f + ": holds the state of es.strategy " + c.strategy() + " (" + String.join(", ",
                    c.buffers()) + "), " + CONFIG + " names " + sc.strategy().name());
        }
        try {
            sc.strategy().checkState(c.state());
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(f + ": " + e.getMessage());
        }
        return c;
    }

    /**
     * The run's most recent genome, checked against config.yaml: genome.json when the run has
     * finished (and was not resumed past it), else the centre of the latest checkpoint. When both
     * are of the same generation they must hold the same parameters.
     */
    public Genome latestGenome() throws IOException {
        requireExisting();
        RunConfig cfg = config();
        TrainingTask task = cfg.newTask();
        boolean hasCkpt = Files.exists(file(CHECKPOINT));
        boolean hasGenome = Files.exists(file(GENOME));
        if (!hasCkpt && !hasGenome) {
            throw new CorruptFileException(file(CHECKPOINT) + ": no checkpoint found");
        }
        if (!hasCkpt) {
            checkRunInfo(cfg, task); // else checkpoint() checks it
        }
        Checkpoint.Content c = hasCkpt ? checkpoint(cfg, task) : null;
        Genome finished = hasGenome ? genome(cfg, task, c) : null;
        if (finished != null && c != null && finished.generation() == c.state().generation()
                && !Arrays.equals(finished.parameters(), c.state().theta())) {
            throw new CorruptFileException(file(GENOME) + ": differs from " + CHECKPOINT + " at the same generation "
                    + c.state().generation() + " (was one of them copied from another run?)");
        }
        if (finished != null && (c == null || finished.generation() >= c.state().generation())) {
            return finished;
        }
        return new Genome(cfg.task(), c.state().generation(), task.layout(), c.state().theta(), Map.of(),
                cfg.tree().map());
    }

    private Genome genome(RunConfig cfg, TrainingTask task, Checkpoint.Content c) throws IOException {
        Path f = file(GENOME);
        Genome g;
        try {
            g = Genome.read(f, SafeRead.Links.REFUSE);
        } catch (Genome.UncheckedGenomeException e) {
            // version 1: trusted only as far as the checksummed checkpoint of its generation vouches
            Genome old = e.genome();
            if (c != null && c.state().generation() > old.generation()) {
                return null; // resumed past it: the checkpoint is the latest genome, this one is not used
            }
            if (c == null || c.state().generation() != old.generation()
                    || !Arrays.equals(old.parameters(), c.state().theta())) {
                throw e;
            }
            g = old;
        }
        if (!g.task().equals(cfg.task()) || !g.layout().sameShape(task.layout())) {
            throw new CorruptFileException(f + ": is a genome of another task or shape than " + CONFIG + " describes");
        }
        if (!g.sameConfig(cfg.tree().map(), RunConfig.NON_SEMANTIC_KEYS)) {
            throw new CorruptFileException(f + ": was written under a different configuration than " + CONFIG
                    + " (was config.yaml edited, or the genome copied from another run?)");
        }
        return g;
    }

    /** run.json is a few hundred bytes; a larger one is not enu's. */
    private static final long MAX_RUN_INFO_BYTES = 64 << 10;

    /**
     * Checks run.json, the run's provenance, as far as it can be checked: present (in a directory
     * with a checkpoint, which enu wrote and can resume; a genome copied out of its run may come
     * without it), a JSON object
     * whose {@code provenance.seed} is config.yaml's seed and whose {@code parameters} is the
     * genome's size. (Its other fields describe the machine; an edit to them cannot be told from
     * the truth, as no checksum covers them.)
     */
    void checkRunInfo(RunConfig cfg, TrainingTask task) throws IOException {
        Path f = file(RUN_INFO);
        if (!SafeRead.exists(f) && !SafeRead.exists(file(CHECKPOINT))) {
            return; // a genome copied out of its run (results/...), without the run's other files
        }
        JsonNode root;
        try {
            root = JSON.readTree(SafeRead.bytes(f, "run.json", MAX_RUN_INFO_BYTES, SafeRead.Links.REFUSE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CorruptFileException(f + ": not valid JSON (it records where the run came from)");
        }
        if (root == null || !root.isObject() || !root.path("provenance").isObject()) {
            throw new CorruptFileException(f + ": not a run record (expected a JSON object with provenance)");
        }
        JsonNode seed = root.path("provenance").path("seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.asLong() != cfg.seed()) {
            throw new CorruptFileException(f + ": provenance.seed is " + seed + ", " + CONFIG + " says " + cfg.seed()
                    + " (a run.json of another run?)");
        }
        JsonNode n = root.path("parameters");
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() != task.layout().parameterCount()) {
            throw new CorruptFileException(f + ": parameters is " + n + ", the configuration's genome has "
                    + task.layout().parameterCount() + " (a run.json of another run?)");
        }
        JsonNode init = root.path("init_from");
        if (!init.isMissingNode() && (!init.isObject() || !init.path("checksum").isTextual())) {
            throw new CorruptFileException(f + ": init_from: expected the source genome's record");
        }
    }

    /** The metrics log's lines as maps, in order (a last line torn by a crash is left out). */
    public List<Map<String, Object>> metrics() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MetricsLog.Row r : metricsRows(config())) {
            rows.add(r.values());
        }
        return rows;
    }

    /** The metrics log's rows, bounded by the size of a run of {@code cfg}'s budget. */
    List<MetricsLog.Row> metricsRows(RunConfig cfg) throws IOException {
        return MetricsLog.read(file(METRICS), cfg.generations(), cfg.checkpointEvery());
    }

    /**
     * Null when metrics.jsonl holds every generation from 0 on in order, else what is missing in
     * words ("generations 14-29 are missing").
     */
    public String metricsHole(List<Map<String, Object>> rows) {
        return MetricsLog.hole(rows.stream().mapToInt(m -> ((Number) m.get("generation")).intValue()).toArray(), 0);
    }
}
