package org.enu.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of training stages: stage i applies from generation {@code from(i)} until the next
 * stage's start, and sets some task and strategy keys (dotted paths) on top of the run's
 * configuration; before the first stage the configuration applies as it is. Each stage's
 * overrides apply to the run's configuration, not to the previous stage's. In YAML:
 * <pre>
 * curriculum:
 *   - from: 0
 *     set: {tmaze.swap_probability: 0.0, es.sigma: 0.02}
 *   - from: 2000
 *     set: {tmaze.swap_probability: 0.5}
 * </pre>
 * Keys that change the genome's shape, the run's identity or its budget cannot be staged.
 */
public record Curriculum(List<Stage> stages) {

    /** One stage: its first generation and its overrides (dotted key to scalar value). */
    public record Stage(int from, Map<String, Object> set) {
        public Stage {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /** Keys a stage may not set: the run's identity and budget, and everything that shapes the genome. */
    public static final Set<String> FIXED_KEYS = Set.of("task", "preset", "seed", "generations", "threads",
            "checkpoint_every", "curriculum", "enu.memory", "enu.outputs", "enu.bias", "tmaze.wiring",
            "tmaze.hidden_neurons", "tmaze.synapses_per_neuron", "tmaze.wiring_seed", "tmaze.init_output_bias");

    public static final Curriculum NONE = new Curriculum(List.of());

    public Curriculum {
        stages = List.copyOf(stages);
    }

    /**
     * Reads the {@code curriculum} value of a configuration tree (null or an empty list: none),
     * checking every stage's keys against the schema.
     */
    static Curriculum parse(Object value, ConfigTree schema) {
        if (value == null) {
            return NONE;
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException("curriculum: expected a list of stages, got " + value);
        }
        List<Stage> out = new ArrayList<>();
        int prev = -1;
        for (int i = 0; i < list.size(); i++) {
            String at = "curriculum[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ConfigException(at + ": expected a section with from and set, got " + list.get(i));
            }
            for (Object k : m.keySet()) {
                if (!"from".equals(k) && !"set".equals(k)) {
                    throw new ConfigException(at + "." + k + ": unknown key (known here: from, set)");
                }
            }
            Object f = m.get("from");
            if (!(f instanceof Integer || f instanceof Long)) {
                throw new ConfigException(at + ".from: expected an integer generation, got " + f);
            }
            long from = ((Number) f).longValue();
            if (from < 0 || from > Integer.MAX_VALUE) {
                throw new ConfigException(at + ".from: must be a generation >= 0, got " + from);
            }
            if (from <= prev) {
                throw new ConfigException(at + ".from: stages must start in increasing order, got " + from
                        + " after " + prev);
            }
            prev = (int) from;
            Object set = m.get("set");
            if (!(set instanceof Map<?, ?> sm) || sm.isEmpty()) {
                throw new ConfigException(at + ".set: expected a section of key: value overrides, got " + set);
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten(at + ".set", "", sm, flat);
            for (Map.Entry<String, Object> e : flat.entrySet()) {
                if (FIXED_KEYS.contains(e.getKey())) {
                    throw new ConfigException(at + ".set." + e.getKey()
                            + ": cannot change within a run (it fixes the run or the genome's shape)");
                }
                if (!(schema.get(e.getKey()) != null) || schema.get(e.getKey()) instanceof Map) {
                    throw new ConfigException(at + ".set." + e.getKey() + ": unknown key");
                }
            }
            out.add(new Stage((int) from, flat));
        }
        return new Curriculum(out);
    }

    static void flatten(String where, String prefix, Map<?, ?> m, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub) {
                flatten(where, key + ".", sub, out);
            } else if (e.getValue() instanceof List) {
                throw new ConfigException(where + "." + key + ": expected a single value, got a list");
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /** The index of the stage that applies at this generation, or −1 before the first stage. */
    public int stageAt(int generation) {
        int idx = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).from() <= generation) {
                idx = i;
            }
        }
        return idx;
    }

    /** The first generation of the stage after the one at this generation (Integer.MAX_VALUE: none). */
    public int nextStart(int generation) {
        for (Stage s : stages) {
            if (s.from() > generation) {
                return s.from();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The YAML form, for the config tree. */
    public List<Object> toTree() {
        List<Object> out = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", s.from());
            m.put("set", new LinkedHashMap<>(s.set()));
            out.add(m);
        }
        return out;
    }
}
