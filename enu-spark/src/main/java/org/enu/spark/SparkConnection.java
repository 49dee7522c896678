package org.enu.spark;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.ShutdownHookManager;
import org.enu.eval.Evaluator;
import org.enu.run.ClusterProvider;
import org.enu.run.Experiment;
import scala.runtime.BoxedUnit;

/**
 * A run's connection to a Spark cluster: one context for all of the run's curriculum stages,
 * each stage evaluated by a {@link SparkEvaluator}. The run directory, checkpoints and metrics
 * stay with the driver (this JVM).
 */
public final class SparkConnection implements ClusterProvider.Connection {
    /**
     * JVM options every executor gets, as the enu launcher gives the local JVM: the Vector API
     * module, and the kernel's passes kept out of each other (docs/PERFORMANCE.md).
     */
    static final String EXECUTOR_OPTIONS = "--add-modules jdk.incubator.vector -XX:CompileCommand=quiet "
            + "-XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::*";

    /** How long Ctrl-C's shutdown waits for the generation in flight before Spark stops. */
    static final long STOP_GRACE_SECONDS = 60;

    private final JavaSparkContext sc;
    private final boolean owned;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object hook;

    private SparkConnection(JavaSparkContext sc, boolean owned) {
        this.sc = sc;
        this.owned = owned;
        // Ctrl-C: enu finishes the generation in flight and writes a checkpoint (RunControl), but
        // Spark's own shutdown hook would stop the context under it. This hook runs before
        // Spark's (a higher priority) and holds it until the run has closed this connection.
        this.hook = owned ? ShutdownHookManager.addShutdownHook(ShutdownHookManager.SPARK_CONTEXT_SHUTDOWN_PRIORITY() + 1,
                () -> {
                    try {
                        closed.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return BoxedUnit.UNIT;
                }) : null;
    }

    /**
     * Starts a context for {@code master}; spark.* system properties (spark-submit's --conf) and
     * {@code settings} apply, the latter last.
     */
    public static SparkConnection open(String master, Map<String, String> settings) {
        MasterUrl.check(master);
        SparkConf conf = new SparkConf(true).setMaster(master.strip());
        if (!conf.contains("spark.app.name")) {
            conf.setAppName("enu");
        }
        settings.forEach(conf::set);
        shipOwnJar(conf);
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        if (!opts.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (opts + " " + EXECUTOR_OPTIONS).strip());
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        if (System.getProperty("enu.spark.log") == null) {
            sc.setLogLevel("WARN");
        }
        return new SparkConnection(sc, true);
    }

    /**
     * Started from enu-spark.jar without spark-submit (the enu launcher): the executors need the
     * jar too, so it joins spark.jars (spark-submit has put it there already).
     */
    private static void shipOwnJar(SparkConf conf) {
        java.nio.file.Path self;
        try {
            self = java.nio.file.Path.of(SparkConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return;
        }
        if (!java.nio.file.Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
            return; // classes from a folder (a build's tests): the executors' class path has them
        }
        String jars = conf.get("spark.jars", "");
        if (!jars.contains(self.getFileName().toString())) {
            String uri = self.toUri().toString();
            conf.set("spark.jars", jars.isEmpty() ? uri : jars + "," + uri);
        }
    }

    /** Uses a running context, which {@link #close} leaves running (for tests and notebooks). */
    public static SparkConnection using(JavaSparkContext sc) {
        return new SparkConnection(sc, false);
    }

    /** The context. */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public Evaluator create(Experiment stage) {
        return new SparkEvaluator(sc, stage.config());
    }

    @Override
    public void close() {
        if (owned) {
            try {
                sc.stop();
            } finally {
                closed.countDown();
                if (!ShutdownHookManager.inShutdown()) {
                    ShutdownHookManager.removeShutdownHook(hook);
                }
            }
        }
    }
}
