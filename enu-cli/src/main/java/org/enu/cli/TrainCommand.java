package org.enu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.run.ClusterProvider;
import org.enu.run.InitialGenome;
import org.enu.run.RunDirectory;
import org.enu.run.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu train TASK}: evolve a genome for a task and write a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evolve ENUs for a task. Writes DIR/config.yaml, metrics.jsonl, checkpoint.bin, genome.json.",
                "Settings come from, in increasing priority: the preset, --config, --set, and the options below."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "stdp only: neuromodulated (default) or plain")
    String variant;

    @Option(names = "--generations", paramLabel = "N", description = "generations to run")
    Integer generations;

    @Option(names = "--seed", paramLabel = "S", description = "run seed")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (must not exist or be empty); "
            + "default runs/TASK-PRESET-TIMESTAMP")
    Path out;

    @Option(names = "--init-from", paramLabel = "PATH", description = "start the centre from this run directory's latest "
            + "genome (or a genome.json) instead of the untrained one; same task and layout; strategy state starts fresh")
    Path initFrom;

    @CommandLine.Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        ClusterProvider provider = run.provider();
        String task = options.task;
        String preset = options.preset;
        List<String> all = new ArrayList<>(options.sets);
        if (variant != null) {
            if (!"stdp".equals(task)) {
                throw new org.enu.config.ConfigException("--variant: only the stdp task has variants");
            }
            all.add("stdp.variant=" + variant);
        }
        if (generations != null) {
            all.add("generations=" + generations);
        }
        if (run.threads != null) {
            all.add("threads=" + run.threads);
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        RunConfig cfg = RunConfig.resolve(task, preset, options.config, all);
        InitialGenome init = initFrom == null ? null : readInit(initFrom);
        Path dir = out != null ? out : Path.of("runs", task + "-" + preset + "-"
                + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "training %s (preset %s): %d generations x %d offspring, %s, seed %d -> %s%n",
                task, preset, cfg.generations(), cfg.es().offspring(), run.where(cfg.effectiveThreads()), cfg.seed(),
                dir);
        stdout.flush();
        run.execute(spec, provider, task + " " + preset, dir,
                (listeners, stop, evaluators) -> TrainingRun.start(cfg, dir, listeners, stop, init, evaluators));
        return 0;
    }

    /** The genome of --init-from: a run directory's latest genome, or a genome.json file. */
    static InitialGenome readInit(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new ConfigException("--init-from: " + path + ": no such file or directory");
        }
        Genome g = Files.isDirectory(path) ? new RunDirectory(path).latestGenome() : Genome.read(path);
        return new InitialGenome(path.toString(), g);
    }
}
