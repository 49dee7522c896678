package org.enu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.RankMomentumEs;
import org.enu.eval.Evaluator;
import org.enu.eval.LocalEvaluator;
import org.enu.io.AtomicFiles;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.Genome;
import org.enu.io.Provenance;
import org.enu.task.Task;
import org.enu.task.TaskRegistry;

/**
 * Starts or resumes a training run in a run directory ({@link RunDirectory}): writes the config
 * and provenance, logs metrics, checkpoints every {@code checkpoint_every} generations and at the
 * end, and writes the final genome. A run that is stopped and resumed ends bit-identical to one
 * that ran straight through, because every random number is keyed and the checkpoint holds the
 * whole strategy state.
 */
public final class TrainingRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingRun() {
    }

    /** How a run ended. */
    public record Result(EsState state, boolean completed, Path dir) {
    }

    /**
     * Starts a new run in {@code dir}, which must not exist or be empty.
     *
     * @param listeners extra observers (a progress bar)
     * @param stop      checked between generations
     */
    public static Result start(RunConfig cfg, Path dir, List<RunListener> listeners, BooleanSupplier stop)
            throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("out: " + dir + " exists and is not a directory");
            }
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new ConfigException("out: " + dir + " is not empty (use `enu resume " + dir
                            + "` to continue the run there, or choose another directory)");
                }
            }
        }
        Task task = TaskRegistry.create(cfg); // validate the task section before touching the disk
        checkStages(cfg, task);
        Files.createDirectories(dir);
        RunDirectory rd = new RunDirectory(dir);
        AtomicFiles.writeString(rd.file(RunDirectory.CONFIG), cfg.tree().toYaml());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("provenance", Provenance.current(cfg.seed()));
        info.put("parameters", task.layout().parameterCount());
        AtomicFiles.writeString(rd.file(RunDirectory.RUN_INFO), PRETTY.writeValueAsString(info) + "\n");
        RankMomentumEs strategy = new RankMomentumEs(cfg.es(), cfg.effectiveThreads());
        EsState state = strategy.init(task.initialParameters(cfg.seed()), cfg.seed());
        Checkpoint.write(rd.file(RunDirectory.CHECKPOINT), RunDirectory.digest(cfg), state);
        Files.writeString(rd.file(RunDirectory.METRICS), "");
        return loop(cfg, task, state, rd, listeners, stop);
    }

    /**
     * Continues the run in {@code dir} from its checkpoint.
     *
     * @param generations a new total generation budget, or null to keep the configured one
     * @param threads     a new thread count, or null to keep the configured one
     */
    public static Result resume(Path dir, Integer generations, Integer threads, List<RunListener> listeners,
                                BooleanSupplier stop) throws IOException {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        RunConfig cfg = rd.config();
        String digest = RunDirectory.digest(cfg);
        Checkpoint.Content ckpt = Checkpoint.read(rd.file(RunDirectory.CHECKPOINT));
        if (!ckpt.configDigest().equals(digest)) {
            throw new CorruptFileException(rd.file(RunDirectory.CHECKPOINT)
                    + ": was written under a different configuration than " + RunDirectory.CONFIG
                    + " (was config.yaml edited?)");
        }
        Task task = TaskRegistry.create(cfg);
        if (ckpt.state().theta().length != task.layout().parameterCount()) {
            throw new CorruptFileException(rd.file(RunDirectory.CHECKPOINT) + ": holds " + ckpt.state().theta().length
                    + " parameters, the configuration needs " + task.layout().parameterCount());
        }
        RunConfig updated = cfg;
        if (generations != null) {
            updated = updated.with("generations", generations);
        }
        if (threads != null) {
            updated = updated.with("threads", threads);
        }
        if (updated != cfg) {
            AtomicFiles.writeString(rd.file(RunDirectory.CONFIG), updated.tree().toYaml());
        }
        checkStages(cfg, task);
        truncateMetrics(rd, ckpt.state().generation());
        return loop(updated, task, ckpt.state(), rd, listeners, stop);
    }

    /** Every curriculum stage must make a valid task with the same genome shape. */
    static void checkStages(RunConfig cfg, Task task) {
        for (int i = 0; i < cfg.curriculum().stages().size(); i++) {
            RunConfig sc = cfg.atGeneration(cfg.curriculum().stages().get(i).from());
            Task t;
            try {
                t = TaskRegistry.create(sc);
            } catch (ConfigException e) {
                throw new ConfigException("curriculum[" + i + "].set." + e.getMessage());
            }
            if (t.layout().parameterCount() != task.layout().parameterCount()) {
                throw new ConfigException("curriculum[" + i + "].set: changes the genome's size from "
                        + task.layout().parameterCount() + " to " + t.layout().parameterCount() + " parameters");
            }
        }
    }

    /**
     * Drops metrics lines of generations at or after {@code generation} (they will be redone),
     * and a last line cut short by a killed process.
     */
    private static void truncateMetrics(RunDirectory rd, int generation) throws IOException {
        Path f = rd.file(RunDirectory.METRICS);
        if (!Files.exists(f)) {
            return;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        StringBuilder keep = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> row;
            try {
                row = JSON.readValue(line, Map.class);
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    break; // torn by a crash while it was written
                }
                throw new CorruptFileException(f + ": line " + (i + 1) + " is not JSON");
            }
            if (row.get("generation") instanceof Number n && n.intValue() < generation) {
                keep.append(line).append('\n');
            }
        }
        AtomicFiles.writeString(f, keep.toString());
    }

    /**
     * The strategy and evaluator of each generation: one per curriculum stage, made when the
     * stage begins (the previous stage's evaluator is closed then).
     */
    private static final class Stages implements AutoCloseable {
        private final RunConfig cfg;
        private int current = Integer.MIN_VALUE;
        private RankMomentumEs strategy;
        private Evaluator evaluator;

        Stages(RunConfig cfg) {
            this.cfg = cfg;
        }

        private void enter(int generation) {
            int stage = cfg.curriculum().stageAt(generation);
            if (stage == current) {
                return;
            }
            close();
            RunConfig sc = cfg.atGeneration(generation);
            strategy = new RankMomentumEs(sc.es(), cfg.effectiveThreads());
            evaluator = new LocalEvaluator(TaskRegistry.create(sc), cfg.effectiveThreads());
            current = stage;
        }

        RankMomentumEs strategy(int generation) {
            enter(generation);
            return strategy;
        }

        Evaluator evaluator(int generation) {
            enter(generation);
            return evaluator;
        }

        @Override
        public void close() {
            if (evaluator != null) {
                evaluator.close();
                evaluator = null;
            }
        }
    }

    private static Result loop(RunConfig cfg, Task task, EsState state, RunDirectory rd,
                               List<RunListener> extra, BooleanSupplier stop) throws IOException {
        String digest = RunDirectory.digest(cfg);
        List<RunListener> listeners = new ArrayList<>();
        try (BufferedWriter metrics = Files.newBufferedWriter(rd.file(RunDirectory.METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             Stages stages = new Stages(cfg)) {
            listeners.add((stats, next) -> {
                try {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("generation", stats.generation());
                    if (!cfg.curriculum().isEmpty()) {
                        row.put("stage", cfg.curriculum().stageAt(stats.generation()));
                    }
                    row.put("mean", stats.mean());
                    row.put("max", stats.max());
                    row.put("min", stats.min());
                    row.put("centre", stats.centre());
                    row.put("seconds", stats.seconds());
                    metrics.write(JSON.writeValueAsString(row));
                    metrics.write('\n');
                    metrics.flush();
                    if (next.generation() % cfg.checkpointEvery() == 0) {
                        Checkpoint.write(rd.file(RunDirectory.CHECKPOINT), digest, next);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            listeners.addAll(extra);
            EsState last;
            try {
                last = Trainer.run(stages::strategy, stages::evaluator, state, cfg.generations(), listeners, stop);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Checkpoint.write(rd.file(RunDirectory.CHECKPOINT), digest, last);
            boolean completed = last.generation() >= cfg.generations();
            if (completed) {
                Map<String, Object> prov = Provenance.current(cfg.seed());
                new Genome(task.name(), last.generation(), task.layout(), last.theta(), prov, cfg.tree().map())
                        .write(rd.file(RunDirectory.GENOME));
            }
            return new Result(last, completed, rd.path());
        }
    }
}
