package org.enu.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.es.Population;
import org.enu.eval.Evaluator;
import org.enu.eval.LocalEvaluator;

/**
 * Evaluates a generation on a Spark cluster, with the same numbers as {@link LocalEvaluator}.
 * The stage's configuration is broadcast once (as its YAML text); per generation the driver
 * broadcasts the centre and the population's sampling parameters ({@link GenerationWork}), and
 * each task carries only a range of noise-vector indices. An executor rebuilds the task from the
 * configuration once per JVM, rebuilds each offspring's noise from its key, plays it with the
 * local evaluator's code and returns (offspring index, fitness). A task that is lost (a dead
 * executor or machine) is run again by Spark; since its result is a pure function of the keys,
 * the numbers do not change.
 */
public final class SparkEvaluator implements Evaluator {
    /** Partitions per executor core (Spark's default parallelism): two evens out uneven tasks. */
    public static final String PARTITIONS_PER_CORE = "spark.enu.partitionsPerCore";

    private final JavaSparkContext sc;
    private final Broadcast<String> config;
    private final int parameters;
    private final int partitionsPerCore;

    /**
     * @param sc     a running context (not stopped by {@link #close})
     * @param config the stage's configuration
     */
    public SparkEvaluator(JavaSparkContext sc, RunConfig config) {
        this.sc = sc;
        String yaml = config.tree().toYaml();
        // the executors read the text back: check here that it reads back to the same task
        RunConfig back = RunConfig.parse(yaml, "the run's configuration");
        this.parameters = back.newTask().layout().parameterCount();
        this.config = sc.broadcast(yaml);
        this.partitionsPerCore = sc.getConf().getInt(PARTITIONS_PER_CORE, 2);
        if (partitionsPerCore < 1) {
            throw new ConfigException(PARTITIONS_PER_CORE + ": must be >= 1, got " + partitionsPerCore);
        }
    }

    @Override
    public double[] evaluate(float[] theta, Population pop) {
        if (theta.length != parameters) {
            throw new IllegalArgumentException("theta has " + theta.length + " parameters, the task " + parameters);
        }
        double[] fitness = new double[pop.size()];
        List<int[]> ranges = ranges(pop.noiseCount(), partitionsPerCore * sc.defaultParallelism());
        if (ranges.isEmpty()) {
            return fitness;
        }
        Broadcast<String> cfg = config;
        Broadcast<GenerationWork> work = sc.broadcast(GenerationWork.of(theta.clone(), pop));
        try {
            sc.setJobDescription("generation " + pop.generation());
            List<Scores> parts = sc.parallelize(ranges, ranges.size())
                    .map(r -> ExecutorSide.evaluate(cfg, work, r))
                    .collect();
            int scored = 0;
            for (Scores s : parts) {
                for (int k = 0; k < s.offspring().length; k++) {
                    fitness[s.offspring()[k]] = s.fitness()[k];
                }
                scored += s.offspring().length;
            }
            int expected = LocalEvaluator.lastOffspring(pop, pop.noiseCount() - 1) + 1;
            if (scored != expected) { // each range once, in order: anything else is a bug
                throw new IllegalStateException("generation " + pop.generation() + ": " + scored
                        + " fitness values came back for " + expected + " offspring");
            }
        } finally {
            work.destroy();
        }
        return fitness;
    }

    /** Splits noise vectors [0, n) into at most {@code slices} contiguous, near-equal ranges. */
    static List<int[]> ranges(int n, int slices) {
        int s = Math.max(1, Math.min(n, slices));
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < s && n > 0; i++) {
            out.add(new int[] {(int) ((long) i * n / s), (int) ((long) (i + 1) * n / s)});
        }
        return out;
    }

    @Override
    public void close() {
        config.destroy();
    }
}
