package org.enu.config;

import org.enu.task.TaskType;
import org.enu.tasks.TaskRegistry;

/**
 * Upper bounds on the sizes a configuration or an option may ask for. Each is far above what
 * the presets use (the paper's largest run: 1024 offspring, 32 environments of 100 steps, memory
 * 32) and far below what would exhaust memory, overflow a count or run for ever, so that a
 * mistyped value gets a one-line error before anything is written instead of an
 * OutOfMemoryError, a negative size or a hang.
 */
public final class Limits {
    private Limits() {
    }

    /** es.offspring. */
    public static final int MAX_OFFSPRING = 100_000;
    /** Environments per offspring ({@code <task>.environments}). */
    public static final int MAX_ENVIRONMENTS = 10_000;
    /** Steps of one episode (the key its task's type names: {@code iaf.steps}, {@code tmaze.episode_steps}). */
    public static final int MAX_STEPS = 100_000;
    /** Environments times steps of one mini-batch (the per-thread episode buffers grow with it). */
    public static final long MAX_ENVIRONMENT_STEPS = 4_000_000L;
    /** enu.memory and enu.outputs. */
    public static final int MAX_UNIT_SIZE = 512;
    /** Evolved parameters of one genome (the checkpoint holds 8 bytes per parameter). */
    public static final long MAX_PARAMETERS = 4_000_000L;
    /** threads (more than the work items of a generation are never started, see RunConfig). */
    public static final int MAX_THREADS = 1024;
    /** enu eval --envs, and the environment index of trace, plot and replay. */
    public static final int MAX_EVAL_ENVIRONMENTS = 100_000;
    /** Size of a configuration file (--config, config.yaml). */
    public static final long MAX_CONFIG_BYTES = 1L << 20;

    /**
     * Checks the sizes of a resolved tree whose values have the schema's types: the shared ones, and
     * the task's environments, episode steps and the size keys its type names.
     */
    static void check(ConfigTree t, TaskType<?, ?> type) {
        atMost(t, "es.offspring", MAX_OFFSPRING);
        atMost(t, "threads", MAX_THREADS);
        atMost(t, "enu.memory", MAX_UNIT_SIZE);
        atMost(t, "enu.outputs", MAX_UNIT_SIZE);
        String task = type.name();
        String steps = task + "." + type.stepsKey();
        atMost(t, task + ".environments", MAX_ENVIRONMENTS);
        atMost(t, steps, MAX_STEPS);
        type.sizeLimits().forEach((key, max) -> atMost(t, task + "." + key, max));
        if (t.get(task + ".environments") instanceof Number m && t.get(steps) instanceof Number s) {
            long product = m.longValue() * s.longValue();
            if (product > MAX_ENVIRONMENT_STEPS) {
                throw new ConfigException(task + ".environments: " + m + " environments of " + s + " steps exceed the "
                        + "limit of " + MAX_ENVIRONMENT_STEPS + " environment-steps per mini-batch");
            }
        }
    }

    private static void atMost(ConfigTree t, String key, long max) {
        if (t.get(key) instanceof Number n && n.longValue() > max) {
            throw new ConfigException(key + ": must be at most " + max + ", got " + n);
        }
    }

    /**
     * Checks the parameter count of one ENU kind before its arrays exist (counted in 64 bits, so
     * a huge memory cannot wrap around to a negative size).
     */
    public static void checkParameters(String key, long inputs, long memory, long outputs, boolean bias) {
        long p = org.enu.cell.EnuSpec.parameterCount(inputs, memory, outputs, bias);
        if (p > MAX_PARAMETERS) {
            throw new ConfigException(key + ": a unit of memory " + memory + " with " + outputs + " outputs has " + p
                    + " parameters, more than the limit of " + MAX_PARAMETERS);
        }
    }

    /**
     * A generous estimate of the heap a run needs, in bytes: the strategy's vectors (centre and
     * up to four state vectors, the next ones, the update's sums: 64 bytes a parameter covers
     * every es.strategy) and, per evaluation thread, one offspring's weights and noise and the
     * buffers of a mini-batch of {@code environments} episodes (the task's estimate).
     */
    public static long estimateBytes(RunConfig cfg, long parameters, int threads, long environments) {
        long batch = TaskRegistry.get(cfg.task()).batchBytes(cfg.settings(), cfg.cell(), environments);
        return 64L * parameters + threads * (8L * parameters + batch) + (32L << 20);
    }

    /**
     * Refuses a run that would need more heap than the JVM may use ({@code maxHeap}), before it
     * starts, instead of failing with an OutOfMemoryError (or hanging in a worker thread) later.
     */
    public static void checkMemory(RunConfig cfg, long parameters, int threads, long environments, long maxHeap) {
        long need = estimateBytes(cfg, parameters, threads, environments);
        if (need > maxHeap) {
            throw new ConfigException("threads: " + threads + " evaluation threads with " + environments
                    + " environments each need about " + (need >> 20) + " MB, more than the " + (maxHeap >> 20)
                    + " MB the JVM may use (use fewer threads or environments, or a larger heap: ENU_JAVA_OPTS=-Xmx...)");
        }
    }

    /** The network steps of one episode of the configuration's task (at least 1). */
    public static long episodeSteps(RunConfig cfg) {
        return Math.max(1, TaskRegistry.get(cfg.task()).episodeSteps(cfg.settings()));
    }

    /** Checks a count of held-out environments (eval --envs) against the episode length. */
    public static void checkEvalEnvironments(String option, long envs, long steps) {
        if (envs > MAX_EVAL_ENVIRONMENTS) {
            throw new ConfigException(option + ": must be at most " + MAX_EVAL_ENVIRONMENTS + ", got " + envs);
        }
        if (envs * steps > 5 * MAX_ENVIRONMENT_STEPS) {
            throw new ConfigException(option + ": " + envs + " environments of " + steps + " steps exceed the limit of "
                    + 5 * MAX_ENVIRONMENT_STEPS + " environment-steps");
        }
    }
}
