package org.enu.run;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.config.StagePlan;
import org.enu.es.EsState;
import org.enu.eval.EnvironmentKeys;
import org.enu.eval.Evaluator;
import org.enu.io.Checkpoint.StageProgress;
import org.enu.rng.Keys;
import org.enu.task.Metric;

/**
 * The generation loop of a staged run ({@link StagePlan}): each stage runs with its own
 * configuration, strategy and evaluator; every {@code validate.every} generations of a stage its
 * centre plays the validation environments; the stage ends at its cap or when the validation
 * figure reaches {@code until}, and hands its last or its best validated centre to the next
 * stage, whose strategy state starts afresh when it asks for {@code reset} (or changes the
 * strategy). Where the stages stand is part of every checkpoint, so a resumed run continues in
 * the right stage with the same bits as one that never stopped.
 */
final class StagedTraining {
    private final RunConfig cfg;
    private final EvaluatorFactory factory;
    private int current = -1;
    private Experiment experiment;
    private Evaluator evaluator;
    private boolean lowerIsBetter;

    StagedTraining(RunConfig cfg, EvaluatorFactory factory) {
        this.cfg = cfg;
        this.factory = factory;
    }

    /** The state a staged run starts from: stage 0's strategy, the untrained or the given centre. */
    static EsState initialState(RunConfig cfg, float[] theta) {
        Experiment e = Experiment.of(cfg.atStage(0));
        return theta == null ? e.initialState() : e.initialState(theta);
    }

    /** Where a staged run stands before its first generation. */
    static StageProgress first() {
        return StageProgress.at(0, 0, 0);
    }

    /** The validation environments of a run: a stream training and {@code enu eval} never draw from. */
    static long[] validationKeys(long seed, int n) {
        return EnvironmentKeys.validation(seed, n);
    }

    private Experiment enter(int stage) {
        if (stage != current) {
            close();
            experiment = Experiment.of(cfg.atStage(stage));
            evaluator = factory.create(experiment);
            StagePlan.Validation v = cfg.stages().stages().get(stage).validation();
            lowerIsBetter = v != null && direction(validationWorld(cfg, v, experiment.config(), "validate.set."), v.metric())
                    == Metric.Better.LOWER;
            current = stage;
        }
        return experiment;
    }

    void close() {
        if (evaluator != null) {
            evaluator.close();
            evaluator = null;
        }
    }

    /** What one generation of the loop reports to the run's files and listeners. */
    interface Sink {
        /** A generation ran; {@code validation} holds the figures if it was validated (else null). */
        void generation(GenerationStats stats, EsState next, StageProgress progress, String stageName,
                        Map<String, Double> validation) throws IOException;

        /** A stage ended and the next begins: {@code next} is its first state, checkpointed at once. */
        void stageChanged(EsState next, StageProgress progress) throws IOException;
    }

    /** Runs from {@code state} and {@code progress} until the last stage ends, the budget is spent or {@code stop}. */
    Result run(EsState state, StageProgress progress, List<RunListener> listeners, BooleanSupplier stop, Sink sink)
            throws IOException {
        for (RunListener l : listeners) {
            l.started(state, cfg.generations());
        }
        List<StagePlan.Stage> stages = cfg.stages().stages();
        boolean done = progress.index() >= stages.size();
        while (!done && state.generation() < cfg.generations() && !stop.getAsBoolean()) {
            StagePlan.Stage stage = stages.get(progress.index());
            Experiment e = enter(progress.index());
            Trainer.Step step = Trainer.step(e.strategy(), evaluator, state);
            GenerationStats stats = step.stats();
            EsState next = step.next();
            int ran = next.generation() - progress.start();
            Map<String, Double> validation = null;
            StageProgress p = progress;
            if (stage.validation() != null && ran % stage.validation().every() == 0) {
                validation = validate(e, stage.validation(), next.theta());
                double v = validation.get(stage.validation().metric());
                boolean better = !Double.isNaN(v) && (Double.isNaN(p.best()) || (lowerIsBetter
                        ? v < p.best() : v > p.best()));
                p = better ? new StageProgress(p.index(), p.start(), v, next.generation(),
                        stage.handOnBest() ? next.theta() : new float[0], v, p.restarts())
                        : new StageProgress(p.index(), p.start(), p.best(), p.bestGeneration(), p.bestCentre(), v,
                        p.restarts());
            }
            String status = status(p, stage);
            for (RunListener l : listeners) {
                l.stageStatus(status);
            }
            sink.generation(stats, next, p, stage.name(), validation);
            for (RunListener l : listeners) {
                l.generation(stats, next);
            }
            boolean reached = validation != null && stage.until() != null && !Double.isNaN(p.last())
                    && (lowerIsBetter ? p.last() <= stage.until() : p.last() >= stage.until());
            if (reached || ran >= stage.generations()) {
                Turn t = endStage(stage, reached, next, p, listeners, sink);
                next = t.state();
                p = t.progress();
                done = t.finished();
            }
            state = next;
            progress = p;
        }
        for (RunListener l : listeners) {
            l.finished(state);
        }
        return new Result(state, progress, done);
    }

    /** What a stage's end leads to: the next state, where the stages stand, whether the last one ended. */
    private record Turn(EsState state, StageProgress progress, boolean finished) {
    }

    /**
     * A stage has ended (its figure reached {@code until}, or its cap): it starts the run over
     * ({@code retry}) or hands its last or best centre to the next stage, checkpointed at once.
     */
    private Turn endStage(StagePlan.Stage stage, boolean reached, EsState next, StageProgress p,
                          List<RunListener> listeners, Sink sink) throws IOException {
        if (!reached && restarts(stage, p)) {
            String why = String.format(Locale.ROOT, "stage %s: best %s %.3g, not %.3g: restart %d of %d",
                    stage.name(), stage.validation().metric(), p.best(), stage.retry().unless(), p.restarts() + 1,
                    stage.retry().times());
            EsState fresh = restart(next, p.restarts() + 1);
            StageProgress q = StageProgress.at(0, fresh.generation(), p.restarts() + 1);
            for (RunListener l : listeners) {
                l.stageStatus(why);
            }
            sink.stageChanged(fresh, q);
            return new Turn(fresh, q, false);
        }
        float[] handed = stage.handOnBest() && p.bestCentre().length > 0 ? p.bestCentre() : next.theta();
        int following = p.index() + 1;
        boolean last = following >= cfg.stages().stages().size();
        EsState after = last ? new EsState(next.seed(), next.generation(), handed.clone(), next.buffers(),
                next.bestFitness(), next.bestGeneration()) : handOn(next, handed, following);
        StageProgress q = StageProgress.at(following, after.generation(), p.restarts());
        sink.stageChanged(after, q);
        return new Turn(after, q, last);
    }

    /** The outcome: the last state, where the stages stand, and whether the last stage ended. */
    record Result(EsState state, StageProgress progress, boolean finished) {
    }

    /** Whether a stage at its cap starts the run over: it has a retry left and its best figure falls short. */
    private boolean restarts(StagePlan.Stage stage, StageProgress p) {
        if (stage.retry() == null || p.restarts() >= stage.retry().times()) {
            return false;
        }
        double best = p.best();
        return Double.isNaN(best) || (lowerIsBetter ? best > stage.retry().unless() : best < stage.retry().unless());
    }

    /**
     * The first state of restart {@code r}: stage 0's strategy from a fresh untrained genome, drawn
     * from the run's seed and r, at the next generation.
     */
    private EsState restart(EsState last, int r) {
        Experiment e = Experiment.of(cfg.atStage(0));
        EsState fresh = e.initialState(e.task().initialParameters(Keys.of(cfg.seed(), Keys.STREAM_INIT, r)));
        return new EsState(last.seed(), last.generation(), fresh.theta(), fresh.buffers(), fresh.bestFitness(),
                fresh.bestGeneration());
    }

    /** The first state of stage {@code i}: the centre handed on, the strategy state carried or fresh. */
    private EsState handOn(EsState last, float[] centre, int i) {
        StagePlan.Stage stage = cfg.stages().stages().get(i);
        Experiment e = Experiment.of(cfg.atStage(i));
        if (stage.reset()) {
            EsState fresh = e.initialState(centre);
            return new EsState(last.seed(), last.generation(), fresh.theta(), fresh.buffers(), fresh.bestFitness(),
                    fresh.bestGeneration());
        }
        return new EsState(last.seed(), last.generation(), centre.clone(), last.buffers(), last.bestFitness(),
                last.bestGeneration());
    }

    private Map<String, Double> validate(Experiment e, StagePlan.Validation v, float[] theta) {
        RunConfig world = validationWorld(cfg, v, e.config(), "validate.set.");
        // check() made sure before the run that the metric is one of these
        return Metric.values(world.newReport().metrics(theta, validationKeys(cfg.seed(), v.environments())));
    }

    /** The world a stage is validated in: the run's or the stage's own, with the validation's overrides on top. */
    private static RunConfig validationWorld(RunConfig run, StagePlan.Validation v, RunConfig stageConfig, String where) {
        return (v.runWorld() ? run : stageConfig).withOverrides(v.set(), where);
    }

    /**
     * Which way a metric of a configuration's task is better (null: the task has no such metric),
     * read off the metrics of one episode of the untrained genome, as {@code enu results} reads
     * their descriptions.
     */
    static Metric.Better direction(RunConfig sc, String metric) {
        for (Metric m : sc.newReport().metrics(sc.newTask().initialParameters(sc.seed()), validationKeys(sc.seed(), 1))) {
            if (m.name().equals(metric)) {
                return m.better();
            }
        }
        return null;
    }

    private String status(StageProgress p, StagePlan.Stage stage) {
        String s = String.format(Locale.ROOT, "stage %d/%d %s", p.index() + 1, cfg.stages().stages().size(),
                stage.name());
        if (stage.validation() != null && !Double.isNaN(p.last())) {
            s += String.format(Locale.ROOT, ", %s %.3g (best %.3g)", stage.validation().metric(), p.last(), p.best());
        }
        return s;
    }

    /**
     * Checks before a run starts or resumes that every stage makes a task of the run's genome size
     * that fits in the heap, and that every validation metric exists and has a direction.
     */
    static void check(RunConfig cfg, org.enu.task.TrainingTask task) {
        for (int i = 0; i < cfg.stages().stages().size(); i++) {
            StagePlan.Stage stage = cfg.stages().stages().get(i);
            RunConfig sc = cfg.atStage(i);
            org.enu.task.TrainingTask t = sc.newTask();
            if (t.layout().parameterCount() != task.layout().parameterCount()) {
                throw new ConfigException("stages[" + i + "] (" + stage.name() + ").set: changes the genome's size from "
                        + task.layout().parameterCount() + " to " + t.layout().parameterCount() + " parameters");
            }
            org.enu.config.Limits.checkMemory(sc, t.layout().parameterCount(), sc.effectiveThreads(), t.environments(),
                    Runtime.getRuntime().maxMemory());
            if (stage.validation() == null) {
                continue;
            }
            RunConfig vw = validationWorld(cfg, stage.validation(), sc, "stages[" + i + "] (" + stage.name() + ").validate.set.");
            Metric.Better b = direction(vw, stage.validation().metric());
            if (b == null) {
                throw new ConfigException("stages[" + i + "] (" + stage.name() + ").validate.metric: '"
                        + stage.validation().metric() + "' is not a metric of the " + cfg.task() + " task (enu eval "
                        + "lists them)");
            }
            if (b == Metric.Better.NEITHER) {
                throw new ConfigException("stages[" + i + "] (" + stage.name() + ").validate.metric: '"
                        + stage.validation().metric() + "' has no better direction (pick one that is higher or lower is "
                        + "better)");
            }
        }
    }

}
