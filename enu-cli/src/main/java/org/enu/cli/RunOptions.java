package org.enu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.enu.run.ClusterProvider;
import org.enu.run.EvaluatorFactory;
import org.enu.run.RunListener;
import org.enu.run.TrainingRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code train} and {@code resume} that choose how a run is computed and shown,
 * never what it computes ({@code --threads}, {@code --cluster}, {@code --no-progress}), and the
 * way both commands run it: progress bar or log lines, Ctrl-C control, the cluster connection and
 * the closing report.
 */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N", description = "evaluation threads (0 = one per core); never changes results")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "MASTER_URL", description = "evaluate on an Apache Spark cluster: "
            + "local[N], spark://HOST:PORT, yarn or k8s://URL (needs enu-spark; docs/CLUSTER.md); never changes results")
    String cluster;

    @Option(names = "--no-progress", description = "log lines instead of a progress bar")
    boolean noProgress;

    @Option(names = "--report-every", paramLabel = "N", description = "rewrite DIR/report.html (enu report) every N "
            + "generations while the run trains, and when it stops; the page reloads itself in a browser")
    Integer reportEvery;

    /** Starts or resumes the run with the given listeners, stop request and evaluators. */
    interface Run {
        TrainingRun.Result run(List<RunListener> listeners, BooleanSupplier stop, EvaluatorFactory evaluators)
                throws IOException;
    }

    /**
     * The cluster provider for {@code --cluster MASTER_URL}, with the URL's form checked (nothing
     * is connected or written yet), or null without the option. Commands call it before they
     * check anything else, so a bad URL is the first error reported.
     */
    ClusterProvider provider() {
        if (cluster == null) {
            return null;
        }
        ClusterProvider p = ClusterProvider.find();
        p.check(cluster);
        return p;
    }

    /** Where the offspring are evaluated: "N threads" or "cluster MASTER_URL". */
    String where(int effectiveThreads) {
        return cluster == null ? effectiveThreads + " threads" : "cluster " + cluster;
    }

    /**
     * Runs {@code run} with a progress bar (on a terminal, without --no-progress) or log lines
     * labelled {@code label}, on the cluster of {@code provider} if there is one, stopping after
     * the current generation on Ctrl-C, and reports how it ended on the command's output.
     */
    void execute(CommandSpec spec, ClusterProvider provider, String label, java.nio.file.Path dir, Run run)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = !noProgress && Terminal.interactive();
        if (reportEvery != null && reportEvery < 1) {
            throw new org.enu.config.ConfigException("--report-every: must be >= 1, got " + reportEvery);
        }
        org.enu.cli.report.LiveReport live = reportEvery == null ? null
                : new org.enu.cli.report.LiveReport(dir, reportEvery, err);
        List<RunListener> listeners = live == null ? List.of(new ProgressListener(label, interactive, err))
                : List.of(new ProgressListener(label, interactive, err), live);
        long t0 = System.nanoTime();
        try (RunControl control = new RunControl();
             ClusterProvider.Connection connection = provider == null ? null : provider.connect(cluster)) {
            EvaluatorFactory evaluators = connection == null ? EvaluatorFactory.LOCAL : connection;
            TrainingRun.Result r = run.run(listeners, control::stopRequested, evaluators);
            if (live != null) {
                live.last(); // now that the last checkpoint and the genome are on disk
            }
            // report before the shutdown hook is released: on Ctrl-C the JVM exits right after
            report(spec.commandLine().getOut(), r, t0);
        }
    }

    private static void report(PrintWriter out, TrainingRun.Result r, long t0) {
        double secs = (System.nanoTime() - t0) * 1e-9;
        if (r.completed()) {
            out.printf(Locale.ROOT, "done: generation %d in %s; genome %s%n", r.state().generation(),
                    ProgressListener.duration(secs), r.dir().resolve("genome.json"));
            out.printf(Locale.ROOT, "next: ./enu eval %s   ./enu plot %s%n", r.dir(), r.dir());
        } else {
            out.printf(Locale.ROOT, "stopped at generation %d after %s; continue with: ./enu resume %s%n",
                    r.state().generation(), ProgressListener.duration(secs), r.dir());
        }
        out.flush();
    }
}
