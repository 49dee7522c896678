package org.enu.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One independent measurement of an agent on held-out environments.
 *
 * @param name        short name, as in {@code enu eval --json}
 * @param value       the value (NaN when the episodes give nothing to measure)
 * @param description what it measures, one line
 * @param better      which way is better
 */
public record Metric(String name, double value, String description, Better better) {
    /** Which way a metric is better. */
    public enum Better {
        HIGHER, LOWER, NEITHER
    }

    public static Metric higher(String name, double value, String description) {
        return new Metric(name, value, description, Better.HIGHER);
    }

    public static Metric lower(String name, double value, String description) {
        return new Metric(name, value, description, Better.LOWER);
    }

    public static Metric neither(String name, double value, String description) {
        return new Metric(name, value, description, Better.NEITHER);
    }

    /** The values by name, in the list's order. */
    public static LinkedHashMap<String, Double> values(List<Metric> metrics) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (Metric x : metrics) {
            m.put(x.name(), x.value());
        }
        return m;
    }

    /**
     * The values as JSON writes them: a value that is not finite (a rate with no episode to
     * count, say) becomes null, as in metrics.jsonl, instead of Jackson's string "NaN".
     */
    public static LinkedHashMap<String, Double> jsonValues(Map<String, Double> values) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v != null && Double.isFinite(v) ? v : null));
        return m;
    }

    /** The value of the metric with this name in the list. */
    public static double value(List<Metric> metrics, String name) {
        for (Metric x : metrics) {
            if (x.name().equals(name)) {
                return x.value();
            }
        }
        throw new IllegalArgumentException("no metric " + name);
    }
}
