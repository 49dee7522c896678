package org.enu.task;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.enu.bench.KernelBench;
import org.enu.cell.EnuSpec;

/**
 * One task by name: the record its configuration section binds to, how to build the task from its
 * settings and the run's ENU settings (the task sets the input count), its report, and what the
 * rest of enu needs to know of its sizes (an episode's steps, the upper bounds of its own size keys,
 * the memory of a mini-batch) and of its benchmarks. This class, {@link TrainingTask},
 * {@link Rollout}, {@link TaskReport}, {@link Metric}, {@link EpisodeTrace}, {@link GenomeLayout}
 * (with {@link SingleEnuTask} and {@link SingleEnuReport} for one-unit tasks, and
 * {@code org.enu.network.EnuNetwork} and {@code Wiring} for networks of ENUs) are the API a task
 * plugin is written against (docs/EXTENDING.md).
 *
 * <h2>What a task provides</h2>
 * <ul>
 *   <li>A subclass with a public no-argument constructor, listed in
 *       {@code META-INF/services/org.enu.task.TaskType} of its jar: {@code org.enu.tasks.TaskRegistry}
 *       finds it with {@link java.util.ServiceLoader} and refuses, on one line, a class that does not
 *       load, a name that is not lower-case letters, digits and '_', a second task of one name, and
 *       a defaults file that is missing or does not bind.</li>
 *   <li>A defaults file {@code org/enu/config/NAME.yaml} on the class path: {@code defaults:} (the
 *       task's own section {@code NAME:}, every key with its default, and any common key it changes)
 *       and {@code presets:} with at least {@code quick}. A key not in this file is refused in
 *       {@code --config} and {@code --set}.</li>
 *   <li>The settings record: each component is bound from the section's key of the same name in
 *       snake case ({@code stepsPerPhase} from {@code steps_per_phase}; int, long, float, double,
 *       boolean, text, an enum by its constants' lower-case names, or a nested record). Its
 *       constructor checks ranges with {@code org.enu.check.Check} and throws
 *       {@code IllegalArgumentException("key: reason")}; enu prints
 *       {@code enu: error: NAME.key: reason} and exits with 2.</li>
 *   <li>The task ({@link TrainingTask}): its genome layout, environments per offspring, and a
 *       {@link Rollout} per worker thread that scores a genome on the environments named by keys.</li>
 *   <li>Its report ({@link TaskReport}): metrics on held-out keys, baselines (reference agents
 *       scored with the same metrics on the same keys) and one episode's trace.</li>
 * </ul>
 *
 * <h2>What enu guarantees, and what it asks of the task</h2>
 * <ul>
 *   <li>Keyed randomness: every environment is named by a 64-bit key, the same for every offspring
 *       of a generation on every thread and machine; the task draws whatever an environment holds
 *       from its key ({@code org.enu.rng.KeyedRandom}, {@code Keys.of(key, stream)}) and from
 *       nothing else (no clock, no shared generator).</li>
 *   <li>Bit-identical threads: enu plays offspring on any number of threads (and, with
 *       {@code --cluster}, on other machines) and sums fitness in a fixed order, so a run's numbers
 *       do not depend on the thread count, provided a rollout's result depends only on the genome,
 *       the keys and the offspring index; a rollout is used by one thread at a time and may keep
 *       scratch space.</li>
 *   <li>Resume: a checkpoint holds the genome and the strategy's state, and a run's configuration
 *       is written to its directory; {@code enu resume} continues bit-identically, which needs no
 *       state in the task between generations.</li>
 *   <li>Cluster: the task is rebuilt from its settings on every executor, so its types must be on
 *       the executors' class path too.</li>
 * </ul>
 *
 * @param <S> the settings record (components named like the section's keys)
 * @param <T> the task
 */
public abstract class TaskType<S extends Record, T extends TrainingTask> {
    /** A generation {@code enu bench} times: its name and its overrides of the original preset. */
    public record BenchCase(String name, List<String> overrides) {
    }

    private final String name;
    private final Class<S> settings;
    private final String stepsKey;
    private final ToLongFunction<S> steps;
    private final BiFunction<S, EnuSpec, T> factory;
    private final Function<T, TaskReport> reports;

    /**
     * @param name     the task's name and configuration section
     * @param settings the settings record
     * @param stepsKey the key of the section that sets an episode's network steps
     * @param steps    an episode's network steps, of the settings
     * @param factory  builds the task from its settings and the run's ENU settings (whose input
     *                 count the task sets)
     * @param reports  the task's report: metrics, baselines, traces
     */
    protected TaskType(String name, Class<S> settings, String stepsKey, ToLongFunction<S> steps,
                       BiFunction<S, EnuSpec, T> factory, Function<T, TaskReport> reports) {
        this.name = name;
        this.settings = settings;
        this.stepsKey = stepsKey;
        this.steps = steps;
        this.factory = factory;
        this.reports = reports;
    }

    /** The task's name: its configuration section, its defaults file's name and the TASK of {@code enu train}. */
    public final String name() {
        return name;
    }

    /** The settings record the task's section binds to. */
    public final Class<S> settings() {
        return settings;
    }

    /** The key of the task's section that sets an episode's network steps ({@code NAME.KEY}). */
    public final String stepsKey() {
        return stepsKey;
    }

    /** The task of bound settings (a record of {@link #settings()}). */
    public final T create(Record bound, EnuSpec cell) {
        return factory.apply(settings.cast(bound), cell);
    }

    /** The report of the task of bound settings. */
    public final TaskReport report(Record bound, EnuSpec cell) {
        return reports.apply(create(bound, cell));
    }

    /** The network steps of one episode of bound settings. */
    public final long episodeSteps(Record bound) {
        return steps.applyAsLong(settings.cast(bound));
    }

    /**
     * A generous estimate of the bytes one evaluation thread needs for a mini-batch of
     * {@code environments} episodes of bound settings: the episode buffers and the units' states.
     */
    public final long batchBytes(Record bound, EnuSpec cell, long environments) {
        return miniBatchBytes(settings.cast(bound), cell, environments);
    }

    /** By default one ENU per environment, with a float buffer or two per step. */
    protected long miniBatchBytes(S settings, EnuSpec cell, long environments) {
        long unit = cell.memory() + cell.outputs() + 16L;
        return environments * (Math.max(1, steps.applyAsLong(settings)) * 32 + unit * 4 * 4);
    }

    /**
     * Upper bounds of the section's own size keys beyond {@code environments} and the steps key,
     * by key (a mistyped size gets a one-line error before anything is allocated).
     */
    public Map<String, Long> sizeLimits() {
        return Map.of();
    }

    /** The generations {@code enu bench --tasks all} times: by default the original preset as it is. */
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase(name, List.of()));
    }

    /** Kernel shapes (rows of one call) {@code enu bench} times for this task. */
    public List<KernelBench.Shape> kernelShapes() {
        return List.of();
    }

    /** Untimed generations at most before {@code enu bench} times this task's (until C2 has compiled the kernel). */
    public int benchWarmup() {
        return 20;
    }
}
