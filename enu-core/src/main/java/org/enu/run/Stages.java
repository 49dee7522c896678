package org.enu.run;

import org.enu.config.ConfigException;
import org.enu.config.Limits;
import org.enu.config.RunConfig;
import org.enu.es.Strategy;
import org.enu.eval.Evaluator;
import org.enu.task.TrainingTask;

/**
 * The strategy and evaluator of each generation: one per curriculum stage, made when the
 * stage begins (the previous stage's evaluator is closed then).
 */
final class Stages implements AutoCloseable {
    private final RunConfig cfg;
    private final EvaluatorFactory factory;
    private int current = Integer.MIN_VALUE;
    private Strategy strategy;
    private Evaluator evaluator;

    Stages(RunConfig cfg, EvaluatorFactory factory) {
        this.cfg = cfg;
        this.factory = factory;
    }

    private void enter(int generation) {
        int stage = cfg.curriculum().stageAt(generation);
        if (stage == current) {
            return;
        }
        close();
        Experiment e = Experiment.of(cfg.atGeneration(generation));
        strategy = e.strategy();
        evaluator = factory.create(e);
        current = stage;
    }

    Strategy strategy(int generation) {
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

    /** Refuses a run whose buffers would not fit in the heap (the largest stage counts). */
    static void checkMemory(RunConfig cfg, TrainingTask task) {
        for (int i = -1; i < cfg.curriculum().stages().size(); i++) {
            RunConfig sc = i < 0 ? cfg : cfg.atGeneration(cfg.curriculum().stages().get(i).from());
            Limits.checkMemory(sc, task.layout().parameterCount(), sc.effectiveThreads(),
                    sc.newTask().environments(), Runtime.getRuntime().maxMemory());
        }
    }

    /** Every curriculum stage must make a valid task with the same genome shape. */
    static void checkStages(RunConfig cfg, TrainingTask task) {
        for (int i = 0; i < cfg.curriculum().stages().size(); i++) {
            RunConfig sc = cfg.atGeneration(cfg.curriculum().stages().get(i).from());
            TrainingTask t;
            try {
                t = sc.newTask();
            } catch (ConfigException e) {
                throw new ConfigException("curriculum[" + i + "].set." + e.getMessage());
            }
            if (t.layout().parameterCount() != task.layout().parameterCount()) {
                throw new ConfigException("curriculum[" + i + "].set: changes the genome's size from "
                        + task.layout().parameterCount() + " to " + t.layout().parameterCount() + " parameters");
            }
        }
    }
}
