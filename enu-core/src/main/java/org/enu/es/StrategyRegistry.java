package org.enu.es;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The strategies by name (the values of es.strategy): each an {@link Entry} with the record its
 * settings under {@code es.NAME} bind to (by component name, as every section is) and how to build
 * it from the common settings and its own.
 */
public final class StrategyRegistry {
    private StrategyRegistry() {
    }

    /** The settings of a strategy that has none of its own. */
    public record NoSettings() {
    }

    /**
     * One strategy.
     *
     * @param name     es.strategy's value, and the section es.NAME of its settings
     * @param settings the record its section binds to
     * @param factory  builds it from the common settings and its own
     */
    public record Entry<S extends Record>(String name, Class<S> settings, BiFunction<EsParams, S, Strategy> factory) {
        /** The strategy of bound settings (a record of {@link #settings()}). */
        public Strategy create(EsParams params, Record bound) {
            return factory.apply(params, settings.cast(bound));
        }
    }

    private static final Map<String, Entry<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Entry<?> e : List.of(new Entry<>(RankMomentumEs.NAME, NoSettings.class, (p, s) -> new RankMomentumEs(p)),
                new Entry<>(OpenAiEs.NAME, OpenAiEs.Settings.class, OpenAiEs::new),
                new Entry<>(Pgpe.NAME, Pgpe.Settings.class, Pgpe::new),
                new Entry<>(Snes.NAME, Snes.Settings.class, Snes::new),
                new Entry<>(SepCmaEs.NAME, SepCmaEs.Settings.class, SepCmaEs::new))) {
            BY_NAME.put(e.name(), e);
        }
    }

    /** Every strategy, the paper's first. */
    public static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    /**
     * The strategy of a name.
     *
     * @throws IllegalArgumentException "strategy: unknown strategy ..." for an unknown name
     */
    public static Entry<?> get(String name) {
        Entry<?> e = BY_NAME.get(name);
        if (e == null) {
            throw new IllegalArgumentException("strategy: unknown strategy '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        }
        return e;
    }
}
