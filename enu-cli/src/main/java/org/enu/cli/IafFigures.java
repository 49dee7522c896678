package org.enu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.task.iaf.IafReport;
import org.enu.task.iaf.IafTask;
import org.enu.tasks.TaskRegistry;
import org.jfree.chart.JFreeChart;

/** The IAF plots: paper Fig. 6 (an episode with the memory cell that tracks the potential, a spike raster). */
final class IafFigures implements TaskFigures {
    @Override
    public List<List<String>> panels(EpisodeTrace trace) {
        return List.of(List.of("input"), List.of("target_membrane"), List.of("target_spike", "out0"));
    }

    @Override
    public void draw(RunConfig cfg, Genome genome, HeldOutEpisode episode, Path plots, Map<Path, byte[]> out)
            throws IOException {
        IafTask task = TaskRegistry.IAF.create(cfg.settings(), cfg.cell()).withoutTeacherForcing(); // figures play free, as eval
        long[] keys = EnvironmentKeys.heldOut(episode.seed, 64);
        out.put(plots.resolve("iaf.png"), Charts.png(iafFigure(new IafReport(task), genome, episode.key(), keys), 1100, 900));
        out.put(plots.resolve("iaf-raster.png"), Charts.png(iafRaster(task, genome, java.util.Arrays.copyOf(keys, 8)),
                1100, 560));
    }

    /**
     * Paper Fig. 6 (left): one held-out episode: the input, the target neuron's potential (before
     * the reset: the value compared with the threshold),
     * the ENU memory cell that best tracks the potential (chosen over the given episodes), the
     * target's spikes and the ENU's output.
     */
    static JFreeChart iafFigure(IafReport report, Genome genome, long key, long[] keys) {
        IafReport.MemoryMatch best = report.bestMemoryCell(genome.parameters(), keys);
        IafTask task = report.task();
        EpisodeTrace trace = task.trace(genome.parameters(), key);
        String mem = "mem" + best.cell();
        List<List<String>> panels = List.of(List.of("input"), List.of("target_potential"), List.of(mem),
                List.of("target_spike", "out0"));
        return Charts.traceChart(trace, panels, String.format(java.util.Locale.ROOT,
                "IAF, generation %d: input, target potential, ENU memory cell %d (r = %.3f with the potential over %d "
                        + "held-out episodes), target spikes and ENU output", genome.generation(), best.cell(),
                best.correlation(), keys.length));
    }

    /** Paper Fig. 6 (right): target and ENU spike times in several held-out episodes. */
    static JFreeChart iafRaster(IafTask task, Genome genome, long[] keys) {
        return org.enu.cli.report.SingleEnuFigures.raster(task, genome, keys);
    }
}
