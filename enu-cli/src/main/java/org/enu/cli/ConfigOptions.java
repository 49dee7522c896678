package org.enu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that resolve a configuration: TASK, {@code --preset}, {@code --config}, {@code --set} (train, config). */
final class ConfigOptions {
    @Parameters(index = "0", paramLabel = "TASK", description = "the task: iaf, stdp, tmaze or another registered one")
    String task;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (minutes on 2 cores), paper (the paper's equations and sizes), original "
                    + "(the authors' code) or, for tmaze, colour (the colour-learning recipe as a staged run); default: "
                    + "${DEFAULT-VALUE}")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with settings (see `enu config TASK`)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one setting, e.g. es.sigma=0.02 (repeatable)")
    List<String> sets = new ArrayList<>();
}
