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
import org.enu.config.Limits;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.io.AtomicFiles;
import org.enu.io.Checkpoint;
import org.enu.io.CorruptFileException;
import org.enu.io.FileWriteException;
import org.enu.io.Genome;
import org.enu.io.Provenance;
import org.enu.task.TrainingTask;

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
     * Starts a new run in {@code dir}, which must not exist or be empty. Everything is validated
     * before the first file is written; the directory is locked ({@link RunLock}) while the run
     * trains; a start that fails after that removes what it wrote.
     *
     * @param listeners extra observers (a progress bar)
     * @param stop      checked between generations
     */
    public static Result start(RunConfig cfg, Path dir, List<RunListener> listeners, BooleanSupplier stop)
            throws IOException {
        return start(cfg, dir, listeners, stop, null, EvaluatorFactory.LOCAL);
    }

    /**
     * Starts a new run like {@link #start(RunConfig, Path, List, BooleanSupplier)}, its centre
     * taken from {@code init} (a genome of the same task and layout, recorded in run.json as
     * {@code init_from}) instead of the untrained initialisation; null: untrained.
     */
    public static Result start(RunConfig cfg, Path dir, List<RunListener> listeners, BooleanSupplier stop,
                               InitialGenome init) throws IOException {
        return start(cfg, dir, listeners, stop, init, EvaluatorFactory.LOCAL);
    }

    /**
     * Starts a new run (see {@link #start(RunConfig, Path, List, BooleanSupplier, InitialGenome)})
     * whose generations are evaluated by the evaluators {@code evaluators} makes (one per
     * curriculum stage); the run directory stays on this machine.
     */
    public static Result start(RunConfig cfg, Path dir, List<RunListener> listeners, BooleanSupplier stop,
                               InitialGenome init, EvaluatorFactory evaluators) throws IOException {
        RunFiles.requireEmpty(dir);
        String yaml = readableConfig(cfg);
        Experiment experiment = Experiment.of(cfg); // validate the task section before touching the disk
        TrainingTask task = experiment.task();
        checkStart(cfg, task, init);
        float[] initCentre = init == null ? null : init.genome().parameters();
        EsState state = cfg.staged() ? StagedTraining.initialState(cfg, initCentre)
                : initCentre == null ? experiment.initialState() : experiment.initialState(initCentre);
        Checkpoint.StageProgress progress = cfg.staged() ? StagedTraining.first() : null;
        Path created = RunFiles.firstMissing(dir.toAbsolutePath());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileWriteException(dir, AtomicFiles.reason(e));
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(dir);
        } catch (IOException | RuntimeException e) {
            RunFiles.removeCreated(created, dir);
            throw e;
        }
        RunDirectory rd = new RunDirectory(dir);
        try {
            try {
                RunFiles.requireEmpty(dir); // another start may have filled it between the first look and the lock
                writeFirstFiles(rd, cfg, yaml, task, init, state, progress);
            } catch (IOException | RuntimeException e) {
                undoStart(e, rd, lock, created, dir);
                throw e;
            }
            return cfg.staged() ? stagedLoop(cfg, task, state, progress, rd, listeners, stop, evaluators)
                    : loop(cfg, task, state, rd, listeners, stop, evaluators);
        } finally {
            lock.close();
        }
    }

    /** The checks of a start that need the task: stages, memory, the initial genome's fit. */
    private static void checkStart(RunConfig cfg, TrainingTask task, InitialGenome init) {
        Stages.checkStages(cfg, task);
        Stages.checkMemory(cfg, task);
        if (init != null) {
            init.checkFits(cfg.task(), task.layout());
            for (int i = 0; i < cfg.stages().stages().size(); i++) {
                if (cfg.stages().stages().get(i).retry() != null) {
                    throw new ConfigException("stages[" + i + "] (" + cfg.stages().stages().get(i).name() + ").retry: "
                            + "starts the run over from an untrained genome, so it cannot go with --init-from");
                }
            }
        }
        if (cfg.staged()) {
            StagedTraining.check(cfg, task);
        }
    }

    /** config.yaml, run.json, the first checkpoint and an empty metrics.jsonl. */
    private static void writeFirstFiles(RunDirectory rd, RunConfig cfg, String yaml, TrainingTask task,
                                        InitialGenome init, EsState state, Checkpoint.StageProgress progress)
            throws IOException {
        AtomicFiles.writeString(rd.file(RunDirectory.CONFIG), yaml);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("provenance", Provenance.current(cfg.seed()));
        info.put("parameters", task.layout().parameterCount());
        if (init != null) {
            info.put("init_from", init.describe());
        }
        AtomicFiles.writeString(rd.file(RunDirectory.RUN_INFO), PRETTY.writeValueAsString(info) + "\n");
        checkpoint(rd.file(RunDirectory.CHECKPOINT), RunDirectory.digest(cfg), cfg, state, progress);
        AtomicFiles.writeString(rd.file(RunDirectory.METRICS), "");
    }

    /**
     * A start that failed leaves nothing behind: its files, and the lock file and directories it
     * made, go; a refusal (a directory another start filled meanwhile) leaves the directory as it is.
     */
    private static void undoStart(Exception e, RunDirectory rd, RunLock lock, Path created, Path dir)
            throws IOException {
        if (!(e instanceof ConfigException)) {
            for (String f : List.of(RunDirectory.CONFIG, RunDirectory.RUN_INFO, RunDirectory.CHECKPOINT,
                    RunDirectory.METRICS)) {
                Files.deleteIfExists(rd.file(f));
            }
        }
        if (lock.createdFile() && !(e instanceof ConfigException)) {
            lock.closeAndDelete();
            RunFiles.removeCreated(created, dir);
        } else {
            lock.close();
        }
    }

    /**
     * Continues the run in {@code dir} from its checkpoint. The files are checked before the
     * directory is locked and again under the lock; nothing is written unless both pass.
     *
     * @param generations a new total generation budget, or null to keep the configured one
     * @param threads     a new thread count, or null to keep the configured one
     */
    public static Result resume(Path dir, Integer generations, Integer threads, List<RunListener> listeners,
                                BooleanSupplier stop) throws IOException {
        return resume(dir, generations, threads, listeners, stop, EvaluatorFactory.LOCAL);
    }

    /** Continues a run with the evaluators {@code evaluators} makes (see {@link #start}). */
    @SuppressWarnings({"try", "ReferenceEquality"}) // the lock is held for the block; the same config object: unchanged
    public static Result resume(Path dir, Integer generations, Integer threads, List<RunListener> listeners,
                                BooleanSupplier stop, EvaluatorFactory evaluators) throws IOException {
        prepareResume(dir, generations, threads);
        try (RunLock lock = RunLock.acquire(dir)) {
            Resumed r = prepareResume(dir, generations, threads);
            RunFiles.removeTemporaries(dir);
            RunDirectory rd = r.rd();
            truncateMetrics(rd, r.metrics(), r.state().generation());
            if (r.updated() != r.cfg()) {
                AtomicFiles.writeString(rd.file(RunDirectory.CONFIG), r.updated().tree().toYaml());
            }
            return r.cfg().staged() ? stagedLoop(r.updated(), r.task(), r.state(), r.progress(), rd, listeners, stop,
                    evaluators) : loop(r.updated(), r.task(), r.state(), rd, listeners, stop, evaluators);
        }
    }

    private record Resumed(RunDirectory rd, RunConfig cfg, RunConfig updated, TrainingTask task, EsState state,
                           Checkpoint.StageProgress progress, List<MetricsLog.Row> metrics) {
    }

    /** Writes a checkpoint of the state of the strategy that runs at {@code p} (the run's, or the stage's). */
    private static void checkpoint(Path file, String digest, RunConfig cfg, EsState s, Checkpoint.StageProgress p)
            throws IOException {
        org.enu.es.Strategy strategy = stageConfig(cfg, p).strategy();
        Checkpoint.write(file, digest, strategy.name(), strategy.buffers(), s, p);
    }

    /** The configuration whose strategy runs at this point of a staged run (the last stage once all ended). */
    static RunConfig stageConfig(RunConfig cfg, Checkpoint.StageProgress p) {
        if (!cfg.staged() || p == null) {
            return cfg;
        }
        return cfg.atStage(Math.min(p.index(), cfg.stages().stages().size() - 1));
    }

    /** Reads and checks everything a resume needs, writing nothing. */
    private static Resumed prepareResume(Path dir, Integer generations, Integer threads) throws IOException {
        RunDirectory rd = new RunDirectory(dir).requireExisting();
        RunConfig cfg = rd.config();
        TrainingTask task = Experiment.of(cfg).task();
        Checkpoint.Content ckpt = rd.checkpoint(cfg, task);
        int reached = ckpt.state().generation();
        RunConfig updated = cfg;
        if (generations != null) {
            if (generations < reached) {
                throw new ConfigException("--generations: " + generations + " is below generation " + reached
                        + ", which the run has already reached (its files stay as they are)");
            }
            updated = updated.with("generations", generations);
        }
        if (threads != null) {
            updated = updated.with("threads", threads);
        }
        Stages.checkStages(cfg, task);
        Stages.checkMemory(updated, task);
        readableConfig(updated);
        List<MetricsLog.Row> metrics = rd.metricsRows(cfg);
        String hole = MetricsLog.hole(metrics.stream().mapToInt(MetricsLog.Row::generation).toArray(), reached);
        if (hole != null) {
            throw new CorruptFileException(rd.file(RunDirectory.METRICS) + ": " + hole + "; resuming would leave a "
                    + "permanent gap in the run's record (was the file cut, edited or deleted?)");
        }
        if (cfg.staged()) {
            StagedTraining.check(updated, task);
        }
        return new Resumed(rd, cfg, updated, task, ckpt.state(), ckpt.stage(), metrics);
    }

    /**
     * The config.yaml a run writes, refused if it would be larger than enu reads back: the
     * resolved tree spells out every default, so it is larger than the --config file it came from.
     */
    private static String readableConfig(RunConfig cfg) {
        String yaml = cfg.tree().toYaml();
        long bytes = yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_CONFIG_BYTES) {
            throw new ConfigException("config: the resolved configuration would be " + bytes + " bytes in "
                    + RunDirectory.CONFIG + ", more than the " + (Limits.MAX_CONFIG_BYTES >> 10) + " kB enu reads back "
                    + "(a very long curriculum?)");
        }
        return yaml;
    }

    /**
     * Drops metrics lines of generations at or after {@code generation} (they will be redone),
     * and a last line cut short by a killed process.
     */
    private static void truncateMetrics(RunDirectory rd, List<MetricsLog.Row> rows, int generation)
            throws IOException {
        StringBuilder keep = new StringBuilder();
        for (MetricsLog.Row row : rows) {
            if (row.generation() < generation) {
                keep.append(row.text()).append('\n');
            }
        }
        AtomicFiles.writeString(rd.file(RunDirectory.METRICS), keep.toString());
    }

    private static Result loop(RunConfig cfg, TrainingTask task, EsState state, RunDirectory rd,
                               List<RunListener> extra, BooleanSupplier stop, EvaluatorFactory evaluators)
            throws IOException {
        String digest = RunDirectory.digest(cfg);
        Path metricsFile = rd.file(RunDirectory.METRICS);
        Path checkpointFile = rd.file(RunDirectory.CHECKPOINT);
        int[] checkpointed = {state.generation()};
        List<RunListener> listeners = new ArrayList<>();
        BufferedWriter opened = appendTo(metricsFile);
        try (BufferedWriter metrics = opened; Stages stages = new Stages(cfg, evaluators)) {
            listeners.add((stats, next) -> {
                try {
                    writeRow(metrics, metricsFile, MetricsLog.row(cfg, stats));
                } catch (FileWriteException e) {
                    throw new UncheckedIOException(e);
                }
                requireFinite(next, checkpointFile, checkpointed[0]);
                if (next.generation() % cfg.checkpointEvery() == 0) {
                    try {
                        Checkpoint.write(checkpointFile, digest, cfg.strategy(), next);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    checkpointed[0] = next.generation();
                }
            });
            listeners.addAll(extra);
            EsState last;
            try {
                last = Trainer.run(stages::strategy, stages::evaluator, state, cfg.generations(), listeners, stop);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Checkpoint.write(checkpointFile, digest, cfg.strategy(), last);
            boolean completed = last.generation() >= cfg.generations();
            if (completed) {
                Map<String, Object> prov = Provenance.current(cfg.seed());
                new Genome(task.name(), last.generation(), task.layout(), last.theta(), prov, cfg.tree().map())
                        .write(rd.file(RunDirectory.GENOME));
            }
            return new Result(last, completed, rd.path());
        }
    }

    /** The loop of a staged run: as {@link #loop}, with stage records in metrics.jsonl and checkpoints. */
    private static Result stagedLoop(RunConfig cfg, TrainingTask task, EsState state, Checkpoint.StageProgress progress,
                                     RunDirectory rd, List<RunListener> extra, BooleanSupplier stop,
                                     EvaluatorFactory evaluators) throws IOException {
        String digest = RunDirectory.digest(cfg);
        Path metricsFile = rd.file(RunDirectory.METRICS);
        Path checkpointFile = rd.file(RunDirectory.CHECKPOINT);
        int[] checkpointed = {state.generation()};
        BufferedWriter opened = appendTo(metricsFile);
        StagedTraining staged = new StagedTraining(cfg, evaluators);
        try (BufferedWriter metrics = opened) {
            StagedTraining.Sink sink = new StagedTraining.Sink() {
                @Override
                public void generation(GenerationStats stats, EsState next, Checkpoint.StageProgress p, String name,
                                       Map<String, Double> validation) throws IOException {
                    Map<String, Object> row = MetricsLog.row(cfg, stats);
                    row.put("stage", p.index());
                    row.put("stage_name", name);
                    if (p.restarts() > 0) {
                        row.put("restarts", p.restarts());
                    }
                    if (validation != null) {
                        row.put("validation", org.enu.task.Metric.jsonValues(validation));
                    }
                    writeRow(metrics, metricsFile, row);
                    requireFinite(next, checkpointFile, checkpointed[0]);
                    if (next.generation() % cfg.checkpointEvery() == 0) {
                        checkpoint(checkpointFile, digest, cfg, next, p);
                        checkpointed[0] = next.generation();
                    }
                }

                @Override
                public void stageChanged(EsState next, Checkpoint.StageProgress p) throws IOException {
                    // at once: a resume from here starts the new stage with the state it was handed
                    checkpoint(checkpointFile, digest, cfg, next, p);
                    checkpointed[0] = next.generation();
                }
            };
            StagedTraining.Result r;
            try {
                r = staged.run(state, progress, extra, stop, sink);
            } finally {
                staged.close();
            }
            EsState last = r.state();
            checkpoint(checkpointFile, digest, cfg, last, r.progress());
            if (r.finished()) {
                Map<String, Object> prov = Provenance.current(cfg.seed());
                new Genome(task.name(), last.generation(), task.layout(), last.theta(), prov, cfg.tree().map())
                        .write(rd.file(RunDirectory.GENOME));
            }
            return new Result(last, r.finished(), rd.path());
        }
    }

    /** Opens metrics.jsonl to append to it, naming the file if it cannot. */
    private static BufferedWriter appendTo(Path metricsFile) throws FileWriteException {
        try {
            return Files.newBufferedWriter(metricsFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new FileWriteException(metricsFile, AtomicFiles.reason(e));
        }
    }

    /** One line of metrics.jsonl, flushed so that a reader or a crash sees whole generations. */
    private static void writeRow(BufferedWriter metrics, Path metricsFile, Map<String, Object> row)
            throws FileWriteException {
        try {
            metrics.write(JSON.writeValueAsString(row));
            metrics.write('\n');
            metrics.flush();
        } catch (IOException e) {
            throw new FileWriteException(metricsFile, AtomicFiles.reason(e));
        }
    }

    /**
     * Stops the run when an update made a parameter NaN or infinite: nothing of that state is
     * written, so the checkpoint on disk stays the last good one.
     */
    private static void requireFinite(EsState next, Path checkpoint, int checkpointed) {
        int all = next.nonFiniteCount();
        if (all > 0) {
            int bad = next.nonFiniteParameters();
            String what = bad > 0 ? bad + " of " + next.theta().length + " parameters"
                    : all + " values of the strategy's state";
            throw new ConfigException("es: the update of generation " + (next.generation() - 1) + " made " + what
                    + " NaN or infinite; stopped, and " + checkpoint + " keeps generation " + checkpointed
                    + " (lower es.learning_rate or es.sigma)");
        }
    }
}
