package org.enu.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A staged run: training stages one after another in one run directory, each with its own
 * overrides (task and strategy keys, the strategy itself included), a generation cap, and
 * optionally an end that a validation figure decides. Unlike a {@link Curriculum}, whose stages
 * start at fixed generations, a stage here ends when its validation figure is good enough or its
 * cap is reached, so where each stage starts is known only as the run goes (it is recorded in the
 * checkpoint, and resume continues in the right stage). In YAML:
 * <pre>
 * stages:
 *   - name: navigate
 *     generations: 300                   # the cap
 *     set: {tmaze.poison_reward: 0.0, es.offspring: 64}
 *   - name: colour
 *     generations: 600
 *     set: {es.offspring: 256}
 *     reset: true                        # the strategy state starts afresh from the centre handed on
 *     validate: {metric: poison_reeat_rate, every: 25, environments: 64, world: run}
 *                                        # (and set: {...}: overrides of the validation world alone)
 *     until: 0.05                        # ends once the validation figure is at least this good
 *     hand_on: best                      # the next stage starts from the best validated centre
 *     retry: {times: 3, unless: 0.2}     # at the cap, a best figure worse than 0.2 starts the run over
 * </pre>
 * A stage with {@code retry} that reaches its cap without its best validation figure being at
 * least as good as {@code unless} starts the run over: from the first stage, with a fresh
 * untrained genome (drawn from the run's seed and the number of the restart), at the next
 * generation, so its training environments are new as well. The run restarts at most
 * {@code times} times in all; after that the stage hands on as any other. This is for stages whose
 * outcome depends on where the search started (docs/RESULTS.md: "the start decides").
 * Validation plays environments keyed apart from the training ones and from the held-out ones
 * {@code enu eval} uses, in the stage's own world or (world: run) in the run's: the configuration
 * without any stage's overrides, which is the task {@code enu eval} judges the run on. The
 * metric's direction (lower or higher is better) is the task's own.
 *
 * @param stages in order; empty: not a staged run
 */
public record StagePlan(List<Stage> stages) {

    /**
     * How a stage is validated: which metric, how often (generations), on how many environments,
     * and in which world: the stage's own ({@code stage}, its overrides applied) or the run's
     * ({@code run}: the configuration without any stage's overrides, the task the run is judged on),
     * with the validation's own overrides ({@code set}, empty for none) on top: a stage may be judged
     * on a variant of the task, such as the T-maze's either-taste world.
     */
    public record Validation(String metric, int every, int environments, boolean runWorld, Map<String, Object> set) {
        public Validation {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /**
     * One stage.
     *
     * @param name        names it in metrics.jsonl, the progress bar and errors
     * @param generations its cap
     * @param set         its overrides (dotted key to value), on top of the run's configuration
     * @param reset       the strategy's state starts afresh (from the centre handed on) at the start
     * @param validation  null: never validated
     * @param until       the validation figure that ends the stage early, or null
     * @param handOnBest  the stage hands on the best validated centre, not its last
     */
    public record Stage(String name, int generations, Map<String, Object> set, boolean reset, Validation validation,
                        Double until, boolean handOnBest, Retry retry) {
        public Stage {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /**
     * When a stage starts the run over (see the class comment).
     *
     * @param times  the most restarts of the run, counting those other stages caused
     * @param unless the validation figure that, reached by the stage's best, lets it hand on
     */
    public record Retry(int times, double unless) {
    }

    public static final StagePlan NONE = new StagePlan(List.of());

    /** Keys a stage may not set: those of a curriculum stage, but a stage may change the strategy. */
    static final Set<String> FIXED_KEYS;

    static {
        Set<String> s = new HashSet<>(Curriculum.FIXED_KEYS);
        s.add("stages");
        FIXED_KEYS = Set.copyOf(s);
    }

    private static final Set<String> STAGE_KEYS = Set.of("name", "generations", "set", "reset", "validate", "until",
            "hand_on", "retry");
    /** The most restarts a stage may ask for. */
    public static final int MAX_RESTARTS = 100;

    public StagePlan {
        stages = List.copyOf(stages);
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /**
     * The longest the run can be: the sum of the stages' caps, and for its restarts (at most the
     * largest {@code retry.times}) the caps up to the last stage that may restart it.
     */
    public long totalGenerations() {
        long n = 0;
        long upToRetry = 0;
        int times = 0;
        for (Stage s : stages) {
            n += s.generations();
            if (s.retry() != null) {
                upToRetry = n;
                times = Math.max(times, s.retry().times());
            }
        }
        return n + times * upToRetry;
    }

    /**
     * Reads the {@code stages} value of a configuration tree (null or an empty list: none),
     * checking every stage's keys against the schema.
     */
    static StagePlan parse(Object value, ConfigTree schema) {
        if (value == null) {
            return NONE;
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException("stages: expected a list of stages, got " + ConfigTree.describe(value));
        }
        List<Stage> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(stage("stages[" + i + "]", list.get(i), names, schema));
        }
        return new StagePlan(out);
    }

    /** One stage of the list; {@code names} collects the names so far. */
    private static Stage stage(String at, Object item, Set<String> names, ConfigTree schema) {
        if (!(item instanceof Map<?, ?> m)) {
            throw new ConfigException(at + ": expected a section with name, generations and set, got "
                    + ConfigTree.describe(item));
        }
        for (Object k : m.keySet()) {
            if (!STAGE_KEYS.contains(String.valueOf(k))) {
                throw new ConfigException(at + "." + k + ": unknown key (known here: " + String.join(", ",
                        List.of("name", "generations", "set", "reset", "validate", "until", "hand_on", "retry")) + ")");
            }
        }
        if (!(m.get("name") instanceof String name) || !name.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new ConfigException(at + ".name: expected a short name (letters, digits, _ . -), got "
                    + ConfigTree.describe(m.get("name")));
        }
        if (!names.add(name)) {
            throw new ConfigException(at + ".name: '" + name + "' names an earlier stage too");
        }
        at = at + " (" + name + ")";
        int generations = positive(m.get("generations"), at + ".generations", Integer.MAX_VALUE);
        Map<String, Object> flat = overrides(at, m.get("set"), schema);
        boolean reset = bool(m.get("reset"), at + ".reset", false);
        Validation validation = m.get("validate") == null ? null : validation(at, m.get("validate"), schema);
        Double until = null;
        if (m.get("until") != null) {
            if (!(m.get("until") instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new ConfigException(at + ".until: expected a number, got " + ConfigTree.describe(m.get("until")));
            }
            if (validation == null) {
                throw new ConfigException(at + ".until: needs validate (which metric the figure is of)");
            }
            until = n.doubleValue();
        }
        Object h = m.get("hand_on");
        if (h != null && !"best".equals(h) && !"last".equals(h)) {
            throw new ConfigException(at + ".hand_on: expected best or last, got " + ConfigTree.describe(h));
        }
        boolean best = "best".equals(h);
        if (best && validation == null) {
            throw new ConfigException(at + ".hand_on: best needs validate (best by which figure?)");
        }
        Retry retry = m.get("retry") == null ? null : retry(at, m.get("retry"), validation);
        return new Stage(name, generations, flat, reset, validation, until, best, retry);
    }

    /** A stage's retry section: times and unless, with a validation to judge by. */
    private static Retry retry(String at, Object value, Validation validation) {
        if (!(value instanceof Map<?, ?> r)) {
            throw new ConfigException(at + ".retry: expected a section with times and unless, got "
                    + ConfigTree.describe(value));
        }
        for (Object k : r.keySet()) {
            if (!Set.of("times", "unless").contains(String.valueOf(k))) {
                throw new ConfigException(at + ".retry." + k + ": unknown key (known here: times, unless)");
            }
        }
        if (validation == null) {
            throw new ConfigException(at + ".retry: needs validate (the figure that decides)");
        }
        int times = positive(r.get("times"), at + ".retry.times", MAX_RESTARTS);
        if (!(r.get("unless") instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ConfigException(at + ".retry.unless: expected a number, got " + ConfigTree.describe(r.get("unless")));
        }
        return new Retry(times, n.doubleValue());
    }

    /** A stage's overrides, flattened to dotted keys, each a key of the schema that may change within a run. */
    private static Map<String, Object> overrides(String at, Object set, ConfigTree schema) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (set != null) {
            if (!(set instanceof Map<?, ?> sm)) {
                throw new ConfigException(at + ".set: expected a section of key: value overrides, got "
                        + ConfigTree.describe(set));
            }
            Curriculum.flatten(at + ".set", "", sm, flat);
        }
        for (String key : flat.keySet()) {
            if (FIXED_KEYS.contains(key)) {
                throw new ConfigException(at + ".set." + key
                        + ": cannot change within a run (it fixes the run or the genome's shape)");
            }
            if (schema.get(key) == null || schema.get(key) instanceof Map) {
                throw new ConfigException(at + ".set." + key + ": unknown key");
            }
        }
        return flat;
    }

    /** A stage's validate section. */
    private static Validation validation(String at, Object value, ConfigTree schema) {
        if (!(value instanceof Map<?, ?> v)) {
            throw new ConfigException(at + ".validate: expected a section with metric, every, environments, got "
                    + ConfigTree.describe(value));
        }
        for (Object k : v.keySet()) {
            if (!Set.of("metric", "every", "environments", "world", "set").contains(String.valueOf(k))) {
                throw new ConfigException(at + ".validate." + k + ": unknown key (known here: metric, every, "
                        + "environments, world, set)");
            }
        }
        if (!(v.get("metric") instanceof String metric) || metric.isBlank()) {
            throw new ConfigException(at + ".validate.metric: expected the name of one of the task's metrics "
                    + "(enu eval lists them), got " + ConfigTree.describe(v.get("metric")));
        }
        int every = v.get("every") == null ? 25 : positive(v.get("every"), at + ".validate.every", 1_000_000);
        int envs = v.get("environments") == null ? 64 : positive(v.get("environments"),
                at + ".validate.environments", Limits.MAX_EVAL_ENVIRONMENTS);
        Object world = v.get("world");
        if (world != null && !"stage".equals(world) && !"run".equals(world)) {
            throw new ConfigException(at + ".validate.world: expected stage (its own overrides) or run (the "
                    + "run's configuration), got " + ConfigTree.describe(world));
        }
        return new Validation(metric, every, envs, "run".equals(world), overrides(at + ".validate", v.get("set"), schema));
    }

    private static int positive(Object v, String key, int max) {
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new ConfigException(key + ": expected a whole number >= 1, got " + ConfigTree.describe(v));
        }
        long n = ((Number) v).longValue();
        if (n < 1 || n > max) {
            throw new ConfigException(key + ": must be in 1.." + max + ", got " + n);
        }
        return (int) n;
    }

    private static boolean bool(Object v, String key, boolean absent) {
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Boolean b)) {
            throw new ConfigException(key + ": expected true or false, got " + ConfigTree.describe(v));
        }
        return b;
    }

    /** The YAML form, for the config tree. */
    public List<Object> toTree() {
        List<Object> out = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("generations", s.generations());
            m.put("set", new LinkedHashMap<>(s.set()));
            m.put("reset", s.reset());
            if (s.validation() != null) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("metric", s.validation().metric());
                v.put("every", s.validation().every());
                v.put("environments", s.validation().environments());
                v.put("world", s.validation().runWorld() ? "run" : "stage");
                if (!s.validation().set().isEmpty()) {
                    v.put("set", new LinkedHashMap<>(s.validation().set()));
                }
                m.put("validate", v);
            }
            if (s.until() != null) {
                m.put("until", s.until());
            }
            m.put("hand_on", s.handOnBest() ? "best" : "last");
            if (s.retry() != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("times", s.retry().times());
                r.put("unless", s.retry().unless());
                m.put("retry", r);
            }
            out.add(m);
        }
        return out;
    }
}
