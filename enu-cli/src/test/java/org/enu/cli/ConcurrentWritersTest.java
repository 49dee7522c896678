package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.config.RunConfig;
import org.enu.io.Genome;
import org.enu.run.RunDirectory;
import org.enu.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one run directory: two {@code enu train} processes with different seeds on one --out.
 * Whichever way they interleave, one run is written whole and the other is refused on one line.
 */
class ConcurrentWritersTest {
    @TempDir
    Path tmp;

    private static final List<String> SETS = List.of("es.offspring=8", "iaf.environments=3", "iaf.steps=20",
            "enu.memory=8", "enu.outputs=4", "checkpoint_every=1");

    private static List<String> train(Path dir, long seed) {
        List<String> a = new ArrayList<>(List.of("train", "iaf", "--generations", "30", "--threads", "1", "--seed",
                String.valueOf(seed), "--no-progress", "--out", dir.toString()));
        for (String s : SETS) {
            a.add("--set");
            a.add(s);
        }
        return a;
    }

    @Test
    @Timeout(240)
    void twoTrainProcessesOnOneDirectoryLeaveOneWholeRun() throws Exception {
        for (int round = 0; round < 2; round++) {
            Path dir = tmp.resolve("c" + round);
            int[] codes = new int[2];
            String[] outputs = new String[2];
            try (ChildProcess a = ChildProcess.start(Main.class, train(dir, 7));
                 ChildProcess b = ChildProcess.start(Main.class, train(dir, 8))) {
                codes[0] = a.waitFor();
                codes[1] = b.waitFor();
                outputs[0] = a.output();
                outputs[1] = b.output();
            }
            int winner = codes[0] == 0 ? 0 : 1;
            assertEquals(0, codes[winner], outputs[winner]);
            assertEquals(2, codes[1 - winner], "the other is refused: " + outputs[1 - winner]);
            List<String> errors = outputs[1 - winner].lines().filter(l -> l.startsWith("enu: error: ")).toList();
            assertEquals(1, errors.size(), outputs[1 - winner]);
            assertTrue(errors.get(0).contains("in use by another enu process") || errors.get(0).contains("is not empty"),
                    errors.get(0));
            assertTrue(!outputs[1 - winner].contains("Exception"), outputs[1 - winner]);

            long seed = winner == 0 ? 7 : 8;
            RunDirectory rd = new RunDirectory(dir);
            assertEquals(seed, rd.config().seed(), "config.yaml is the winner's");
            Genome g = rd.latestGenome(); // checkpoint and genome checked against config.yaml
            List<Map<String, Object>> rows = rd.metrics();
            assertEquals(30, rows.size(), "each generation once");
            for (int i = 0; i < 30; i++) {
                assertEquals(i, rows.get(i).get("generation"));
            }
            List<String> sets = new ArrayList<>(SETS);
            sets.addAll(List.of("generations=30", "seed=" + seed, "threads=1"));
            TrainingRun.Result alone = TrainingRun.start(RunConfig.resolve("iaf", "quick", null, sets),
                    tmp.resolve("alone" + round), List.of(), () -> false);
            assertArrayEquals(alone.state().theta(), g.parameters(), 0f, "the numbers of a run that was alone");
        }
    }
}
