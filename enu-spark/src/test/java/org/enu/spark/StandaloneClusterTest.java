package org.enu.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkEnv;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.enu.config.RunConfig;
import org.enu.es.StrategyRegistry;
import org.enu.io.Checkpoint;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.enu.run.TrainingRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a Master and two one-core Workers, separate JVMs
 * started once for the class): the same bits as the local evaluator for every strategy, through
 * a Worker killed mid-generation, and through a driver killed with SIGKILL and resumed with
 * {@code enu resume --cluster}; SIGTERM (Ctrl-C) of a cluster run stops after the generation in
 * flight with a checkpoint. The Worker test kills a machine, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
    @TempDir
    static Path tmp;
    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new StandaloneCluster(Files.createDirectories(tmp.resolve("cluster")));
        try {
            cluster.start(2);
        } catch (Throwable t) {
            cluster.close();
            throw t;
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A connection to the cluster once both executors have registered. */
    private static SparkConnection connect(String name, Map<String, String> extra) throws InterruptedException {
        Map<String, String> s = new LinkedHashMap<>(cluster.driverSettings(name));
        s.putAll(extra);
        SparkConnection c = SparkConnection.open(cluster.masterUrl(), s);
        try {
            StandaloneCluster.await(() -> c.context().sc().getExecutorIds().size() == cluster.workers().size(),
                    Duration.ofMinutes(2), "executors of " + name);
        } catch (Throwable t) {
            c.close();
            throw t;
        }
        return c;
    }

    @Test
    @Order(1)
    void threeGenerationsOfIafAndTheTmazeAreBitIdenticalToTheLocalEvaluatorForEveryStrategy() throws Exception {
        Set<String> executors = ConcurrentHashMap.newKeySet();
        try (SparkConnection c = connect("enu-equality", Map.of())) {
            c.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    executors.add(e.taskInfo().executorId());
                }
            });
            List<RunConfig> all = Runs.all();
            for (RunConfig cfg : all) {
                Runs.assertSame(Runs.local(cfg, 3), Runs.run(cfg, 3, c), Runs.name(cfg) + " on the cluster");
            }
            assertEquals(2 * StrategyRegistry.NAMES.size() + 1, all.size());
        }
        assertEquals(2, executors.size(), "both Workers' executors did the work: " + executors);
        assertFalse(executors.contains("driver"), executors.toString());
    }

    private static List<String> trainSets() {
        return List.of("--generations", "8", "--set", "checkpoint_every=2", "--set", "seed=3", "--set", "es.offspring=16",
                "--set", "iaf.environments=4", "--set", "es.strategy=openai_es");
    }

    /** The enu command line as a driver JVM of its own on the cluster. */
    private static Process enu(Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(StandaloneCluster.jvmOptions());
        cmd.add("-Xmx512m");
        for (Map.Entry<String, String> e : cluster.driverSettings("enu-cli-" + args.get(0)).entrySet()) {
            cmd.add("-D" + e.getKey() + "=" + e.getValue());
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.enu.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        cluster.environment(pb.environment());
        return pb.start();
    }

    private static long metricsLines(Path dir) {
        try {
            Path m = dir.resolve(RunDirectory.METRICS);
            return Files.exists(m) ? Files.readString(m).chars().filter(ch -> ch == '\n').count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    @Order(2)
    void aDriverKilledMidRunThenResumedOnTheClusterEndsBitIdenticalToAnUninterruptedRun() throws Exception {
        Path straight = tmp.resolve("straight");
        List<String> straightArgs = new ArrayList<>(List.of("--generations", "8", "checkpoint_every=2", "seed=3",
                "es.offspring=16", "iaf.environments=4", "es.strategy=openai_es"));
        RunConfig cfg = RunConfig.resolve("iaf", "quick", null, straightArgs.subList(2, straightArgs.size()))
                .with("generations", 8);
        assertTrue(TrainingRun.start(cfg, straight, List.of(), () -> false).completed());

        Path dir = tmp.resolve("killed");
        List<String> train = new ArrayList<>(List.of("train", "iaf", "--cluster", cluster.masterUrl(), "--out",
                dir.toString(), "--no-progress"));
        train.addAll(trainSets());
        Path log = tmp.resolve("driver.log");
        Process driver = enu(log, train);
        try {
            // generation 3's line is written after the checkpoint of generation 2
            StandaloneCluster.await(() -> metricsLines(dir) >= 3 || !driver.isAlive(), Duration.ofMinutes(3),
                    "the checkpoint of generation 2 (driver log " + log + ")");
            assertTrue(driver.isAlive(), "the driver still runs: " + Files.readString(log));
        } finally {
            driver.destroyForcibly(); // SIGKILL
            driver.waitFor(30, TimeUnit.SECONDS);
        }
        int reached = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).state().generation();
        assertTrue(reached >= 2 && reached < 8, "killed mid-run, checkpoint at generation " + reached);
        assertFalse(Files.exists(dir.resolve(RunDirectory.GENOME)), "not finished");

        Path log2 = tmp.resolve("resume.log");
        Process resume = enu(log2, List.of("resume", dir.toString(), "--cluster", cluster.masterUrl(), "--no-progress"));
        assertTrue(resume.waitFor(300, TimeUnit.SECONDS), "resume finishes");
        String out = Files.readString(log2);
        assertEquals(0, resume.exitValue(), out);
        assertTrue(out.contains("done: generation 8"), out);

        Genome a = Genome.read(straight.resolve(RunDirectory.GENOME));
        Genome b = Genome.read(dir.resolve(RunDirectory.GENOME));
        assertArrayEquals(Runs.bits(a.parameters()), Runs.bits(b.parameters()), "bit-identical parameters");
        assertEquals(metrics(straight), metrics(dir), "every generation logged once, with the same numbers");
        Runs.assertState(Checkpoint.read(straight.resolve(RunDirectory.CHECKPOINT)).state(),
                Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).state(), "final checkpoint");
    }

    @Test
    @Order(3)
    void sigtermOfTheDriverFinishesTheGenerationInFlightAndWritesACheckpoint() throws Exception {
        Path dir = tmp.resolve("stopped");
        List<String> train = new ArrayList<>(List.of("train", "iaf", "--cluster", cluster.masterUrl(), "--out",
                dir.toString(), "--no-progress", "--generations", "2000", "--set", "checkpoint_every=1000", "--set",
                "es.offspring=16", "--set", "iaf.environments=4"));
        Path log = tmp.resolve("stopped.log");
        Process driver = enu(log, train);
        try {
            StandaloneCluster.await(() -> metricsLines(dir) >= 3 || !driver.isAlive(), Duration.ofMinutes(3),
                    "three generations (driver log " + log + ")");
            driver.destroy(); // SIGTERM, as Ctrl-C: the JVM's shutdown hooks run
            assertTrue(driver.waitFor(120, TimeUnit.SECONDS), "the driver stops");
        } finally {
            driver.destroyForcibly();
        }
        String out = Files.readString(log);
        int reached = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).state().generation();
        assertTrue(out.contains("stopped at generation " + reached + " "), "checkpoint at " + reached + ": " + out);
        assertEquals(reached, metricsLines(dir), "one metrics line per generation up to the checkpoint");
        assertTrue(reached >= 3 && reached < 2000, out);
    }

    /** metrics.jsonl without the wall times. */
    private static List<Map<String, Object>> metrics(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : new RunDirectory(dir).metrics()) {
            Map<String, Object> m = new LinkedHashMap<>(row);
            m.remove("seconds");
            out.add(m);
        }
        return out;
    }

    @Test
    @Order(4)
    void aWorkerKilledInTheMiddleOfAGenerationChangesNoBit() throws Exception {
        // generations of about a second: the quick preset's T-maze sizes, one task per core
        RunConfig cfg = Runs.tmaze("rank_momentum", "es.offspring=64", "tmaze.environments=8", "tmaze.episode_steps=400");
        Runs.Trace expected = Runs.local(cfg, 3);
        try (SparkConnection c = connect("enu-worker-kill", Map.of(SparkEvaluator.PARTITIONS_PER_CORE, "1"))) {
            Map<String, Long> pids = executorPids(c);
            Map<Integer, String> generationOfStage = new ConcurrentHashMap<>();
            AtomicReference<Process> killed = new AtomicReference<>();
            AtomicInteger lost = new AtomicInteger();
            AtomicInteger removed = new AtomicInteger();
            c.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onJobStart(SparkListenerJobStart e) {
                    String d = e.properties().getProperty("spark.job.description", "");
                    e.stageIds().foreach(id -> generationOfStage.put((Integer) id, d));
                }

                @Override
                public void onTaskStart(SparkListenerTaskStart e) {
                    // the first task of generation 1 has started on an executor: its machine dies
                    if ("generation 1".equals(generationOfStage.get(e.stageId())) && killed.get() == null) {
                        long pid = pids.get(e.taskInfo().executorId());
                        for (Process w : cluster.workers()) {
                            if (w.toHandle().descendants().anyMatch(h -> h.pid() == pid) && killed.compareAndSet(null, w)) {
                                w.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                                w.destroyForcibly();
                            }
                        }
                    }
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    if (!(e.reason() instanceof Success$)) {
                        lost.incrementAndGet();
                    }
                }

                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                    removed.incrementAndGet();
                }
            });
            Runs.Trace actual = Runs.run(cfg, 3, c);
            assertTrue(killed.get() != null, "a Worker was killed during generation 1");
            cluster.killWorkerAndExecutors(killed.get()); // waits until they are gone
            Runs.assertSame(expected, actual, "T-maze with a Worker killed mid-generation");
            StandaloneCluster.await(() -> removed.get() >= 1 && lost.get() >= 1, Duration.ofSeconds(30),
                    "the listener events of the lost executor");
            assertTrue(lost.get() >= 1, "a task in flight was lost and run again: " + lost.get());
        }
    }

    /** Each executor's process id (one task per executor core until both have answered). */
    private static Map<String, Long> executorPids(SparkConnection c) throws InterruptedException {
        Map<String, Long> pids = new HashMap<>();
        List<Integer> slices = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        StandaloneCluster.await(() -> {
            for (String s : c.context().parallelize(slices, slices.size())
                    .map(i -> SparkEnv.get().executorId() + " " + ProcessHandle.current().pid()).collect()) {
                String[] p = s.split(" ", -1);
                pids.put(p[0], Long.parseLong(p[1]));
            }
            return pids.size() == 2;
        }, Duration.ofSeconds(60), "both executors' process ids");
        return pids;
    }
}
