package org.enu.es;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The strategies by name (the values of es.strategy). {@link #create} builds one from the
 * common settings and a lookup of its own settings (keys relative to the es section, such as
 * {@code openai_es.beta1}); bad values fail with "key: reason".
 */
public final class StrategyRegistry {
    private StrategyRegistry() {
    }

    /** Every strategy, the paper's first. */
    public static final List<String> NAMES = List.of(RankMomentumEs.NAME, OpenAiEs.NAME, Pgpe.NAME, Snes.NAME,
            SepCmaEs.NAME);

    /**
     * @param name    es.strategy
     * @param params  the common settings
     * @param setting a strategy setting by its key under es
     * @throws IllegalArgumentException "key: reason" for an unknown name or a bad value
     */
    public static Strategy create(String name, EsParams params, ToDoubleFunction<String> setting) {
        switch (name) {
            case RankMomentumEs.NAME:
                return new RankMomentumEs(params);
            case OpenAiEs.NAME:
                return new OpenAiEs(params, new OpenAiEs.Settings(setting.applyAsDouble("openai_es.learning_rate"),
                        setting.applyAsDouble("openai_es.beta1"), setting.applyAsDouble("openai_es.beta2"),
                        setting.applyAsDouble("openai_es.epsilon"), setting.applyAsDouble("openai_es.weight_decay")));
            case Pgpe.NAME:
                return new Pgpe(params, new Pgpe.Settings(setting.applyAsDouble("pgpe.center_learning_rate"),
                        setting.applyAsDouble("pgpe.max_speed"), setting.applyAsDouble("pgpe.momentum"),
                        setting.applyAsDouble("pgpe.sigma_learning_rate"),
                        setting.applyAsDouble("pgpe.max_sigma_change")));
            case Snes.NAME:
                return new Snes(params, new Snes.Settings(setting.applyAsDouble("snes.center_learning_rate"),
                        setting.applyAsDouble("snes.sigma_learning_rate")));
            case SepCmaEs.NAME:
                return new SepCmaEs(params, new SepCmaEs.Settings(setting.applyAsDouble("sep_cma_es.mean_learning_rate")));
            default:
                throw new IllegalArgumentException("strategy: unknown strategy '" + name + "' (known: "
                        + String.join(", ", NAMES) + ")");
        }
    }
}
