package org.enu.cli;

import org.enu.config.ConfigException;
import org.enu.eval.EnvironmentKeys;
import picocli.CommandLine.Option;

/** The options that pick a set of held-out environments: {@code --envs} and {@code --seed} (eval, sizes). */
final class HeldOutSet {
    @Option(names = "--envs", paramLabel = "N", defaultValue = "256", description = "held-out environments (default ${DEFAULT-VALUE})")
    int envs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = HeldOutEpisode.DEFAULT_SEED,
            description = "held-out seed (default ${DEFAULT-VALUE})")
    long seed;

    /** The environments' count, checked. */
    int envs() {
        if (envs < 1) {
            throw new ConfigException("--envs: must be >= 1, got " + envs);
        }
        return envs;
    }

    /** The environments' keys. */
    long[] keys() {
        return EnvironmentKeys.heldOut(seed, envs());
    }
}
