package org.enu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.enu.run.ClusterProvider;
import org.enu.run.EvaluatorFactory;
import org.enu.run.RunListener;
import org.enu.run.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enu resume DIR}: continue a run from its latest checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from its checkpoint; ends bit-identical to a run that never stopped.")
final class ResumeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "run directory")
    Path dir;

    @Option(names = "--generations", paramLabel = "N", description = "new total generation budget")
    Integer generations;

    @Option(names = "--threads", paramLabel = "N", description = "evaluation threads (0 = one per core)")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "MASTER_URL", description = "evaluate on an Apache Spark cluster: "
            + "local[N], spark://HOST:PORT, yarn or k8s://URL (needs enu-spark; docs/CLUSTER.md); never changes results")
    String cluster;

    @Option(names = "--no-progress", description = "log lines instead of a progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        ClusterProvider provider = TrainCommand.cluster(cluster);
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = !noProgress && System.console() != null;
        List<RunListener> listeners = List.of(new ProgressListener("resume " + dir.getFileName(), interactive, err));
        long t0 = System.nanoTime();
        try (RunControl control = new RunControl();
             ClusterProvider.Connection connection = provider == null ? null : provider.connect(cluster)) {
            EvaluatorFactory evaluators = connection == null ? EvaluatorFactory.LOCAL : connection;
            TrainingRun.Result r = TrainingRun.resume(dir, generations, threads, listeners, control::stopRequested,
                    evaluators);
            // report before the shutdown hook is released: on Ctrl-C the JVM exits right after
            TrainCommand.report(spec.commandLine().getOut(), r, t0);
        }
        return 0;
    }
}
