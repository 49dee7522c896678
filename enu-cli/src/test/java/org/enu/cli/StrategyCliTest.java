package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enu.es.StrategyRegistry;
import org.enu.io.Checkpoint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** enu train TASK --set es.strategy=NAME for every task and strategy, tiny sizes, then resume and eval. */
class StrategyCliTest {
    @TempDir
    Path tmp;

    static List<String> names() {
        return StrategyRegistry.NAMES;
    }

    private static List<String> tiny(String task) {
        return switch (task) {
            case "iaf" -> List.of("iaf.environments=2", "iaf.steps=15");
            case "stdp" -> List.of("stdp.environments=2", "stdp.steps=15");
            default -> List.of("tmaze.environments=2", "tmaze.episode_steps=24", "tmaze.balanced=false");
        };
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyTaskTrainsResumesAndEvaluatesWithThisStrategy(String strategy) throws IOException {
        for (String task : List.of("iaf", "stdp", "tmaze")) {
            Path dir = tmp.resolve(task);
            List<String> args = new java.util.ArrayList<>(List.of("train", task, "--generations", "2", "--threads", "1",
                    "--no-progress", "--out", dir.toString(), "--set", "es.strategy=" + strategy, "--set",
                    "es.offspring=6", "--set", "enu.memory=4", "--set", "enu.outputs=4"));
            for (String s : tiny(task)) {
                args.add("--set");
                args.add(s);
            }
            CliTest.Result r = CliTest.enu(args.toArray(new String[0]));
            assertEquals(0, r.code(), task + " x " + strategy + ": " + r.err());
            assertTrue(Files.readString(dir.resolve("config.yaml")).contains("strategy: " + strategy));
            assertEquals(strategy, Checkpoint.read(dir.resolve("checkpoint.bin")).strategy());
            r = CliTest.enu("resume", dir.toString(), "--generations", "3");
            assertEquals(0, r.code(), task + " x " + strategy + " resume: " + r.err());
            assertEquals(3, Checkpoint.read(dir.resolve("checkpoint.bin")).state().generation());
            r = CliTest.enu("eval", dir.toString(), "--envs", "2");
            assertEquals(0, r.code(), task + " x " + strategy + " eval: " + r.err());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void aBadSettingIsOneLineAndExitTwo(String strategy) {
        String key = switch (strategy) {
            case "rank_momentum" -> "es.momentum=1";
            case "openai_es" -> "es.openai_es.beta2=1.5";
            case "pgpe" -> "es.pgpe.max_sigma_change=1";
            case "snes" -> "es.snes.center_learning_rate=0";
            default -> "es.sep_cma_es.mean_learning_rate=-1";
        };
        CliTest.Result r = CliTest.enu("train", "iaf", "--no-progress", "--out", tmp.resolve("x").toString(), "--set",
                "es.strategy=" + strategy, "--set", key);
        assertEquals(2, r.code(), r.err());
        String prefix = "enu: error: " + key.substring(0, key.indexOf('=')) + ": ";
        assertTrue(r.err().startsWith(prefix), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written");
    }
}
