package org.enu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.eval.EnvironmentKeys;
import org.enu.io.Genome;
import org.enu.task.EpisodeTrace;
import org.enu.task.stdp.StdpTask;
import org.enu.tasks.TaskRegistry;
import org.jfree.chart.JFreeChart;

/** The STDP plots: paper Fig. 7 (an episode with the neuromodulator present, the STDP curve). */
final class StdpFigures implements TaskFigures {
    @Override
    public List<List<String>> panels(EpisodeTrace trace) {
        return List.of(List.of("pre_spike", "post_spike", "neuromodulator"), List.of("graded"), List.of("target", "out0"));
    }

    @Override
    public void draw(RunConfig cfg, Genome genome, HeldOutEpisode episode, Path plots, Map<Path, byte[]> out)
            throws IOException {
        StdpTask task = TaskRegistry.STDP.create(cfg.settings(), cfg.cell());
        out.put(plots.resolve("stdp-example.png"), Charts.png(stdpExample(task, genome, episode.seed), 1100, 730));
        out.put(plots.resolve("stdp-curve.png"), Charts.png(stdpCurve(task, genome, EnvironmentKeys.heldOut(episode.seed,
                512)), 1000, 620));
    }

    /**
     * Paper Fig. 7 (left): one held-out episode with the neuromodulator present (the first such
     * held-out environment): the spikes and the neuromodulator, the graded input, the rule's
     * target output and the ENU's output.
     */
    JFreeChart stdpExample(StdpTask task, Genome genome, long seed) {
        long[] keys = EnvironmentKeys.heldOut(seed, 64);
        int env = org.enu.cli.report.SingleEnuFigures.firstModulated(task, keys);
        EpisodeTrace trace = task.trace(genome.parameters(), keys[env]);
        return Charts.traceChart(trace, panels(trace), "STDP (" + (task.config().modulated() ? "neuromodulated"
                : "plain") + "), generation " + genome.generation() + ": held-out episode " + env
                + " (neuromodulator present)");
    }

    /** Paper Fig. 7 (right): relative output change against dt, rule and ENU, with and without neuromodulator. */
    static JFreeChart stdpCurve(StdpTask task, Genome genome, long[] keys) {
        return org.enu.cli.report.SingleEnuFigures.curve(task, genome, keys,
                task.config().modulated() ? "neuromodulated" : "plain");
    }
}
