package org.enu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.run.RunDirectory;
import org.enu.io.AtomicFiles;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code enu plot DIR}: PNG plots of a run's fitness curve and of one held-out episode. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw DIR/plots/fitness.png (mean, best and centre fitness per generation) and "
                + "DIR/plots/episode.png (one held-out episode of the latest genome); for the T-maze also "
                + "DIR/plots/food-arm.png (food-arm choices before and after the first poison) and poison-taken.png (the "
                + "poison in sight: eaten or refused), for IAF "
                + "DIR/plots/iaf.png and iaf-raster.png (paper Fig. 6), for STDP DIR/plots/stdp-example.png and "
                + "stdp-curve.png (paper Fig. 7). With --set the episode figures are drawn on a variant of the "
                + "task, as enu eval --set (the fitness curve is the run's own).")
final class PlotCommand extends RunDirCommand {
    @CommandLine.Mixin
    HeldOutEpisode episode;

    @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE", description = "draw the episode figures on a "
            + "variant of the task it was trained on, as enu eval --set (keys that change the genome's shape are "
            + "refused)")
    List<String> sets = new java.util.ArrayList<>();


    @Override
    public Integer call() throws Exception {
        // everything is read, checked and drawn first; only then is anything written
        long key = episode.key();
        SavedRun run = SavedRun.open(dir);
        RunConfig trainedOn = run.config();
        RunConfig cfg = EvalCommand.variant(trainedOn, sets);
        if (cfg.newTask().layout().parameterCount() != trainedOn.newTask().layout().parameterCount()) {
            throw new ConfigException("--set: changes the genome's shape (" + String.join(", ", sets) + ")");
        }
        TaskFigures figures = TaskFigures.of(cfg.task());
        List<Map<String, Object>> metrics = run.dir().metrics();
        String hole = run.dir().metricsHole(metrics);
        if (hole != null) {
            // the plot is still worth drawing, but a gap must not pass for a flat stretch of the curve
            spec.commandLine().getErr().println("enu: warning: " + run.dir().file(RunDirectory.METRICS) + ": " + hole
                    + "; fitness.png shows a gap there");
        }
        Genome genome = run.genome();
        Path plots = plotsDir(dir);
        Map<Path, byte[]> out = new LinkedHashMap<>();
        out.put(plots.resolve("fitness.png"), Charts.png(Charts.fitnessChart(metrics, cfg.task()), 1000, 560));
        EpisodeTrace trace = cfg.newReport().trace(genome.parameters(), key);
        List<List<String>> panels = figures.panels(trace);
        String variant = sets.isEmpty() ? "" : " (" + String.join(" ", sets) + ")";
        out.put(plots.resolve("episode.png"), Charts.png(Charts.traceChart(trace, panels, cfg.task()
                + ": held-out episode " + episode.env + ", generation " + genome.generation() + variant), 1100,
                220 + 170 * panels.size()));
        figures.draw(cfg, genome, episode, plots, out);
        write(plots, out, spec.commandLine().getOut());
        return 0;
    }

    /** A run's plots directory, refused before anything is drawn if a link or a file stands in its place. */
    static Path plotsDir(Path dir) {
        Path plots = dir.resolve("plots");
        if (Files.isSymbolicLink(plots)) {
            throw new ConfigException(plots + ": is a symbolic link; enu writes plots only inside the run directory");
        }
        if (Files.exists(plots) && !Files.isDirectory(plots)) {
            throw new ConfigException(plots + ": exists and is not a directory");
        }
        return plots;
    }

    /** Writes drawn plots (each atomically) into the plots directory, naming each on {@code out}. */
    static void write(Path plots, Map<Path, byte[]> files, java.io.PrintWriter out) throws IOException {
        AtomicFiles.writeAll(plots, files);
        for (Path p : files.keySet()) {
            out.printf("wrote %s%n", p);
        }
        out.flush();
    }
}
