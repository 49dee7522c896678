package org.enu.cli;

import org.enu.config.ConfigException;
import org.enu.eval.EnvironmentKeys;
import picocli.CommandLine.Option;

/** The options that pick one held-out environment: {@code --seed} and {@code --env} (trace, plot, replay). */
final class HeldOutEpisode {
    /** The held-out seed every command uses by default (enu eval included). */
    static final String DEFAULT_SEED = "1000003";

    @Option(names = "--seed", paramLabel = "S", defaultValue = DEFAULT_SEED,
            description = "held-out seed (default ${DEFAULT-VALUE}, as enu eval)")
    long seed;

    @Option(names = "--env", paramLabel = "K", defaultValue = "0", description = "environment index (default ${DEFAULT-VALUE})")
    int env;

    /** The key of the chosen environment. */
    long key() {
        if (env < 0 || env >= org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS) {
            throw new ConfigException("--env: must be in 0.." + (org.enu.config.Limits.MAX_EVAL_ENVIRONMENTS - 1)
                    + ", got " + env);
        }
        return EnvironmentKeys.heldOut(seed, env + 1)[env];
    }
}
