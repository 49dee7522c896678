package org.enu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.enu.config.RunConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu config TASK}: print the resolved configuration without running anything. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration of a task and preset (a starting point for --config FILE).")
final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        RunConfig cfg = RunConfig.resolve(options.task, options.preset, options.config, options.sets); // binds and checks every section
        spec.commandLine().getOut().print(cfg.tree().toYaml());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
