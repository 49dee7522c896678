package org.enu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SparkEvaluator in Spark's local mode (no cluster): the local evaluator's bits, for every strategy. */
class LocalModeTest {
    private static SparkConnection spark;

    @BeforeAll
    static void start() {
        spark = SparkConnection.open("local[2]", Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1", "spark.app.name", "enu-local-test"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void sameBitsAsTheLocalEvaluatorForEveryStrategyAndTask() {
        for (RunConfig cfg : Runs.all()) {
            Runs.assertSame(Runs.local(cfg, 3), Runs.run(cfg, 3, spark), Runs.name(cfg));
        }
    }

    @Test
    void anyNumberOfPartitionsGivesTheSameBits() {
        RunConfig cfg = Runs.tmaze("snes");
        Runs.Trace expected = Runs.local(cfg, 2);
        for (int perCore : new int[] {1, 3, 8}) {
            spark.context().getConf(); // the evaluator reads the setting when it is made
            spark.context().sc().conf().set(SparkEvaluator.PARTITIONS_PER_CORE, Integer.toString(perCore));
            try {
                Runs.assertSame(expected, Runs.run(cfg, 2, spark), perCore + " partitions per core");
            } finally {
                spark.context().sc().conf().remove(SparkEvaluator.PARTITIONS_PER_CORE);
            }
        }
    }

    @Test
    void rangesCoverEveryNoiseVectorOnce() {
        assertEquals(List.of(), SparkEvaluator.ranges(0, 4).stream().map(r -> r[0] + "-" + r[1]).toList());
        assertEquals(List.of("0-2", "2-5", "5-7", "7-10"),
                SparkEvaluator.ranges(10, 4).stream().map(r -> r[0] + "-" + r[1]).toList());
        assertEquals(List.of("0-1", "1-2", "2-3"), SparkEvaluator.ranges(3, 8).stream().map(r -> r[0] + "-" + r[1]).toList());
    }

    @Test
    void aMalformedClusterUrlOnTheCommandLineIsOneLineExitTwoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        for (String[] args : List.of(
                new String[] {"train", "iaf", "--cluster", "spark://127.0.0.1", "--out", dir.toString()},
                new String[] {"train", "tmaze", "--cluster", "local[0]", "--out", dir.toString()},
                new String[] {"resume", dir.toString(), "--cluster", "mesos://h:5050"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = org.enu.cli.Main.run(args, new PrintWriter(out), new PrintWriter(err));
            String e = err.toString();
            assertEquals(2, code, String.join(" ", args) + ": " + e);
            assertEquals(1, e.strip().lines().count(), e);
            assertTrue(e.startsWith("enu: error: --cluster: '" + args[3] + "' "), e);
            assertEquals(List.of(), List.of(tmp.toFile().list()), "nothing written");
        }
    }

    @Test
    void malformedMasterUrlsAreRefusedWithTheReason() {
        for (String bad : List.of("", "spark://", "spark://host", "spark://host:x", "spark://host:70000", "local[0]",
                "local[two]", "mesos://h:5050", "k8s://", "yarn-client")) {
            ConfigException e = assertThrows(ConfigException.class, () -> MasterUrl.check(bad), bad);
            assertEquals(true, e.getMessage().startsWith("--cluster: '" + bad + "' "), e.getMessage());
        }
        for (String good : List.of("local", "local[2]", "local[*]", "local[2,3]", "spark://127.0.0.1:7077",
                "spark://a:7077,b:7077", "yarn", "k8s://https://10.0.0.1:6443", "k8s://api.example.org:443")) {
            MasterUrl.check(good);
        }
    }
}
