package org.enu.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.enu.config.RunConfig;
import org.enu.es.EsState;
import org.enu.es.Population;
import org.enu.eval.Evaluator;
import org.enu.eval.LocalEvaluator;
import org.enu.run.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (its name keeps it out of the build's test run): the per-generation overhead of the
 * loopback standalone cluster (two one-core Workers) against the local evaluator with two
 * threads, at the paper's T-maze sizes (1,024 offspring, 8 environments, 400 steps, 15,000-odd
 * parameters). Reproduce with
 * {@code mvn -B -q -pl enu-spark -am verify -Dtest=ClusterOverheadBench -Dsurefire.failIfNoSpecifiedTests=false -Denu.bench=true}
 * (-Denu.bench.generations=N, default 3, after one warm-up generation each; -Denu.bench.preset=quick,
 * -Denu.bench.set=k=v,k=v and -Denu.bench.partitionsPerCore=N change the run). Prints a table and
 * writes enu-spark/target/cluster-overhead.txt.
 */
@EnabledIfSystemProperty(named = "enu.bench", matches = "true")
class ClusterOverheadBench {
    @TempDir
    Path tmp;

    @Test
    void paperScaleTmaze() throws Exception {
        int generations = Integer.getInteger("enu.bench.generations", 3);
        String preset = System.getProperty("enu.bench.preset", "paper");
        List<String> sets = new ArrayList<>(List.of("seed=1"));
        String extra = System.getProperty("enu.bench.set", "");
        if (!extra.isBlank()) {
            sets.addAll(List.of(extra.split(",")));
        }
        RunConfig cfg = RunConfig.resolve("tmaze", preset, null, sets);
        Experiment e = Experiment.of(cfg);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "tmaze %s: %d offspring x %d environments, %d parameters; %d timed "
                + "generations after 1 warm-up; %s partitions per core; %s", preset + (extra.isBlank() ? "" : " " + extra), cfg.es().offspring(), e.task().environments(),
                e.task().layout().parameterCount(), generations, System.getProperty("enu.bench.partitionsPerCore", "2"),
                cpu()));

        List<double[]> localFitness = new ArrayList<>();
        double[] localSecs = new double[generations];
        try (LocalEvaluator ev = e.evaluator(2)) {
            run(e, ev, generations, localSecs, localFitness);
        }

        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(tmp.resolve("cluster")))) {
            cluster.start(2);
            Map<String, String> s = new java.util.LinkedHashMap<>(cluster.driverSettings("enu-overhead"));
            String perCore = System.getProperty("enu.bench.partitionsPerCore");
            if (perCore != null) {
                s.put(SparkEvaluator.PARTITIONS_PER_CORE, perCore);
            }
            try (SparkConnection c = SparkConnection.open(cluster.masterUrl(), s)) {
                StandaloneCluster.await(() -> c.context().sc().getExecutorIds().size() == 2, Duration.ofMinutes(2),
                        "executors");
                // per job (generation): each executor's summed task run time, and the task overheads Spark counts
                Map<Integer, Map<String, Long>> busy = new ConcurrentHashMap<>();
                Map<Integer, long[]> counted = new ConcurrentHashMap<>();
                c.context().sc().addSparkListener(new SparkListener() {
                    @Override
                    public void onTaskEnd(SparkListenerTaskEnd t) {
                        int stage = t.stageId();
                        busy.computeIfAbsent(stage, k -> new ConcurrentHashMap<>())
                                .merge(t.taskInfo().executorId(), t.taskMetrics().executorRunTime(), Long::sum);
                        long[] o = counted.computeIfAbsent(stage, k -> new long[3]);
                        synchronized (o) {
                            o[0] += t.taskMetrics().executorDeserializeTime();
                            o[1] += t.taskMetrics().resultSerializationTime();
                            o[2]++;
                        }
                    }
                });
                List<double[]> clusterFitness = new ArrayList<>();
                double[] clusterSecs = new double[generations];
                try (Evaluator ev = c.create(e)) {
                    run(e, ev, generations, clusterSecs, clusterFitness);
                }
                for (int g = 0; g < generations; g++) {
                    assertArrayEquals(Runs.bits(localFitness.get(g)), Runs.bits(clusterFitness.get(g)), "generation " + g);
                }
                StandaloneCluster.await(() -> busy.size() >= generations + 1, Duration.ofSeconds(30), "listener events");
                List<Integer> stages = new ArrayList<>(busy.keySet());
                stages.sort(null);
                lines.add("gen  local_s  cluster_s  diff_s  diff_%  busiest_core_s  not_computing_s  not_computing_%  tasks");
                double sumL = 0;
                double sumC = 0;
                double sumIdle = 0;
                for (int g = 0; g < generations; g++) {
                    int stage = stages.get(stages.size() - generations + g);
                    double busiest = busy.get(stage).values().stream().mapToLong(Long::longValue).max().orElse(0) * 1e-3;
                    double idle = clusterSecs[g] - busiest;
                    sumL += localSecs[g];
                    sumC += clusterSecs[g];
                    sumIdle += idle;
                    lines.add(String.format(Locale.ROOT, "%3d  %7.2f  %9.2f  %6.2f  %6.1f  %14.2f  %15.3f  %15.2f  %5d",
                            g + 1, localSecs[g], clusterSecs[g], clusterSecs[g] - localSecs[g],
                            100 * (clusterSecs[g] - localSecs[g]) / localSecs[g], busiest, idle, 100 * idle / clusterSecs[g],
                            counted.get(stage)[2]));
                }
                lines.add(String.format(Locale.ROOT, "mean %6.2f  %9.2f  %6.2f  %6.1f  %14s  %15.3f  %15.2f", sumL / generations,
                        sumC / generations, (sumC - sumL) / generations, 100 * (sumC - sumL) / sumL, "",
                        sumIdle / generations, 100 * sumIdle / sumC));
            }
        }
        Files.write(Path.of("target", "cluster-overhead.txt"), lines);
        lines.forEach(System.out::println);
    }

    private static void run(Experiment e, Evaluator ev, int generations, double[] secs, List<double[]> fitness) {
        EsState s = e.initialState();
        for (int g = -1; g < generations; g++) {
            Population pop = e.strategy().ask(s);
            long t0 = System.nanoTime();
            double[] f = ev.evaluate(s.theta(), pop);
            if (g >= 0) {
                secs[g] = (System.nanoTime() - t0) * 1e-9;
                fitness.add(f);
            }
            s = e.strategy().tell(s, pop, f);
        }
    }

    private static String cpu() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).strip() + ", " + Runtime.getRuntime().availableProcessors()
                            + " cores";
                }
            }
        } catch (Exception ex) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores";
    }

}
