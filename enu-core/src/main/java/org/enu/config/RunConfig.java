package org.enu.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.enu.cell.EnuSpec;
import org.enu.es.EsParams;
import org.enu.es.Strategy;
import org.enu.es.StrategyRegistry;
import org.enu.task.TaskReport;
import org.enu.task.TrainingTask;
import org.enu.task.TaskType;
import org.enu.tasks.TaskRegistry;

/**
 * The fully resolved, validated configuration of a run: the task, its preset, budget and seed,
 * the ENU cell settings, the strategy's numbers, and the tree they came from (written to the run
 * directory as config.yaml). Built from, in increasing priority: common defaults, the task's
 * defaults, the task's preset, a YAML file, {@code --set} overrides.
 *
 * @param settings the task's own section, bound to its settings record ({@link TaskRegistry})
 * @param es       the settings every strategy shares
 * @param strategy the strategy es.strategy names, with its settings
 * @param tree     the resolved tree
 */
public record RunConfig(String task, String preset, long seed, int generations, int threads, int checkpointEvery,
                        EnuSpec cell, Record settings, EsParams es, Strategy strategy, ConfigTree tree, Curriculum curriculum,
                        StagePlan stages) {

    /** The registered tasks (each has a defaults file). */
    public static final List<String> TASKS = TaskRegistry.names();

    /**
     * Resolves a configuration.
     *
     * @param task   task name
     * @param preset preset name
     * @param file   a YAML file, or null
     * @param sets   key.path=value overrides, applied in order
     */
    public static RunConfig resolve(String task, String preset, Path file, List<String> sets) {
        ConfigTree schema = schema(task);
        ConfigTree taskFile = ConfigTree.resource(task + ".yaml");
        ConfigTree presets = taskFile.section("presets");
        if (!presets.map().containsKey(preset)) {
            throw new ConfigException("preset: unknown preset '" + preset + "' for " + task + " (known: "
                    + String.join(", ", presets.map().keySet()) + ")");
        }
        ConfigTree presetTree = presets.section(preset);
        presetTree.checkAgainst(schema);
        ConfigTree tree = schema.merge(presetTree);
        boolean generationsGiven = false;
        if (file != null) {
            ConfigTree user = ConfigTree.read(file);
            generationsGiven = user.get("generations") != null;
            Object t = user.get("task");
            if (t != null && !task.equals(t)) {
                throw new ConfigException("task: the file is for task '" + t + "', not " + task);
            }
            Object p = user.get("preset");
            if (p != null && !preset.equals(p)) {
                throw new ConfigException("preset: the file names preset '" + p + "' but the run uses " + preset
                        + " (pass --preset " + p + ")");
            }
            user.checkAgainst(schema);
            tree = tree.merge(user);
        }
        for (String s : sets) {
            refuseIdentityKeys(s);
            ConfigTree next = tree.set(s);
            next.checkAgainst(schema);
            tree = next;
            generationsGiven |= s.strip().startsWith("generations=");
        }
        tree = tree.set("task=" + task).set("preset=" + preset);
        if (!generationsGiven && tree.get("stages") instanceof List<?> l && !l.isEmpty()) {
            // a staged run's budget is its stages' caps, not a preset's or the defaults' generation count
            tree = tree.set("generations=" + Integer.MAX_VALUE);
        }
        return bind(tree);
    }

    /** {@code --set task=...} and {@code --set preset=...} would be ignored: refuse them. */
    private static void refuseIdentityKeys(String assignment) {
        int eq = assignment.indexOf('=');
        String key = (eq > 0 ? assignment.substring(0, eq) : assignment).trim();
        if (key.equals("task")) {
            throw new ConfigException("task: cannot be changed with --set (it is the TASK argument of enu train)");
        }
        if (key.equals("preset")) {
            throw new ConfigException("preset: cannot be changed with --set (use --preset NAME)");
        }
    }

    /** Re-reads a resolved configuration (a run directory's config.yaml). */
    public static RunConfig load(Path file) {
        return load(ConfigTree.read(file), file.toString());
    }

    /**
     * Re-reads a resolved configuration from its text ({@code tree().toYaml()}), as
     * {@link #load(Path)} reads a file: for a configuration sent to another machine.
     *
     * @param source names the text in errors
     */
    public static RunConfig parse(String yaml, String source) {
        return load(ConfigTree.parse(yaml, source), source);
    }

    private static RunConfig load(ConfigTree tree, String file) {
        Object task = tree.get("task");
        if (!(task instanceof String t) || !TASKS.contains(t)) {
            throw new ConfigException("task: missing or unknown in " + file + " (known: " + String.join(", ", TASKS) + ")");
        }
        ConfigTree schema = schema(t);
        tree.checkAgainst(schema);
        return bind(tree.orderedLike(schema));
    }

    /** All keys a configuration of this task may have, with their default values. */
    public static ConfigTree schema(String task) {
        if (!TASKS.contains(task)) {
            throw new ConfigException("task: unknown task '" + task + "' (known: " + String.join(", ", TASKS) + ")");
        }
        ConfigTree common = ConfigTree.resource("common.yaml");
        ConfigTree taskFile = ConfigTree.resource(task + ".yaml");
        // insertion-ordered maps only: the order of the keys is the order of config.yaml and the
        // text its digest is taken of, so it must not vary between JVMs (Map.of's order does)
        java.util.Map<String, Object> head = new java.util.LinkedHashMap<>();
        head.put("task", task);
        head.put("preset", "quick");
        java.util.Map<String, Object> tail = new java.util.LinkedHashMap<>();
        tail.put("curriculum", List.of());
        tail.put("stages", List.of());
        return new ConfigTree(head).merge(common).merge(taskFile.section("defaults")).merge(new ConfigTree(tail));
    }

    /**
     * Binds every section of a resolved tree: each to its record by component name
     * ({@link RecordBinder}), read from the tree merged over the task's defaults, so that a key an
     * older run directory lacks takes its default (the tree itself, which config.yaml and the
     * checkpoint's digest are made of, stays as it was).
     */
    private static RunConfig bind(ConfigTree t) {
        String task = t.getString("task");
        String preset = t.getString("preset");
        java.util.Set<String> presets = ConfigTree.resource(task + ".yaml").section("presets").map().keySet();
        if (!presets.contains(preset)) {
            throw new ConfigException("preset: unknown preset '" + preset + "' (known: " + String.join(", ", presets) + ")");
        }
        TaskType<?, ?> type = TaskRegistry.get(task);
        ConfigTree v = schema(task).merge(t);
        long seed = v.getLong("seed");
        int generations = atLeast(v, "generations", 0, "");
        int threads = atLeast(v, "threads", 0, " (0 = one per core)");
        int ckpt = atLeast(v, "checkpoint_every", 1, "");
        Limits.check(v, type);
        Limits.checkParameters("enu.memory", 4, v.getInt("enu.memory"), v.getInt("enu.outputs"), v.getBoolean("enu.bias"));
        // the task sets the input count (EnuSpec.withInputs); 1 until then
        EnuSpec cell = RecordBinder.bind(EnuSpec.class, v, "enu", Map.of("inputs", 1));
        EsParams es = RecordBinder.bind(EsParams.class, v, "es");
        Strategy strategy = strategy(v, es);
        Record settings = RecordBinder.bind(type.settings(), v, task);
        section("enu", () -> type.create(settings, cell)); // the checks across sections (the T-maze's channels)
        Curriculum curriculum = Curriculum.parse(t.get("curriculum"), schema(task));
        for (int i = 0; i < curriculum.stages().size(); i++) {
            RunConfig stage = stageTree(t, curriculum.stages().get(i).set(), "curriculum[" + i + "].set."); // each must bind
            if (!stage.strategy().name().equals(strategy.name())) {
                throw new ConfigException("curriculum[" + i + "].set.es.strategy: cannot change between stages (each "
                        + "strategy keeps a state of its own)");
            }
        }
        StagePlan stages = StagePlan.parse(t.get("stages"), schema(task));
        ConfigTree resolved = t;
        if (!stages.isEmpty()) {
            if (!curriculum.isEmpty()) {
                throw new ConfigException("stages: a run has a curriculum (fixed generations) or stages (each ends on its "
                        + "own), not both");
            }
            if (generations > stages.totalGenerations()) {
                // the stages' caps are the run's budget: no generation can run after the last stage
                generations = (int) Math.min(Integer.MAX_VALUE, stages.totalGenerations());
                resolved = t.set("generations=" + generations);
            }
            checkStageStrategies(t, stages);
        }
        return new RunConfig(task, preset, seed, generations, threads, ckpt, cell, settings, es, strategy, resolved,
                curriculum, stages);
    }

    /** A top-level count of at least {@code min}. */
    private static int atLeast(ConfigTree t, String key, int min, String note) {
        int n = t.getInt(key);
        if (n < min) {
            throw new ConfigException(key + ": must be >= " + min + note + ", got " + n);
        }
        return n;
    }

    /** Every stage must bind; a stage that changes the strategy must reset its state. */
    private static void checkStageStrategies(ConfigTree t, StagePlan stages) {
        String previous = null; // the first stage's strategy makes the run's first state
        for (int i = 0; i < stages.stages().size(); i++) {
            RunConfig stage = stageTree(t, stages.stages().get(i).set(), "stages[" + i + "].set.");
            String name = stage.strategy().name();
            if (previous != null && !name.equals(previous) && !stages.stages().get(i).reset()) {
                // a stage that changes the strategy cannot carry the old one's state
                throw new ConfigException("stages[" + i + "].set.es.strategy: changes the strategy, so the stage "
                        + "needs reset: true (each strategy keeps a state of its own)");
            }
            previous = name;
        }
    }

    /** A new instance of the run's task (each holds its own caches and counters). */
    public TrainingTask newTask() {
        return TaskRegistry.get(task).create(settings, cell);
    }

    /** The report of the run's task: metrics, baselines, traces. */
    public TaskReport newReport() {
        return TaskRegistry.get(task).report(settings, cell);
    }

    /** The strategy es.strategy names, its settings bound from es.NAME. */
    private static Strategy strategy(ConfigTree v, EsParams es) {
        StrategyRegistry.Entry<?> entry = section("es", () -> StrategyRegistry.get(v.getString("es.strategy")));
        Record settings = RecordBinder.bind(entry.settings(), v, "es." + entry.name());
        return section("es", () -> entry.create(es, settings));
    }

    /** The tree of one stage: the run's tree with the stage's overrides and neither curriculum nor stages. */
    private static RunConfig stageTree(ConfigTree t, Map<String, Object> set, String where) {
        // the stage lists go first: every set below copies the tree, and a long curriculum would be
        // copied once per stage for every stage
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(t.map());
        m.remove("curriculum");
        m.remove("stages");
        ConfigTree out = new ConfigTree(m);
        for (Map.Entry<String, Object> e : set.entrySet()) {
            out = out.set(e.getKey() + "=" + e.getValue());
        }
        try {
            return bind(out);
        } catch (ConfigException e) {
            throw new ConfigException(where + e.getMessage());
        }
    }

    /** The configuration of stage i of a staged run (its own stages and curriculum empty). */
    public RunConfig atStage(int i) {
        return stageTree(tree, stages.stages().get(i).set(), "stages[" + i + "].set.");
    }

    /**
     * This configuration with overrides (dotted key to value) on top, without its stages and
     * curriculum: a stage's validation world. {@code where} prefixes the key of a bad value.
     */
    public RunConfig withOverrides(Map<String, Object> set, String where) {
        return set.isEmpty() ? this : stageTree(tree, set, where);
    }

    /**
     * The configuration that applies at a generation: this one, or with the overrides of the
     * curriculum stage active then (its own curriculum empty).
     */
    public RunConfig atGeneration(int generation) {
        int i = curriculum.stageAt(generation);
        return i < 0 ? this : stageTree(tree, curriculum.stages().get(i).set(), "curriculum[" + i + "].set.");
    }

    /** Builds a value object, turning its "field: reason" errors into "section.field: reason". */
    public static <T> T section(String name, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + "." + e.getMessage());
        }
    }

    /**
     * The evaluation threads this run uses: the configured count, or one per available core, but
     * never more than a generation has work items (noise vectors: one per antithetic pair).
     */
    public int effectiveThreads() {
        int wanted = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int work = es.antithetic() ? es.offspring() / 2 : es.offspring();
        return Math.max(1, Math.min(wanted, work));
    }

    /** This configuration with {@code key.path=value} overrides, checked against the task's schema. */
    public RunConfig withSets(List<String> sets) {
        ConfigTree t = tree;
        ConfigTree schema = schema(task);
        for (String s : sets) {
            refuseIdentityKeys(s);
            t = t.set(s);
            t.checkAgainst(schema);
        }
        return bind(t);
    }

    /** This configuration with one top-level value replaced (validated like any other). */
    public RunConfig with(String key, Object value) {
        return bind(tree.set(key + "=" + value));
    }

    /** Keys whose values never change results (thread count, budget, checkpoint cadence). */
    /** Whether this is a staged run ({@link StagePlan}). */
    public boolean staged() {
        return !stages.isEmpty();
    }

    public static final Set<String> NON_SEMANTIC_KEYS = Set.of("threads", "generations", "checkpoint_every");
}
